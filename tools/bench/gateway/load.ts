// Requests: one GraphQL call, the correctness check every path passes before it is measured, and
// autocannon's load on a path.
import autocannon from 'autocannon';
import { CONNECTIONS, PAGE } from './settings';

/** One measured path: where the requests go, and what they ask. */
export interface Case {
  label: string;
  url: string;
  query: string;
  /** One set of variables per window; requests take them in turn. */
  variants: object[];
  headers: Record<string, string>;
  /** Every node must carry decrypted personal details. */
  personal?: boolean;
}

export interface GraphQLBody {
  data?: { beneficiaries?: { edges: Array<{ node: Record<string, unknown> }> } } | null;
  errors?: unknown[];
}

export async function post(
  url: string,
  query: string,
  variables: object,
  headers: Record<string, string> = {},
): Promise<GraphQLBody> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLBody;
}

/** Refuses to measure a query that does not answer correctly: a fast error is no result. */
export async function check(c: Case): Promise<void> {
  for (const variables of [c.variants[0], c.variants[c.variants.length - 1]]) {
    const body = await post(c.url, c.query, variables, c.headers);
    const fail = () => {
      throw new Error(
        `${c.label} does not answer correctly: ${JSON.stringify(body).slice(0, 500)}`,
      );
    };
    if (body.errors?.length || !body.data) fail();
    if (c.personal) {
      const nodes = body.data?.beneficiaries?.edges.map((edge) => edge.node) ?? [];
      const opened = nodes.filter(
        (node) => typeof (node.personalDetails as { givenName?: unknown })?.givenName === 'string',
      );
      if (nodes.length !== PAGE || opened.length !== PAGE) fail();
    }
  }
}

/** Load for `seconds`; each 2xx response's latency (ms) goes to `latency`. */
export function cannon(
  c: Case,
  seconds: number,
  latency?: (ms: number) => void,
): Promise<autocannon.Result> {
  const bodies = c.variants.map((variables) => JSON.stringify({ query: c.query, variables }));
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: c.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...c.headers },
        requests: [
          {
            setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
          },
        ],
        connections: CONNECTIONS,
        duration: seconds,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (latency) {
      instance.on('response', (_client, status, _bytes, ms) => {
        if (status >= 200 && status < 300) latency(ms);
      });
    }
  });
}
