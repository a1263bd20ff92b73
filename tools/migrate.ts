/**
 * Applies every pending migration of Haven's schemas to DATABASE_URL.
 * `npm start` runs it on its embedded PostgreSQL; run it yourself with
 * `DATABASE_URL=postgres://... npm run db:migrate`.
 */
import { migrateEventStore } from '@haven/platform/event-store';
import { migrateProjections } from '@haven/platform/projections';

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
