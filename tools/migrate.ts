/**
 * Applies every pending migration of Haven's schemas to DATABASE_URL.
 * `npm start` runs it on its embedded PostgreSQL; run it yourself with
 * `DATABASE_URL=postgres://... npm run db:migrate`.
 */
import { runMigrations, type MigrationSet } from '@haven/platform/database';
import { EMPOWERMENT_MIGRATIONS } from '@haven/empowerment/read-models';
import { migrateEventStore } from '@haven/platform/event-store';
import { LEGAL_MIGRATIONS } from '@haven/legal/read-models';
import { NETWORKS_MIGRATIONS } from '@haven/networks/read-models';
import { migratePrivacy } from '@haven/platform/privacy';
import { migrateAudit } from '@haven/platform/audit';
import { migrateProjections } from '@haven/platform/projections';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { RELIEF_MIGRATIONS } from '@haven/relief/read-models';
import { REPORTS_MIGRATIONS } from '@haven/reports/read-models';

/** Each service's own schema (its read models), after the shared ones. */
const SERVICE_SCHEMAS: MigrationSet[] = [
  NETWORKS_MIGRATIONS,
  PROTECTION_MIGRATIONS,
  EMPOWERMENT_MIGRATIONS,
  LEGAL_MIGRATIONS,
  RELIEF_MIGRATIONS,
  REPORTS_MIGRATIONS,
];

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'DATABASE_URL is not set: say which database to migrate (postgres://user:password@host:port/db).',
    );
    process.exit(2);
  }
  const steps: Array<[string, (url: string) => Promise<string[]>]> = [
    ['event_store', migrateEventStore],
    ['projections', migrateProjections],
    // Person keys and the access log: shared by every service that holds personal data.
    ['privacy', migratePrivacy],
    // The Merkle trees over the logs and their signed checkpoints (docs/adr/0014).
    ['audit', migrateAudit],
    ...SERVICE_SCHEMAS.map((set): [string, (url: string) => Promise<string[]>] => [
      set.schema,
      (url) => runMigrations(url, set),
    ]),
  ];
  for (const [schema, migrate] of steps) {
    const applied = await migrate(url);
    console.log(
      applied.length ? `${schema}: applied ${applied.join(', ')}` : `${schema}: up to date`,
    );
  }
}

main().catch((error: Error) => {
  console.error(`Migration failed: ${error.message}`);
  process.exit(1);
});
