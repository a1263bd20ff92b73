// Starts the PostgreSQL server every test file makes its own database on (or uses DATABASE_URL).
import { startDatabase } from '../postgres/database.mjs';

export default async function globalSetup() {
  const started = Date.now();
  const server = await startDatabase({ name: 'jest' });
  globalThis.__havenDatabaseServer = server;
  process.env.HAVEN_TEST_DATABASE_SERVER = server.url;
  if (server.embedded) {
    process.stderr.write(`\nEmbedded PostgreSQL for tests ready in ${Date.now() - started} ms\n`);
  }
}
