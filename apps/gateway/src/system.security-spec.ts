// Hostile requests against the whole of Haven: the real gateway and the five real services, as
// child processes on a fresh, migrated database. Every refusal is checked three ways: at the
// client (HTTP status, `extensions.code`, `reason`), in the database (no table gained or lost a
// row) and for leaks (no personal data or token text in any process's log or in any answer
// that was not an allowed read of personal details). The system boots once, here; each concern's
// tests are in testing/system-security/, declared in the order below.
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { Client } from 'pg';
import { migrate, startSystem, type System } from './testing/system';
import { describeDirectCalls } from './testing/system-security/direct-calls';
import { describeInjectionChecks } from './testing/system-security/injection';
import { describeLeakCheck } from './testing/system-security/leaks';
import { describeLimitChecks } from './testing/system-security/limits';
import { describeScopeChecks } from './testing/system-security/scope';
import { hostileSystem, type HostileSystem } from './testing/system-security/system';
import { describeTokenChecks } from './testing/system-security/tokens';

describe('Haven under hostile requests, through its real gateway and services', () => {
  let database: TestDatabase;
  let system: System;
  let sql: Client;
  let haven: HostileSystem;

  beforeAll(async () => {
    database = await createTestDatabase('system_security');
    await migrate(database.url);
    // `info`: every request's log line, so that the leak check reads what production logs.
    system = await startSystem({ databaseUrl: database.url, logLevel: 'info' });
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    haven = await hostileSystem(system, sql);
  }, 180_000);

  afterAll(async () => {
    await sql?.end();
    await system?.stop();
    await database?.drop();
  }, 60_000);

  beforeEach(() => {
    for (const proxy of Object.values(system.proxies)) proxy.calls.length = 0;
  });

  describeTokenChecks(() => haven);
  describeDirectCalls(() => haven);
  describeScopeChecks(() => haven);
  describeLimitChecks(() => haven);
  describeInjectionChecks(() => haven);
  // Last: it reads the logs and answers of every test above, so it needs the whole file run.
  describeLeakCheck(() => haven);
});
