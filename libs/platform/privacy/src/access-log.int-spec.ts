import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { AccessLog, type AccessLogEntry } from './access-log';
import { migratePrivacy } from './migrations';

let db: TestDatabase;
let pool: Pool;
let log: AccessLog;

beforeAll(async () => {
  db = await createTestDatabase('access_log');
  await migratePrivacy(db.url);
  pool = new Pool({ connectionString: db.url, max: 4 });
  log = new AccessLog(pool);
});

afterAll(async () => {
  await pool.end();
  await db.drop();
});

function entry(overrides: Partial<AccessLogEntry> = {}): AccessLogEntry {
  return {
    actorId: 'officer-1',
    role: 'protection_officer',
    organisationId: 'alliance',
    recordType: 'Beneficiary',
    recordId: randomUUID(),
    fields: ['givenName', 'dateOfBirth'],
    purpose: 'court hearing preparation',
    breakGlass: false,
    requestId: 'req-1',
    ...overrides,
  };
}

describe('the access log', () => {
  it('records a batch of entries with one INSERT, and lists them back as written, with the time', async () => {
    const recordId = randomUUID();
    const entries = [
      entry({ recordId }),
      entry({ recordId, actorId: 'officer-2', purpose: null, breakGlass: true, fields: ['phone'] }),
    ];
    const spy = jest.spyOn(pool, 'query');
    await log.record(entries);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();

    const { entries: listed, hasNextPage } = await log.list({ recordId }, { first: 10 });
    expect(hasNextPage).toBe(false);
    expect(listed).toEqual(
      entries.map((written) => ({
        ...written,
        id: expect.any(Number),
        occurredAt: expect.any(Date),
      })),
    );
  });

  it('filters by record, actor and time, and pages with `after`', async () => {
    const recordId = randomUUID();
    await log.record(
      Array.from({ length: 5 }, (_, index) => entry({ recordId, actorId: `reader-${index % 2}` })),
    );

    const byActor = await log.list({ recordId, actorId: 'reader-1' }, { first: 10 });
    expect(byActor.entries.map((e) => e.actorId)).toEqual(['reader-1', 'reader-1']);

    const first = await log.list({ recordId }, { first: 3 });
    expect(first.hasNextPage).toBe(true);
    const rest = await log.list({ recordId }, { first: 3, after: first.entries[2].id });
    expect(rest.hasNextPage).toBe(false);
    expect([...first.entries, ...rest.entries].map((e) => e.id)).toHaveLength(5);

    const future = new Date(Date.now() + 60_000);
    expect((await log.list({ recordId, from: future }, { first: 10 })).entries).toEqual([]);
    expect((await log.list({ recordId, to: future }, { first: 10 })).entries).toHaveLength(5);
  });

  it('refuses an entry that names no field', async () => {
    await expect(log.record([entry({ fields: [] })])).rejects.toThrow(RangeError);
  });

  it.each([
    ['UPDATE', "UPDATE privacy.access_log SET purpose = 'rewritten'"],
    ['DELETE', 'DELETE FROM privacy.access_log'],
    ['TRUNCATE', 'TRUNCATE privacy.access_log'],
  ])('cannot be changed: %s is refused', async (operation, statement) => {
    await log.record([entry()]);
    const before = await pool.query('SELECT count(*)::int AS n FROM privacy.access_log');

    await expect(pool.query(statement)).rejects.toMatchObject({
      code: '42501',
      message: `privacy.access_log is append-only: ${operation} is refused`,
    });
    const after = await pool.query('SELECT count(*)::int AS n FROM privacy.access_log');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});
