// What every demo seed calls the gateway with: development tokens, minted once per role, subject
// and country (HAVEN_TOKEN for every call when set), and a GraphQL call that throws the first
// error's code and message.
import { DEFAULT_KEYS_DIR, ensureDevKeys, mintDevToken, type Role } from '@haven/platform/security';

/** A GraphQL error the gateway answered: its code, reason and message. */
export class SeedCallError extends Error {
  constructor(
    readonly code: string,
    readonly reason: string | undefined,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** Tokens for the seed, one per role, subject and countries, minted on first use. */
export function seedTokens(): (role: Role, subject: string, country?: string) => Promise<string> {
  const tokens = new Map<string, Promise<string>>();
  return (role, subject, country) => {
    if (process.env.HAVEN_TOKEN) return Promise.resolve(process.env.HAVEN_TOKEN);
    const key = `${role}/${subject}/${country ?? ''}`;
    let minted = tokens.get(key);
    if (!minted) {
      minted = mintDevToken(ensureDevKeys(process.env.HAVEN_KEYS_DIR || DEFAULT_KEYS_DIR), {
        role,
        subject,
        ...(country ? { countries: [country] } : {}),
        ttlSeconds: 3600,
      });
      tokens.set(key, minted);
    }
    return minted;
  };
}

/** A GraphQL call through the gateway; throws SeedCallError on the first error. */
export async function seedGraphql<Data>(
  gateway: string,
  correlationId: string,
  token: Promise<string>,
  query: string,
  variables: object,
): Promise<Data> {
  const response = await fetch(gateway, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-correlation-id': correlationId,
      authorization: `Bearer ${await token}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: Data;
    errors?: Array<{ message: string; extensions?: { code?: string; reason?: string } }>;
  };
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new SeedCallError(
      first.extensions?.code ?? 'ERROR',
      first.extensions?.reason,
      first.message,
    );
  }
  return body.data as Data;
}
