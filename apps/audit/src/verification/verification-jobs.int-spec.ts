import { randomUUID } from 'node:crypto';
import { TreeStore } from '@haven/platform/audit';
import type { Principal } from '@haven/platform/security';
import { sleep, useAuditService } from '../testing/audit-spec-harness';
import { LogVerificationJobs } from './log-verification-jobs';

const AUDITOR: Principal = {
  subject: 'auditor-9',
  role: 'auditor',
  countries: 'all',
  organisationId: null,
};
const EVENTS = 2_500;

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

const audit = useAuditService({ HAVEN_AUDIT_CHECKPOINT_EVERY: '500' });

describe('a verification of the whole log, run in the background and followed by id', () => {
  const ask = <T>(query: string, variables: Record<string, unknown> = {}) =>
    audit.service.graphql<T>(query, variables, {}, { as: AUDITOR });
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
    Number((await audit.sql.query('SELECT count(*) AS n FROM audit.verification_jobs')).rows[0].n);

  beforeAll(async () => {
    for (let i = 0; i < EVENTS / 500; i++) await audit.appendOthers(500);
    await audit.checkpointOf(EVENTS);
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
    const { rows } = await audit.sql.query<{ fields: string[] }>(
      `SELECT fields FROM privacy.access_log WHERE actor_id = 'auditor-9' AND record_type = 'AuditLog'`,
    );
    const fields = rows.map((row) => row.fields[0]);
    expect(fields).toContain('verification');
    expect(fields).toContain('verificationJob');
  });

  it('given an event edited behind the trigger, when the log is verified in the background, then the job fails and names the event', async () => {
    try {
      await audit.sql.query('SET session_replication_role = replica');
      await audit.sql.query(
        `UPDATE event_store.events SET data = '{"n":"x"}' WHERE global_position = 1700`,
      );
    } finally {
      await audit.sql.query('SET session_replication_role = DEFAULT');
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
    const jobs = audit.service.app.get(LogVerificationJobs);
    const head = await new TreeStore(audit.sql, 'event_store').latestCheckpoint();
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
