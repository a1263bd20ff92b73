export * from './event-store';
export * from './errors';
export { type Upcaster, UpcasterRegistry } from './upcasting';
export { canonicalJson, newEventId, DEFAULT_MAX_EVENT_BYTES } from './validation';
export { chainHash, contentDigest, GENESIS_HASH } from './hash-chain';
export { CatchUpSubscription, type WakeSource } from './catch-up-subscription';
export {
  PostgresEventStore,
  type PostgresEventStoreOptions,
} from './postgres/postgres-event-store';
export { migrateEventStore, EVENT_STORE_MIGRATIONS } from './postgres/migrations';
