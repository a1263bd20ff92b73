import { runMigrations, type MigrationSet } from '@haven/platform/database';
import { CreatePersonKeys1764200000000 } from './migrations/1764200000000-create-person-keys';
import { CreateAccessLog1764400000000 } from './migrations/1764400000000-create-access-log';
import { ChainAccessLog1767100000000 } from './migrations/1767100000000-chain-access-log';

export const privacyMigrations = [
  CreatePersonKeys1764200000000,
  CreateAccessLog1764400000000,
  ChainAccessLog1767100000000,
];

export const PRIVACY_MIGRATIONS: MigrationSet = {
  schema: 'privacy',
  migrations: privacyMigrations,
};

/** Creates or updates the person key table and the access log (schema `privacy`). */
export function migratePrivacy(connectionString: string): Promise<string[]> {
  return runMigrations(connectionString, PRIVACY_MIGRATIONS);
}
