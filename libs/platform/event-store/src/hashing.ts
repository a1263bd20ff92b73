/**
 * The event store's hashing alone, without the store: what an offline verifier needs to recompute
 * every stored hash (`@haven/platform/event-store/hashing`), free of the database client.
 */
export { chainHash, contentDigest, GENESIS_HASH } from './hash-chain';
export { canonicalJson } from './validation';
export type { JsonValue } from './event-store';
