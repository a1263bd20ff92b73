// Starts the PostgreSQL server every test file makes its own database on (or uses DATABASE_URL),
// and, when the run includes Kafka tests, a real Apache Kafka broker (or uses KAFKA_BROKERS).
import { startDatabase } from '../postgres/database.mjs';
import { startTestKafka } from '../kafka/jest-kafka.mjs';

export default async function globalSetup(globalConfig) {
  const started = Date.now();
  const [server] = await Promise.all([
    startDatabase({ name: 'jest' }),
    startTestKafka(globalConfig),
  ]);
  globalThis.__havenDatabaseServer = server;
  process.env.HAVEN_TEST_DATABASE_SERVER = server.url;
  if (server.embedded) {
    process.stderr.write(`\nEmbedded PostgreSQL for tests ready in ${Date.now() - started} ms\n`);
  }
}
