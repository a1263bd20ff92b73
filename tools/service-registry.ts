// The service registry (services.json) for TypeScript callers: the supergraph composition and the
// tests. tools/services.mjs exposes the same list to plain ESM (npm start).
import registry from './services.json';

export interface SubgraphEntry {
  /** The subgraph's name in the supergraph, and the folder under apps/. */
  readonly name: string;
  /** Its port on 127.0.0.1 under `npm start` (HTTP, GraphQL at /graphql). */
  readonly port: number;
  /** Its entry point (starts the HTTP server). */
  readonly main: string;
  /** The file that exports its Nest `AppModule` (the composition creates the app from it). */
  readonly module: string;
}

export interface GatewayEntry {
  readonly name: string;
  readonly port: number;
  readonly main: string;
}

export const SUBGRAPHS: readonly SubgraphEntry[] = registry.subgraphs;
export const GATEWAY: GatewayEntry = registry.gateway;

/** The URL the composed supergraph records for a subgraph (the gateway's HAVEN_<NAME>_URL overrides it). */
export function defaultSubgraphUrl(subgraph: Pick<SubgraphEntry, 'port'>): string {
  return `http://127.0.0.1:${subgraph.port}/graphql`;
}
