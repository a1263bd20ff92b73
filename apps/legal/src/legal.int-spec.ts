// The legal subgraph against its real app and PostgreSQL: consent from protection's events on the
// log, bad input refused with nothing written, sealed offender identities read only by legal
// officers and admins through the access log, scope by country, and Beneficiary's legal fields.
import { randomUUID } from 'node:crypto';
import { LEGAL_MIGRATIONS } from '@haven/legal/read-models';
import { PostgresEventStore, type EventMetadata, type NewEvent } from '@haven/platform/event-store';
import { startTestService, type TestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import { Client } from 'pg';
import { AppModule } from './app.module';

const MARKER = 'Marker-Offender-Zq7';
const officer = (countries: string[], role: Principal['role'] = 'legal_officer'): Principal => ({
  subject: `${role}-${countries.join('')}`,
  role,
  countries,
  organisationId: role === 'partner' ? randomUUID() : null,
});
const legalTH = officer(['TH']);
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
const [ana, dao, unknown] = [randomUUID(), randomUUID(), randomUUID()];

async function register(id: string, legalAction: boolean | null): Promise<void> {
  const events = [
    {
      type: 'BeneficiaryRegistered',
      data: {
        beneficiaryId: id,
        referenceCode: `BEN-TH-${id.slice(0, 6)}`,
        country: 'TH',
        sex: 'FEMALE',
        minor: true,
        registeredAt: '2019-05-01T00:00:00.000Z',
      },
      metadata,
    },
    ...(legalAction === null
      ? []
      : [
          {
            type: 'ConsentRecorded',
            data: {
              beneficiaryId: id,
              kind: 'LEGAL_ACTION',
              partnerOrganisationId: null,
              given: legalAction,
              recordedOn: '2019-05-02',
            },
            metadata,
          },
        ]),
  ];
  const writer = new PostgresEventStore({ connectionString: service.db.url });
  await writer.append(beneficiaryStreamId(id), events as unknown as NewEvent[], 'any');
  await writer.close();
}

async function events(): Promise<number> {
  return Number((await sql.query('SELECT count(*) AS n FROM event_store.events')).rows[0].n);
}

async function as<Data = Record<string, unknown>>(
  principal: Principal,
  query: string,
  variables: Record<string, unknown> = {},
) {
  return (await service.graphql<Data>(query, variables, {}, { as: principal })).body;
}

const OPEN = `mutation ($input: OpenLegalCaseInput!) {
  openLegalCase(input: $input) { id streamVersion node { id country stage parties { beneficiaryId role } } }
}`;
const openInput = (beneficiaryId: string) => ({
  kind: 'SEX_TRAFFICKING',
  country: 'TH',
  province: 'Rayong',
  court: 'Rayong Provincial Court',
  stage: 'INVESTIGATION',
  openedOn: '2019-06-01',
  parties: [{ beneficiaryId, role: 'VICTIM' }],
});

beforeAll(async () => {
  service = await startTestService(AppModule, { migrations: [LEGAL_MIGRATIONS] });
  sql = new Client({ connectionString: service.db.url });
  await sql.connect();
  await register(ana, true);
  await register(dao, false);
}, 60_000);

afterAll(async () => {
  await sql?.end();
  await service?.close();
});

describe('legal subgraph', () => {
  let caseId: string;

  it('opens a case for a beneficiary who consented, and refuses one who declined or is unknown, writing nothing', async () => {
    const opened = await as<{ openLegalCase: { id: string; node: unknown } }>(legalTH, OPEN, {
      input: openInput(ana),
    });
    expect(opened.errors).toBeUndefined();
    caseId = opened.data!.openLegalCase.id;
    expect(opened.data!.openLegalCase.node).toEqual({
      id: caseId,
      country: 'TH',
      stage: 'INVESTIGATION',
      parties: [{ beneficiaryId: ana, role: 'VICTIM' }],
    });

    const before = await events();
    const declined = await as(legalTH, OPEN, { input: openInput(dao) });
    expect(declined.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NO_LEGAL_ACTION_CONSENT',
    });
    const stranger = await as(legalTH, OPEN, { input: openInput(unknown) });
    expect(stranger.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'UNKNOWN_BENEFICIARY',
    });
    expect(await events()).toBe(before);
  });

  it('refuses bad input with a code, quoting no value, and writes nothing', async () => {
    const before = await events();
    const bad = async (query: string, input: Record<string, unknown>, quoted: string) => {
      const body = await as(legalTH, query, { input });
      expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(body.errors)).not.toContain(quoted);
    };
    const CLAIM =
      'mutation ($input: ClaimCompensationInput!) { claimCompensation(input: $input) { id } }';
    const claim = { caseId, beneficiaryId: ana, source: 'STATE_FUND', on: '2020-01-01' };
    await bad(CLAIM, { ...claim, claimed: { amountMinor: -98765, currency: 'THB' } }, '98765');
    await bad(CLAIM, { ...claim, claimed: { amountMinor: 98765 } }, '98765');
    const STATUS =
      'mutation ($input: ChangeOffenderStatusInput!) { changeOffenderStatus(input: $input) { id } }';
    await bad(
      STATUS,
      { caseId, offenderId: randomUUID(), status: 'VANISHED_XQ', on: '2020-01-01' },
      'VANISHED_XQ',
    );
    const VERDICT =
      'mutation ($input: RecordVerdictInput!) { recordVerdict(input: $input) { id } }';
    await bad(
      VERDICT,
      {
        caseId,
        offenderId: randomUUID(),
        outcome: 'CONVICTED',
        pronounced: { termYears: 3, termMonths: -1 },
        on: '2020-01-01',
      },
      '-1',
    );
    const long = `${MARKER}${'x'.repeat(300)}`;
    await bad(OPEN, { ...openInput(ana), court: long }, MARKER);
    await bad(OPEN, { ...openInput(ana), openedOn: '2999-01-01' }, '2999');
    expect(await events()).toBe(before);
  });

  it('seals an offender’s identity with its own key: read by legal officers and admins only, each read logged', async () => {
    const ADD = `mutation ($input: AddOffenderInput!) { addOffender(input: $input) { node { id } } }`;
    const added = await as(legalTH, ADD, {
      input: {
        caseId,
        kind: 'ADULT_MALE',
        nationality: 'TH',
        identity: { names: MARKER, aliases: 'Boss' },
        on: '2019-06-02',
      },
    });
    expect(added.errors).toBeUndefined();
    const { rows } = await sql.query(
      `SELECT data::text AS data FROM event_store.events WHERE type = 'OffenderAdded'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].data).not.toContain(MARKER);
    const offenderId = JSON.parse(rows[0].data).offenderId as string;
    expect(
      (
        await sql.query('SELECT count(*) AS n FROM privacy.person_keys WHERE subject_id = $1', [
          offenderId,
        ])
      ).rows[0].n,
    ).toBe('1');

    const IDENTITY = `query ($id: ID!) { offenderIdentity(offenderId: $id, purpose: "hearing") { names aliases erased } }`;
    const read = await as<{ offenderIdentity: unknown }>(legalTH, IDENTITY, { id: offenderId });
    expect(read.data?.offenderIdentity).toEqual({ names: MARKER, aliases: 'Boss', erased: false });
    const log = await sql.query(
      'SELECT actor_id, record_type, fields FROM privacy.access_log WHERE record_id = $1',
      [offenderId],
    );
    expect(log.rows).toEqual([
      { actor_id: legalTH.subject, record_type: 'Offender', fields: ['names', 'aliases', 'notes'] },
    ]);

    for (const principal of [
      officer(['TH'], 'auditor'),
      officer(['TH'], 'protection_officer'),
      officer([], 'partner'),
      officer(['LA']),
    ]) {
      const refused = await as(principal, IDENTITY, { id: offenderId });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(refused)).not.toContain(MARKER);
    }
    expect(
      (
        await sql.query('SELECT count(*) AS n FROM privacy.access_log WHERE record_id = $1', [
          offenderId,
        ])
      ).rows[0].n,
    ).toBe('1');
    expect(service.rawLogs()).not.toContain(MARKER);
  });

  it('stops new actions for a beneficiary once she withdraws consent; existing records stay', async () => {
    const OCCASION = `mutation ($input: RecordServiceOccasionInput!) { recordLegalServiceOccasion(input: $input) { id } }`;
    const input = { caseId, kind: 'MEETING_PROSECUTOR', on: '2019-07-01', beneficiaryIds: [ana] };
    expect((await as(legalTH, OCCASION, { input })).errors).toBeUndefined();
    const writer = new PostgresEventStore({ connectionString: service.db.url });
    await writer.append(
      beneficiaryStreamId(ana),
      [
        {
          type: 'ConsentRecorded',
          data: {
            beneficiaryId: ana,
            kind: 'LEGAL_ACTION',
            partnerOrganisationId: null,
            given: false,
            recordedOn: '2019-08-01',
          },
          metadata,
        },
      ],
      'any',
    );
    await writer.close();
    const refused = await as(legalTH, OCCASION, { input });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NO_LEGAL_ACTION_CONSENT',
    });
    const kept = await as<{ legalCase: { serviceOccasions: unknown } }>(
      legalTH,
      `query ($id: ID!) { legalCase(id: $id) { serviceOccasions(first: 10) { totalCount edges { node { kind } } } } }`,
      { id: caseId },
    );
    expect(kept.data?.legalCase.serviceOccasions).toEqual({
      totalCount: 1,
      edges: [{ node: { kind: 'MEETING_PROSECUTOR' } }],
    });
  });

  it('lists cases by filters within the reader’s countries; partners, watchdogs, analysts and other countries see nothing', async () => {
    const LIST = `query ($stage: LegalCaseStage, $status: OffenderStatus, $year: Int, $ongoing: Int) {
      legalCases(stage: $stage, offenderStatus: $status, yearOpened: $year, ongoingIn: $ongoing) { totalCount edges { node { id } } }
    }`;
    const count = async (principal: Principal, variables: Record<string, unknown>) =>
      (await as<{ legalCases: { totalCount: number } }>(principal, LIST, variables)).data
        ?.legalCases.totalCount;
    expect(await count(legalTH, {})).toBe(1);
    expect(
      await count(legalTH, { stage: 'INVESTIGATION', status: 'UNDER_INVESTIGATION', year: 2019 }),
    ).toBe(1);
    expect(await count(legalTH, { ongoing: 2020 })).toBe(1);
    expect(await count(legalTH, { status: 'SENTENCED' })).toBe(0);
    expect(await count(legalTH, { year: 2020 })).toBe(0);
    expect(await count(officer(['LA']), {})).toBe(0);
    for (const role of ['partner', 'watchdog', 'analyst', 'protection_officer'] as const) {
      const body = await as(officer(['TH'], role), LIST);
      expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('adds legalCases and legalCaseCount to protection’s Beneficiary', async () => {
    const body = await as<{ _entities: unknown[] }>(
      legalTH,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Beneficiary { id legalCaseCount legalCases { id } } } }`,
      { r: [{ __typename: 'Beneficiary', id: ana }] },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toEqual([
      { id: ana, legalCaseCount: 1, legalCases: [{ id: caseId }] },
    ]);
  });
});
