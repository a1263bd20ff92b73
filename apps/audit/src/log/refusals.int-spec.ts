import type { Principal } from '@haven/platform/security';
import { useAuditService } from '../testing/audit-spec-harness';

const AUDITOR: Principal = {
  subject: 'auditor-3',
  role: 'auditor',
  countries: 'all',
  organisationId: null,
};
const OFFICER: Principal = {
  subject: 'officer-5',
  role: 'protection_officer',
  countries: ['TH'],
  organisationId: 'org-1',
};
/** What a caller might type where an id belongs: it must never reach the access log. */
const TYPED = 'beneficiary-Somchai Jaidee';

interface Entry {
  actor_id: string;
  role: string;
  organisation_id: string | null;
  record_type: string;
  record_id: string;
  fields: string[];
  request_id: string | null;
}

const audit = useAuditService({ HAVEN_AUDIT_FOLLOWER: 'off' });

describe('refused audit calls, written to the access log like accepted ones', () => {
  let requests = 0;

  const ask = (query: string, as: Principal | null) =>
    audit.service.graphql(query, {}, { 'x-request-id': `refusal-${++requests}` }, { as });
  /** The access log's entries written since `after` (an entry id). */
  const entriesAfter = async (after: number): Promise<Entry[]> =>
    (
      await audit.sql.query<Entry>(
        `SELECT actor_id, role, organisation_id, record_type, record_id, fields, request_id
           FROM privacy.access_log WHERE id > $1 ORDER BY id`,
        [after],
      )
    ).rows;
  const lastId = async () =>
    Number(
      (await audit.sql.query('SELECT coalesce(max(id), 0) AS n FROM privacy.access_log')).rows[0].n,
    );

  it('given a role the audit subgraph does not serve, when it calls, then it is refused and the refusal is logged under that caller, with the reason', async () => {
    const before = await lastId();
    const response = await ask('{ auditCheckpoint { size } }', OFFICER);
    expect(response.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await entriesAfter(before)).toEqual([
      {
        actor_id: 'officer-5',
        role: 'protection_officer',
        organisation_id: 'org-1',
        record_type: 'AuditRefusal',
        record_id: 'auditCheckpoint',
        fields: ['FORBIDDEN', 'ROLE_NOT_ALLOWED'],
        request_id: `refusal-${requests}`,
      },
    ]);
  });

  it('given bad input under an alias, when an auditor calls, then the call is logged by its field and code, and nothing the caller typed is', async () => {
    const before = await lastId();
    const response = await ask(
      `{ typed: auditStream(streamId: "${TYPED}", asOf: "2999-01-01T00:00:00Z") { streamId } }`,
      AUDITOR,
    );
    expect(response.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const entries = await entriesAfter(before);
    expect(entries).toEqual([
      expect.objectContaining({
        actor_id: 'auditor-3',
        record_type: 'AuditRefusal',
        record_id: 'auditStream',
        fields: ['BAD_USER_INPUT'],
      }),
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/Somchai|typed|2999/);
  });

  it('given a request that does not validate, when an auditor sends it, then it is logged as a refused request', async () => {
    const before = await lastId();
    const response = await ask('{ auditCheckpoint(nonsense: 1) { size } }', AUDITOR);
    expect(response.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await entriesAfter(before)).toEqual([
      expect.objectContaining({
        actor_id: 'auditor-3',
        record_type: 'AuditRefusal',
        record_id: 'request',
        fields: ['GRAPHQL_VALIDATION_FAILED'],
      }),
    ]);
  });

  it('writes no refusal for a call it served, nor for a request that names nobody', async () => {
    const before = await lastId();
    const served = await ask('{ auditCheckpoints(first: 1) { size } }', AUDITOR);
    expect(served.body.errors).toBeUndefined();
    const anonymous = await ask('{ auditCheckpoint { size } }', null);
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await entriesAfter(before)).map((entry) => entry.record_type)).toEqual(['AuditLog']);
  });
});
