import { randomUUID } from 'node:crypto';
import {
  ExportVerifier,
  leafHash,
  verifyConsistency,
  verifyInclusion,
} from '@haven/platform/audit';
import type { NewEvent } from '@haven/platform/event-store';
import type { Principal } from '@haven/platform/security';
import { metadata, sleep, useAuditService } from './testing/audit-spec-harness';

const AUDITOR: Principal = {
  subject: 'auditor-7',
  role: 'auditor',
  countries: 'all',
  organisationId: null,
};
const OFFICER: Principal = {
  subject: 'officer-1',
  role: 'protection_officer',
  countries: ['TH'],
  organisationId: null,
};
const SEALED = 'pii:v1:c2VhbGVkLW1hcmtlcg';

const audit = useAuditService({ HAVEN_AUDIT_CHECKPOINT_EVERY: '1' });

describe('the audit subgraph, for auditors', () => {
  const caseId = randomUUID();
  const streamId = `protectioncase-${caseId}`;
  let whileOpen: Date;

  beforeAll(async () => {
    const opened: NewEvent = {
      type: 'ProtectionCaseOpened',
      schemaVersion: 2,
      data: {
        caseId,
        country: 'TH',
        province: SEALED,
        abroad: false,
        destination: null,
        formOfExploitation: 'SEXUAL_EXPLOITATION',
        sourceNotificationId: null,
        openedOn: '2026-12-01',
        openedAt: '2026-12-01T10:00:00.000Z',
      },
      metadata,
    };
    await audit.store.append(streamId, [opened], 'no_stream');
    await audit.checkpointOf(1);
    await sleep(30);
    whileOpen = new Date();
    await sleep(30);
    const closed: NewEvent = {
      type: 'ProtectionCaseClosed',
      schemaVersion: 2,
      data: {
        caseId,
        reason: 'NO_VICTIM_FOUND',
        closedOn: '2026-12-02',
        closedAt: '2026-12-02T10:00:00.000Z',
      },
      metadata,
    };
    await audit.store.append(streamId, [closed], 1);
    await audit.store.append(
      `casenotification-${randomUUID()}`,
      [{ type: 'Other', data: { n: 1 }, metadata }],
      'no_stream',
    );
    await audit.checkpointOf(3);
  });

  const ask = <T>(
    query: string,
    variables: Record<string, unknown> = {},
    as: Principal = AUDITOR,
  ) => audit.service.graphql<T>(query, variables, {}, { as });

  it('given a case opened then closed, when the auditor asks for it as of a date in between, then its own evolve rebuilds it open, with sealed fields sealed', async () => {
    const then = await ask<{ auditRecord: { state: string; version: number; recordType: string } }>(
      `query ($s: String!, $t: DateTime!) { auditRecord(streamId: $s, asOf: $t) { recordType version state } }`,
      { s: streamId, t: whileOpen.toISOString() },
    );
    expect(then.body.errors).toBeUndefined();
    expect(then.body.data?.auditRecord).toMatchObject({ recordType: 'ProtectionCase', version: 1 });
    expect(JSON.parse(then.body.data!.auditRecord.state)).toMatchObject({
      status: 'OPEN',
      province: SEALED,
    });
    const now = await ask<{ auditRecord: { state: string } }>(
      `query ($s: String!, $t: DateTime!) { auditRecord(streamId: $s, asOf: $t) { state } }`,
      { s: streamId, t: new Date().toISOString() },
    );
    expect(JSON.parse(now.body.data!.auditRecord.state)).toMatchObject({
      status: 'CLOSED',
      closureReason: 'NO_VICTIM_FOUND',
    });

    const atPosition = await ask<{ auditRecord: { state: string; upToPosition: number } }>(
      `query ($s: String!) { auditRecord(streamId: $s, upToPosition: 1) { state upToPosition } }`,
      { s: streamId },
    );
    expect(atPosition.body.data?.auditRecord.upToPosition).toBe(1);
    expect(JSON.parse(atPosition.body.data!.auditRecord.state)).toMatchObject({ status: 'OPEN' });

    const stream = await ask<{ auditStream: { events: Array<{ type: string; data: string }> } }>(
      `query ($s: String!, $t: DateTime) { auditStream(streamId: $s, asOf: $t) { events { type data } } }`,
      { s: streamId, t: whileOpen.toISOString() },
    );
    expect(stream.body.data?.auditStream.events.map((e) => e.type)).toEqual([
      'ProtectionCaseOpened',
    ]);
    expect(stream.body.data?.auditStream.events[0].data).toContain(SEALED);
    const byPosition = await ask<{ auditStream: { events: unknown[] } }>(
      `query ($s: String!) { auditStream(streamId: $s, upToPosition: 1) { events { type } } }`,
      { s: streamId },
    );
    expect(byPosition.body.data?.auditStream.events).toHaveLength(1);
  });

  it('writes every call to the access log, under the auditor', async () => {
    await ask(`query ($s: String!) { auditVerifyStream(streamId: $s) { ok } }`, { s: streamId });
    const { rows } = await audit.sql.query<{
      record_type: string;
      record_id: string;
      fields: string[];
    }>(
      `SELECT record_type, record_id, fields FROM privacy.access_log WHERE actor_id = 'auditor-7' ORDER BY id`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { record_type: 'AuditRecord', record_id: streamId, fields: ['state'] },
        { record_type: 'AuditStream', record_id: streamId, fields: ['events'] },
        { record_type: 'AuditStream', record_id: streamId, fields: ['verification'] },
      ]),
    );
  });

  it.each([
    [
      'a position beyond the log',
      `{ auditStream(streamId: "${streamId}", upToPosition: 999999) { streamId } }`,
    ],
    [
      'a date in the future',
      `{ auditStream(streamId: "${streamId}", asOf: "2999-01-01T00:00:00Z") { streamId } }`,
    ],
    [
      'an unknown stream',
      `{ auditRecord(streamId: "protectioncase-${randomUUID()}", asOf: "2026-01-01T00:00:00Z") { state } }`,
    ],
    ['a malformed stream id', `{ auditVerifyStream(streamId: "Not A Stream") { ok } }`],
    [
      'a record with neither date nor position',
      `{ auditRecord(streamId: "${streamId}") { state } }`,
    ],
    ['a proof for a size never signed', `{ auditConsistencyProof(fromSize: 77777) { hashes } }`],
  ])('refuses %s with BAD_USER_INPUT', async (_name, query) => {
    const response = await ask(query);
    expect(response.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses every other role', async () => {
    const response = await ask(`{ auditCheckpoint { size } }`, {}, OFFICER);
    expect(response.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('serves signed checkpoints, and inclusion and consistency proofs that verify against them', async () => {
    const list = await ask<{ auditCheckpoints: Array<{ size: number; root: string }> }>(
      `{ auditCheckpoints(first: 10) { size root } }`,
    );
    const checkpoints = list.body.data!.auditCheckpoints;
    // One per batch the follower read (each batch reaches N = 1 leaves).
    expect(checkpoints[checkpoints.length - 1].size).toBe(3);
    const first = checkpoints[0];
    expect(first.size).toBeLessThan(3);
    const inclusion = await ask<{
      auditInclusionProof: {
        leafIndex: number;
        treeSize: number;
        leafHash: string;
        root: string;
        hashes: string[];
      };
    }>(
      `{ auditInclusionProof(globalPosition: 2, treeSize: 3) { leafIndex treeSize leafHash root hashes } }`,
    );
    const p = inclusion.body.data!.auditInclusionProof;
    const { rows } = await audit.sql.query<{ hash: Buffer }>(
      'SELECT hash FROM event_store.events WHERE global_position = 2',
    );
    expect(p.leafHash).toBe(leafHash(rows[0].hash).toString('hex'));
    expect(
      verifyInclusion(
        p.leafIndex,
        p.treeSize,
        leafHash(rows[0].hash),
        p.hashes.map((h) => Buffer.from(h, 'hex')),
        Buffer.from(p.root, 'hex'),
      ),
    ).toBe(true);
    const consistency = await ask<{
      auditConsistencyProof: { fromRoot: string; toRoot: string; hashes: string[] };
    }>(`{ auditConsistencyProof(fromSize: 1, toSize: 3) { fromRoot toRoot hashes } }`);
    const c = consistency.body.data!.auditConsistencyProof;
    expect(c.fromRoot).toBe(first.root);
    expect(
      verifyConsistency(
        first.size,
        3,
        Buffer.from(c.fromRoot, 'hex'),
        Buffer.from(c.toRoot, 'hex'),
        c.hashes.map((h) => Buffer.from(h, 'hex')),
      ),
    ).toBe(true);
    const key = await ask<{ auditPublicKey: { pem: string } }>(`{ auditPublicKey { pem } }`);
    expect(key.body.data?.auditPublicKey.pem).toBe(audit.publicKeyPem);
  });

  it('given a page size below the log, when the export is read page by page, then the pages joined verify as one export', async () => {
    type Page = { auditExport: { events: number; lines: string[]; nextPage: string | null } };
    const query = `query ($after: String) { auditExport(pageSize: 2, after: $after) { events lines nextPage } }`;
    const first = await ask<Page>(query);
    expect(first.body.data?.auditExport).toMatchObject({ events: 2, nextPage: expect.any(String) });
    const second = await ask<Page>(query, { after: first.body.data!.auditExport.nextPage });
    expect(second.body.data?.auditExport).toMatchObject({ events: 1, nextPage: null });
    const verifier = new ExportVerifier({ publicKeyPem: audit.publicKeyPem });
    for (const page of [first, second]) {
      for (const line of page.body.data!.auditExport.lines) verifier.line(line);
    }
    expect(verifier.finish()).toMatchObject({ ok: true, events: 3 });
  });

  it.each([
    ['a page size of 0', `{ auditExport(pageSize: 0) { events } }`],
    ['a page size above 50,000', `{ auditExport(pageSize: 50001) { events } }`],
    ['a cursor it never gave', `{ auditExport(after: "eyJub3BlIjp0cnVlfQ") { events } }`],
    [
      'a cursor with a range',
      `{ auditExport(fromPosition: 1, after: "WzEsMSwzLDAsMywwXQ") { events } }`,
    ],
  ])('refuses an export page with %s with BAD_USER_INPUT', async (_name, query) => {
    const response = await ask(query);
    expect(response.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('exports a range that verifies offline with the published key, and verifies the log, naming an edited event', async () => {
    const exported = await ask<{ auditExport: { events: number; lines: string[] } }>(
      `{ auditExport { events lines } }`,
    );
    expect(exported.body.data?.auditExport.events).toBe(3);
    const verifier = new ExportVerifier({ publicKeyPem: audit.publicKeyPem });
    for (const line of exported.body.data!.auditExport.lines) verifier.line(line);
    expect(verifier.finish()).toMatchObject({ ok: true, events: 3 });

    const verified = await ask<{ auditVerifyLog: { ok: boolean; eventsChecked: number } }>(
      `{ auditVerifyLog { ok eventsChecked } }`,
    );
    expect(verified.body.data?.auditVerifyLog).toEqual({ ok: true, eventsChecked: 3 });
    await audit.sql.query('SET session_replication_role = replica');
    await audit.sql.query(
      `UPDATE event_store.events SET data = '{"caseId":"x"}' WHERE global_position = 2`,
    );
    await audit.sql.query('SET session_replication_role = DEFAULT');
    const broken = await ask<{
      auditVerifyLog: {
        ok: boolean;
        firstBrokenLink: { reason: string; globalPosition: number; streamId: string };
      };
    }>(`{ auditVerifyLog { ok firstBrokenLink { reason globalPosition streamId } } }`);
    expect(broken.body.data?.auditVerifyLog).toEqual({
      ok: false,
      firstBrokenLink: { reason: 'hash_mismatch', globalPosition: 2, streamId },
    });
  });
});
