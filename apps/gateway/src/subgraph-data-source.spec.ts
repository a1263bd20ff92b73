// The gateway's subgraph client on its own, against a plain HTTP server: what it sends, and how
// each way a subgraph can fail becomes that subgraph's GraphQL error.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, type IdentitySigner, type Principal } from '@haven/platform/security';
import { createLogger } from './logger';
import { SubgraphDataSource, type GatewayContext } from './subgraph-data-source';

interface Received {
  /** The gateway's end of the connection. */
  port?: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

const PRINCIPAL: Principal = {
  subject: 'spec-officer',
  role: 'protection_officer',
  countries: ['TH'],
  organisationId: null,
};
const signer = { sign: async (principal: Principal) => `signed:${principal.subject}` };

let server: http.Server;
let url: string;
let answer: (response: http.ServerResponse) => void;
const received: Received[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        port: request.socket.remotePort,
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>,
      });
      answer(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  received.length = 0;
});

function source(target = url) {
  return new SubgraphDataSource({
    name: 'legal',
    url: target,
    logger: createLogger({ level: 'silent' }),
    signer: signer as unknown as IdentitySigner,
  });
}

function call(dataSource: SubgraphDataSource) {
  const restrict = jest.fn();
  const options = {
    kind: 'incoming operation',
    request: {
      query: 'query Q($id: ID!) { x(id: $id) }',
      operationName: 'Q',
      variables: { id: 1 },
    },
    context: {
      trace: { requestId: 'req-1', correlationId: 'corr-1', errorCodes: [] },
      principal: PRINCIPAL,
    },
    incomingRequestContext: { overallCachePolicy: { restrict } },
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
  return { result: dataSource.process(options), restrict };
}

function respond(status: number, body: string, type = 'application/json; charset=utf-8') {
  answer = (response) => response.writeHead(status, { 'content-type': type }).end(body);
}

it('posts the operation with the signed identity and the request ids, and returns the answer', async () => {
  respond(200, JSON.stringify({ data: { x: 'yes' } }));
  const { result, restrict } = call(source());
  await expect(result).resolves.toEqual({ data: { x: 'yes' } });
  expect(received[0].body).toEqual({
    query: 'query Q($id: ID!) { x(id: $id) }',
    operationName: 'Q',
    variables: { id: 1 },
  });
  expect(received[0].headers).toMatchObject({
    'content-type': 'application/json',
    [IDENTITY_HEADER]: 'signed:spec-officer',
    'x-request-id': 'req-1',
    'x-correlation-id': 'corr-1',
  });
  // No Cache-Control from the subgraph: the response is not cacheable.
  expect(restrict).toHaveBeenCalledWith({ maxAge: 0 });
});

it('keeps the connection to the subgraph open between calls', async () => {
  respond(200, JSON.stringify({ data: { x: 'yes' } }));
  const dataSource = source();
  await call(dataSource).result;
  await call(dataSource).result;
  expect(received).toHaveLength(2);
  expect(received[1].port).toBe(received[0].port);
});

it.each([
  [401, 'UNAUTHENTICATED', "The legal service refused the gateway's request (HTTP 401)."],
  [403, 'FORBIDDEN', "The legal service refused the gateway's request (HTTP 403)."],
  [400, 'INTERNAL_SERVER_ERROR', "The legal service refused the gateway's request (HTTP 400)."],
  [503, 'SERVICE_UNAVAILABLE', 'The legal service is unavailable (HTTP 503).'],
])('turns HTTP %i into %s, naming the subgraph only', async (status, code, message) => {
  respond(status, JSON.stringify({ errors: [{ message: 'inner detail' }] }));
  await expect(call(source()).result).rejects.toMatchObject({
    message,
    extensions: { code, serviceName: 'legal' },
  });
});

it('refuses an answer that is not a JSON object', async () => {
  respond(200, '<html>proxy error</html>', 'text/html');
  await expect(call(source()).result).rejects.toMatchObject({
    extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'legal' },
  });
  respond(200, '[1, 2]');
  await expect(call(source()).result).rejects.toMatchObject({
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
});

it('turns a subgraph it cannot reach into SERVICE_UNAVAILABLE, without its URL', async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const error = await call(source(`http://127.0.0.1:${port}/graphql`)).result.catch((e) => e);
  expect(error).toMatchObject({
    message: 'The legal service is unavailable.',
    extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'legal' },
  });
  expect(JSON.stringify(error.extensions)).not.toContain(String(port));
});
