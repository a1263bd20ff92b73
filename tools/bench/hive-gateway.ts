/**
 * The peer for `npm run bench:gateway`: @graphql-hive/gateway serving the same committed
 * supergraph, with each subgraph's URL taken from HAVEN_<NAME>_URL as Haven's gateway does.
 * Run as its own process (PORT), like Haven's gateway, so both are measured alike.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { createGatewayRuntime } from '@graphql-hive/gateway';

const supergraphPath = path.resolve(__dirname, '../../apps/gateway/supergraph.graphql');
const supergraph = readFileSync(supergraphPath, 'utf8').replace(
  /@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g,
  (whole, name: string, url: string) =>
    `@join__graph(name: "${name}", url: "${process.env[`HAVEN_${name.toUpperCase()}_URL`] ?? url}")`,
);
const runtime = createGatewayRuntime({ supergraph, logging: 'error', graphqlEndpoint: '/graphql' });
const server = createServer(runtime);
server.listen(Number(process.env.PORT ?? 4100), '127.0.0.1');
const stop = () =>
  server.close(() => void Promise.resolve(runtime.dispose()).then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
