// Erasing an offender's sealed identity against the real legal app and PostgreSQL: admins only,
// written to the access log with the key's destruction, the identity then reads as erased, the
// offender's kind and status history stay, and bad input or a wrong role writes nothing.
import { randomUUID } from 'node:crypto';
import { LEGAL_MIGRATIONS } from '@haven/legal/read-models';
import { PostgresEventStore, type EventMetadata, type NewEvent } from '@haven/platform/event-store';
import { startTestService, type TestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import { Client } from 'pg';
import { AppModule } from '../app.module';

const MARKER = 'Marker-Erased-Offender-Kp4';
const person = (role: Principal['role'], countries: string[]): Principal => ({
  subject: `${role}-${countries.join('') || 'all'}`,
  role,
  countries,
  organisationId: null,
});
const legalTH = person('legal_officer', ['TH']);
const admin = person('admin', []);
const metadata: EventMetadata = {
  actorId: 'protection-th-1',
  role: 'protection_officer',
  organisationId: null,
  correlationId: 'c',
  causationId: null,
  occurredAt: '2020-01-01T00:00:00.000Z',
};

let service: TestService;
let sql: Client;
const ana = randomUUID();

async function as<Data = Record<string, unknown>>(
  principal: Principal,
  query: string,
  variables: Record<string, unknown> = {},
) {
  return (await service.graphql<Data>(query, variables, {}, { as: principal })).body;
}

async function count(query: string, params: unknown[] = []): Promise<number> {
  return Number((await sql.query(query, params)).rows[0].n);
}

const events = () => count('SELECT count(*) AS n FROM event_store.events');

const ERASE = `mutation ($input: EraseOffenderIdentityInput!) {
  eraseOffenderIdentity(input: $input) { caseId offenderId erased }
}`;
const IDENTITY = `query ($id: ID!) { offenderIdentity(offenderId: $id) { names aliases notes erased } }`;

beforeAll(async () => {
  service = await startTestService(AppModule, { migrations: [LEGAL_MIGRATIONS] });
  sql = new Client({ connectionString: service.db.url });
  await sql.connect();
  const writer = new PostgresEventStore({ connectionString: service.db.url });
  const registered = [
    {
      type: 'BeneficiaryRegistered',
      data: {
        beneficiaryId: ana,
        referenceCode: `BEN-TH-${ana.slice(0, 6)}`,
        country: 'TH',
        sex: 'FEMALE',
        minor: true,
        registeredAt: '2019-05-01T00:00:00.000Z',
      },
      metadata,
    },
    {
      type: 'ConsentRecorded',
      data: {
        beneficiaryId: ana,
        kind: 'LEGAL_ACTION',
        partnerOrganisationId: null,
        given: true,
        recordedOn: '2019-05-02',
      },
      metadata,
    },
  ];
  await writer.append(beneficiaryStreamId(ana), registered as unknown as NewEvent[], 'any');
  await writer.close();
}, 60_000);

afterAll(async () => {
  await sql?.end();
  await service?.close();
});

describe('erasing an offender’s sealed identity', () => {
  let caseId: string;
  let offenderId: string;

  beforeAll(async () => {
    const opened = await as<{ openLegalCase: { id: string } }>(
      legalTH,
      `mutation ($input: OpenLegalCaseInput!) { openLegalCase(input: $input) { id } }`,
      {
        input: {
          kind: 'SEX_TRAFFICKING',
          country: 'TH',
          stage: 'INVESTIGATION',
          openedOn: '2019-06-01',
          parties: [{ beneficiaryId: ana, role: 'VICTIM' }],
        },
      },
    );
    caseId = opened.data!.openLegalCase.id;
    const added = await as<{ addOffender: { node: { offenders: { id: string }[] } } }>(
      legalTH,
      `mutation ($input: AddOffenderInput!) { addOffender(input: $input) { node { offenders { id } } } }`,
      {
        input: {
          caseId,
          kind: 'ADULT_MALE',
          nationality: 'TH',
          identity: { names: MARKER, aliases: 'Boss', notes: 'Owns the karaoke bar' },
          on: '2019-06-02',
        },
      },
    );
    offenderId = added.data!.addOffender.node.offenders[0].id;
    const moved = await as(
      legalTH,
      `mutation ($input: ChangeOffenderStatusInput!) { changeOffenderStatus(input: $input) { id } }`,
      { input: { caseId, offenderId, status: 'IN_CUSTODY', on: '2019-07-01' } },
    );
    expect(moved.errors).toBeUndefined();
  });

  it('given an offender, when a legal officer, country manager or auditor asks to erase, then it is refused and nothing is written', async () => {
    const before = await events();
    for (const principal of [
      legalTH,
      person('country_manager', ['TH']),
      person('auditor', ['TH']),
      person('protection_officer', ['TH']),
    ]) {
      const refused = await as(principal, ERASE, {
        input: { caseId, offenderId, reason: 'Court order 17' },
      });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await events()).toBe(before);
    expect(
      (await as<{ offenderIdentity: unknown }>(admin, IDENTITY, { id: offenderId })).data,
    ).toEqual({
      offenderIdentity: {
        names: MARKER,
        aliases: 'Boss',
        notes: 'Owns the karaoke bar',
        erased: false,
      },
    });
  });

  it('given bad input, when an admin asks to erase, then it is a BAD_USER_INPUT or NOT_FOUND quoting no value, and nothing is written', async () => {
    const before = await events();
    const keys = () =>
      count('SELECT count(*) AS n FROM privacy.person_keys WHERE destroyed_at IS NOT NULL');
    const keysBefore = await keys();
    const bad = async (input: Record<string, unknown>, code: string, quoted: string) => {
      const body = await as(admin, ERASE, { input });
      expect(body.errors?.[0].extensions?.code).toBe(code);
      expect(JSON.stringify(body.errors)).not.toContain(quoted);
    };
    await bad({ caseId, offenderId: 'not-an-id-Qx9', reason: 'r' }, 'BAD_USER_INPUT', 'Qx9');
    await bad({ caseId, offenderId, reason: '   ' }, 'BAD_USER_INPUT', '"   "');
    await bad(
      { caseId, offenderId, reason: `${MARKER}${'x'.repeat(600)}` },
      'BAD_USER_INPUT',
      MARKER,
    );
    await bad({ caseId, offenderId, reason: `two\nlines ${MARKER}` }, 'BAD_USER_INPUT', MARKER);
    await bad({ caseId, offenderId: randomUUID(), reason: 'r' }, 'NOT_FOUND', caseId);
    await bad({ caseId: randomUUID(), offenderId, reason: 'r' }, 'NOT_FOUND', offenderId);
    expect(await events()).toBe(before);
    expect(await keys()).toBe(keysBefore);
  });

  it('given an offender, when an admin erases the identity, then it reads as erased, the erasure is in the access log, and the rest of the offender stays', async () => {
    const erased = await as<{ eraseOffenderIdentity: unknown }>(admin, ERASE, {
      input: { caseId, offenderId, reason: 'Court order 17' },
    });
    expect(erased.errors).toBeUndefined();
    expect(erased.data?.eraseOffenderIdentity).toEqual({ caseId, offenderId, erased: true });

    const log = await sql.query(
      'SELECT actor_id, role, record_type, fields, purpose FROM privacy.access_log WHERE record_id = $1 AND purpose = $2',
      [offenderId, 'erasure'],
    );
    expect(log.rows).toEqual([
      {
        actor_id: admin.subject,
        role: 'admin',
        record_type: 'Offender',
        fields: ['names', 'aliases', 'notes'],
        purpose: 'erasure',
      },
    ]);

    for (const reader of [admin, legalTH]) {
      const read = await as<{ offenderIdentity: unknown }>(reader, IDENTITY, { id: offenderId });
      expect(read.data?.offenderIdentity).toEqual({
        names: null,
        aliases: null,
        notes: null,
        erased: true,
      });
    }

    const kept = await as<{ legalCase: { offenders: unknown[] } }>(
      legalTH,
      `query ($id: ID!) { legalCase(id: $id) { offenders { id kind nationality status statusSince } } }`,
      { id: caseId },
    );
    expect(kept.errors).toBeUndefined();
    expect(kept.data?.legalCase.offenders).toEqual([
      {
        id: offenderId,
        kind: 'ADULT_MALE',
        nationality: 'TH',
        status: 'IN_CUSTODY',
        statusSince: '2019-07-01',
      },
    ]);
    expect(service.rawLogs()).not.toContain(MARKER);
  });

  it('given an erased identity, when it is erased again, then nothing changes and nothing more is logged', async () => {
    const before = await events();
    const again = await as<{ eraseOffenderIdentity: unknown }>(admin, ERASE, {
      input: { caseId, offenderId, reason: 'Court order 17' },
    });
    expect(again.errors).toBeUndefined();
    expect(await events()).toBe(before);
    expect(
      await count(
        "SELECT count(*) AS n FROM privacy.access_log WHERE record_id = $1 AND purpose = 'erasure'",
        [offenderId],
      ),
    ).toBe(1);
  });
});
