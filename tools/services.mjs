// The services `npm start` runs, the supergraph is composed from, and the tests start.
// The list itself lives in services.json, so that TypeScript (tools/service-registry.ts: the supergraph
// composition and the tests) and plain ESM (tools/start.mjs) read the same one. One entry per
// service; the gateway finds each subgraph at http://127.0.0.1:<port>/graphql unless
// HAVEN_<NAME>_URL overrides it.
import { readFileSync } from 'node:fs';

const registry = JSON.parse(readFileSync(new URL('./services.json', import.meta.url), 'utf8'));

/** @type {Array<{ name: string, port: number, main: string, module: string }>} */
export const SUBGRAPHS = registry.subgraphs;

/** @type {{ name: string, port: number, main: string }} */
export const GATEWAY = registry.gateway;

/** The URL the gateway uses for a subgraph: HAVEN_<NAME>_URL, or its port on 127.0.0.1. */
export function subgraphUrl(subgraph, env = process.env) {
  return env[subgraphUrlVariable(subgraph.name)] ?? `http://127.0.0.1:${subgraph.port}/graphql`;
}

/** `legal` → `HAVEN_LEGAL_URL`. */
export function subgraphUrlVariable(name) {
  return `HAVEN_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`;
}
