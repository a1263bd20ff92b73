import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { AUDIT_MIGRATIONS, TreeStore } from '@haven/platform/audit';
import { PostgresEventStore, type NewEvent } from '@haven/platform/event-store';
import { startTestService, type TestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { AppModule } from '../app.module';
import { LogVerificationJobs } from './log-verification-jobs';

const AUDITOR: Principal = {
  subject: 'auditor-9',
  role: 'auditor',
  countries: 'all',
  organisationId: null,
};
const EVENTS = 2_500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const metadata = {
  actorId: 'officer-1',
  role: 'protection_officer',
  organisationId: null,
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2026-12-01T10:00:00.000Z',
};

interface Job {
  id: string;
  status: string;
  processed: number;
  total: number;
  checkpointSize: number;
  finishedAt: string | null;
  report: {
    ok: boolean;
    eventsChecked: number;
    firstBrokenLink: { reason: string; globalPosition: number } | null;
  } | null;
}
const JOB_FIELDS = `id status processed total checkpointSize finishedAt
  report { ok eventsChecked firstBrokenLink { reason globalPosition } }`;

describe('a verification of the whole log, run in the background and followed by id', () => {
  let service: TestService;
  let store: PostgresEventStore;
  let pool: Pool;

  const ask = <T>(query: string, variables: Record<string, unknown> = {}) =>
    service.graphql<T>(query, variables, {}, { as: AUDITOR });
  const start = (variables: Record<string, unknown> = {}) =>
    ask<{ auditStartLogVerification: Job }>(
      `mutation ($from: Int, $to: Int) { auditStartLogVerification(fromPosition: $from, toPosition: $to) { ${JOB_FIELDS} } }`,
      variables,
    );
  const job = (id: string) =>
    ask<{ auditLogVerificationJob: Job }>(
      `query ($id: ID!) { auditLogVerificationJob(id: $id) { ${JOB_FIELDS} } }`,
      { id },
    );
  /** Asks for the job until it has finished, as an auditor's client would. */
  const finished = async (id: string): Promise<Job> => {
    for (let i = 0; i < 2000; i++) {
      const answer = (await job(id)).body.data!.auditLogVerificationJob;
      if (answer.status !== 'RUNNING') return answer;
      await sleep(20);
    }
    throw new Error('The verification did not finish.');
  };
  const jobCount = async () =>
    Number((await pool.query('SELECT count(*) AS n FROM audit.verification_jobs')).rows[0].n);

  beforeAll(async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    service = await startTestService(AppModule, {
      migrations: [AUDIT_MIGRATIONS],
      env: {
        HAVEN_AUDIT_SIGNING_KEY: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
        HAVEN_AUDIT_CHECKPOINT_EVERY: '500',
      },
    });
    store = new PostgresEventStore({ connectionString: service.db.url, poolSize: 2 });
    pool = new Pool({ connectionString: service.db.url, max: 2 });
    for (let s = 0; s < EVENTS / 500; s++) {
      const events: NewEvent[] = Array.from({ length: 500 }, (_, n) => ({
        type: 'Other',
        data: { n },
        metadata,
      }));
      await store.append(`casenotification-${randomUUID()}`, events, 'no_stream');
    }
    for (let i = 0; i < 800; i++) {
      const { rows } = await pool.query<{ n: string | null }>(
        `SELECT max(size) AS n FROM audit.checkpoints WHERE log = 'event_store'`,
      );
      if (Number(rows[0].n) >= EVENTS) return;
      await sleep(25);
    }
    throw new Error('No checkpoint covers the log.');
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await service.close();
  });

  it('given a log of 2,500 events, when an auditor starts a verification, then it answers at once with the total, and the job later reports every event checked and the log verified', async () => {
    const started = await start();
    expect(started.body.errors).toBeUndefined();
    const answer = started.body.data!.auditStartLogVerification;
    expect(answer).toMatchObject({ total: EVENTS, checkpointSize: EVENTS, report: null });
    expect(['RUNNING', 'VERIFIED']).toContain(answer.status);

    const done = await finished(answer.id);
    expect(done).toMatchObject({
      status: 'VERIFIED',
      processed: EVENTS,
      total: EVENTS,
      report: { ok: true, eventsChecked: EVENTS, firstBrokenLink: null },
    });
    expect(done.finishedAt).not.toBeNull();
  });

  it('verifies a range: its total is the events of the range', async () => {
    const started = await start({ from: 1001, to: 1500 });
    const done = await finished(started.body.data!.auditStartLogVerification.id);
    expect(done).toMatchObject({ status: 'VERIFIED', processed: 500, total: 500 });
  });

  it('writes the start and every look at a job to the access log, under the auditor', async () => {
    const { rows } = await pool.query<{ fields: string[] }>(
      `SELECT fields FROM privacy.access_log WHERE actor_id = 'auditor-9' AND record_type = 'AuditLog'`,
    );
    const fields = rows.map((row) => row.fields[0]);
    expect(fields).toContain('verification');
    expect(fields).toContain('verificationJob');
  });

  it('given an event edited behind the trigger, when the log is verified in the background, then the job fails and names the event', async () => {
    const admin = await pool.connect();
    try {
      await admin.query('SET session_replication_role = replica');
      await admin.query(
        `UPDATE event_store.events SET data = '{"n":"x"}' WHERE global_position = 1700`,
      );
    } finally {
      await admin.query('SET session_replication_role = DEFAULT');
      admin.release();
    }
    const started = await start();
    const done = await finished(started.body.data!.auditStartLogVerification.id);
    expect(done).toMatchObject({
      status: 'FAILED',
      processed: EVENTS,
      report: { ok: false, firstBrokenLink: { reason: 'hash_mismatch', globalPosition: 1700 } },
    });
  });

  it('given a verification running, when the service stops, then the job stops between two events and reads INTERRUPTED', async () => {
    const jobs = service.app.get(LogVerificationJobs);
    const head = await new TreeStore(pool, 'event_store').latestCheckpoint();
    // The run is waiting for its first page when the service stops.
    const running = await jobs.start({ from: null, to: null }, head!, 'auditor-9');
    await jobs.beforeApplicationShutdown();
    expect(await jobs.find(running.id)).toMatchObject({
      status: 'INTERRUPTED',
      processed: 0,
      report: null,
    });
  });

  it.each([
    ['a range beyond the newest checkpoint', { from: 1, to: 999_999 }],
    ['a reversed range', { from: 20, to: 10 }],
    ['a negative position', { from: -1 }],
  ])('refuses %s with BAD_USER_INPUT, and starts nothing', async (_name, variables) => {
    const before = await jobCount();
    const response = await start(variables);
    expect(response.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0].message).not.toMatch(/999999|-1\b/);
    expect(await jobCount()).toBe(before);
  });

  it('refuses an id that is not a job’s with BAD_USER_INPUT, and an unknown one with NOT_FOUND', async () => {
    const malformed = await job('not-an-id');
    expect(malformed.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await job(randomUUID());
    expect(unknown.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
