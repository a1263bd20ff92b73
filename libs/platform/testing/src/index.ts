export { createTestDatabase, type TestDatabase } from './test-database';
export { everyTable, findClearText, type ClearTextHit } from './clear-text';
export { seededRandom } from './seeded-random';
export { eventually, waitUntil, type PollOptions } from './eventually';
export { eventCount } from './event-count';
