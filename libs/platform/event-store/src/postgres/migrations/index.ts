import { runMigrations, type MigrationSet } from '@haven/platform/database';
import { CreateEventStore1763800000000 } from './1763800000000-create-event-store';
import { ExactEventText1764900000000 } from './1764900000000-exact-event-text';
import { ChainHashesFunction1766400000000 } from './1766400000000-chain-hashes-function';
import { OwnRegistrations1767100000000 } from './1767100000000-own-registrations';
import { CategoryReadsByIndex1767700000000 } from './1767700000000-category-reads-by-index';
import { CategoryReadsPositionsFirst1767800000000 } from './1767800000000-category-reads-positions-first';
import { CategoryRangesByRowComparison1768000000000 } from './1768000000000-category-ranges-by-row-comparison';

export const EVENT_STORE_MIGRATIONS: MigrationSet = {
  schema: 'event_store',
  migrations: [
    CreateEventStore1763800000000,
    ExactEventText1764900000000,
    ChainHashesFunction1766400000000,
    OwnRegistrations1767100000000,
    CategoryReadsByIndex1767700000000,
    CategoryReadsPositionsFirst1767800000000,
    CategoryRangesByRowComparison1768000000000,
  ],
};

/** Creates or updates the store's schema (`event_store`). */
export function migrateEventStore(connectionString: string): Promise<string[]> {
  return runMigrations(connectionString, EVENT_STORE_MIGRATIONS);
}
