import { randomUUID } from 'node:crypto';
import { enrolmentStreamId } from '@haven/empowerment/contracts';
import { EMPOWERMENT_MIGRATIONS } from '@haven/empowerment/read-models';
import { PostgresEventStore, type EventMetadata } from '@haven/platform/event-store';
import { PersonalData, ServiceDatabase } from '@haven/platform/nest';
import { startTestService, type TestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { beneficiaryStreamId, type BeneficiaryEvent } from '@haven/protection/contracts';
import { Client } from 'pg';
import { AppModule } from './app.module';

let service: TestService;
let store: PostgresEventStore;

async function sqlRows(text: string, values: unknown[] = []): Promise<unknown[]> {
  const client = new Client({ connectionString: service.db.url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

const officerTH: Principal = {
  subject: 'officer-th-1',
  role: 'empowerment_officer',
  countries: ['TH'],
  organisationId: null,
};
const protectionTH: Principal = { ...officerTH, subject: 'prot-th', role: 'protection_officer' };
const legalLA: Principal = {
  ...officerTH,
  subject: 'legal-la',
  role: 'legal_officer',
  countries: ['LA'],
};
const officerLA: Principal = { ...officerTH, subject: 'officer-la', countries: ['LA'] };
const partner: Principal = {
  subject: 'partner-1',
  role: 'partner',
  countries: [],
  organisationId: 'org-1',
};
const analyst: Principal = {
  subject: 'analyst-1',
  role: 'analyst',
  countries: 'all',
  organisationId: null,
};

const metadata: EventMetadata = {
  actorId: 'prot-th',
  role: 'protection_officer',
  organisationId: null,
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2026-01-01T00:00:00.000Z',
};

async function registered(consent: boolean | null, country: 'TH' | 'LA' = 'TH'): Promise<string> {
  const beneficiaryId = randomUUID();
  const events: BeneficiaryEvent[] = [
    {
      type: 'BeneficiaryRegistered',
      data: {
        beneficiaryId,
        referenceCode: `BEN-${country}-${beneficiaryId.slice(0, 6)}`,
        country,
        sex: 'FEMALE',
        minor: true,
        nationality: 'TH',
        ageYears: 15,
        registeredAt: '2026-01-01T00:00:00.000Z',
      },
    } as BeneficiaryEvent,
  ];
  if (consent !== null) {
    events.push({
      type: 'ConsentRecorded',
      data: {
        beneficiaryId,
        kind: 'SERVICES',
        partnerOrganisationId: null,
        given: consent,
        recordedOn: '2026-01-02',
      },
    });
  }
  const appended = await store.append(
    beneficiaryStreamId(beneficiaryId),
    events.map((event) => ({ ...event, metadata })),
    'no_stream',
  );
  // Protection's events reach empowerment's read model on the log, a moment later.
  await service.app
    .get(ServiceDatabase)
    .waitForProjections(appended.globalPositions[appended.globalPositions.length - 1]);
  return beneficiaryId;
}

const ENROL = `mutation ($input: EnrolBeneficiaryInput!) {
  enrolBeneficiary(input: $input) { id streamVersion node { id country minor settingKind shelterName officerId status } }
}`;
const SERVICE = `mutation ($input: RecordEmpowermentServiceInput!) {
  recordEmpowermentService(input: $input) { id node { kind mode activity providedOn providedBy } }
}`;
const FOLLOW_UP = `mutation ($input: RecordFollowUpInput!) {
  recordFollowUp(input: $input) { id node { kind channel reached nextFollowUpOn } }
}`;
const APPROVE = `mutation ($input: ApproveSmallGrantInput!) {
  approveSmallGrant(input: $input) { id node { kind approved { amountMinor currency } } }
}`;
const DISBURSE = `mutation ($input: DisburseSmallGrantInput!) {
  disburseSmallGrant(input: $input) { id node { disbursed { amountMinor currency } disbursedOn } }
}`;
const WORK_LIST = `query ($list: FollowUpWorkList!, $officerId: String, $attempts: Int = 2) {
  followUpWorkList(list: $list, officerId: $officerId, country: TH, attempts: $attempts) { totalCount edges { node { id nextFollowUpOn consecutiveNotReached } } }
}`;

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const shelter = { kind: 'SHELTER', shelterName: 'Kredtrakarn', governmentRun: true };

async function streamLength(enrolmentId: string): Promise<number> {
  return (await store.readStream(enrolmentStreamId(enrolmentId))).length;
}

async function streamEventTypes(enrolmentId: string): Promise<string[]> {
  return (await store.readStream(enrolmentStreamId(enrolmentId))).map((event) => event.type);
}

beforeAll(async () => {
  service = await startTestService(AppModule, { migrations: [EMPOWERMENT_MIGRATIONS] });
  store = new PostgresEventStore({ connectionString: service.db.url });
});

afterAll(async () => {
  await store?.close();
  await service?.close();
});

describe('empowerment through its subgraph', () => {
  it('enrols a consenting minor, records services, follow-ups and a grant, and lists her follow-up', async () => {
    const beneficiaryId = await registered(true);
    const enrolmentId = randomUUID();
    const enrolled = await service.graphql(
      ENROL,
      { input: { enrolmentId, beneficiaryId, setting: shelter, enrolledOn: day(-30) } },
      {},
      { as: officerTH },
    );
    expect(enrolled.body.errors).toBeUndefined();
    expect(enrolled.body.data?.enrolBeneficiary).toMatchObject({
      id: enrolmentId,
      streamVersion: 1,
      node: { country: 'TH', minor: true, settingKind: 'SHELTER', officerId: 'officer-th-1' },
    });

    const rehab = await service.graphql(
      SERVICE,
      {
        input: {
          enrolmentId,
          kind: 'REHABILITATION',
          mode: 'GROUP',
          activity: 'ART_THERAPY',
          providedOn: day(-29),
        },
      },
      {},
      { as: officerTH },
    );
    expect(rehab.body.data?.recordEmpowermentService).toMatchObject({
      node: { kind: 'REHABILITATION', mode: 'GROUP', providedBy: 'officer-th-1' },
    });

    const missed = await service.graphql(
      FOLLOW_UP,
      {
        input: {
          enrolmentId,
          channel: 'PHONE',
          reached: false,
          followedUpOn: day(-2),
          nextFollowUpOn: day(1),
        },
      },
      {},
      { as: officerTH },
    );
    expect(missed.body.data?.recordFollowUp).toMatchObject({ node: { reached: false } });
    const due = await service.graphql(
      WORK_LIST,
      { list: 'DUE_THIS_WEEK', officerId: 'officer-th-1' },
      {},
      { as: officerTH },
    );
    expect(due.body.data?.followUpWorkList).toMatchObject({
      totalCount: 1,
      edges: [{ node: { id: enrolmentId, nextFollowUpOn: day(1), consecutiveNotReached: 1 } }],
    });
    const notReached = (attempts: number) =>
      service.graphql(WORK_LIST, { list: 'NOT_REACHED', attempts }, {}, { as: officerTH });
    expect((await notReached(1)).body.data?.followUpWorkList).toMatchObject({ totalCount: 1 });
    expect((await notReached(2)).body.data?.followUpWorkList).toMatchObject({ totalCount: 0 });

    const grant = await service.graphql(
      APPROVE,
      {
        input: {
          enrolmentId,
          purpose: 'SMALL_BUSINESS',
          amount: { amountMinor: 500_000, currency: 'THB' },
          approvedOn: day(-1),
        },
      },
      {},
      { as: officerTH },
    );
    const grantId = (grant.body.data?.approveSmallGrant as { id: string }).id;
    const tooMuch = await service.graphql(
      DISBURSE,
      {
        input: {
          enrolmentId,
          grantId,
          amount: { amountMinor: 500_001, currency: 'THB' },
          disbursedOn: day(0),
        },
      },
      {},
      { as: officerTH },
    );
    expect(tooMuch.body.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'DISBURSEMENT_ABOVE_APPROVED',
    });
    expect(JSON.stringify(tooMuch.body.errors)).not.toContain('500001');
    const paid = await service.graphql(
      DISBURSE,
      {
        input: {
          enrolmentId,
          grantId,
          amount: { amountMinor: 500_000, currency: 'THB' },
          disbursedOn: day(0),
        },
      },
      {},
      { as: officerTH },
    );
    expect(paid.body.data?.disburseSmallGrant).toMatchObject({
      node: { disbursed: { amountMinor: 500_000, currency: 'THB' }, disbursedOn: day(0) },
    });

    // A protection officer of TH reads; LA staff, partners and analysts do not.
    const LIST = `{ enrolments(country: TH) { totalCount edges { node { id records { kind } } } } }`;
    const read = await service.graphql(LIST, {}, {}, { as: protectionTH });
    expect(read.body.data?.enrolments).toMatchObject({ totalCount: 1 });
    const elsewhere = await service.graphql(LIST, {}, {}, { as: officerLA });
    expect(elsewhere.body.data?.enrolments).toMatchObject({ totalCount: 0 });
    for (const principal of [legalLA, partner, analyst]) {
      const refused = await service.graphql(LIST, {}, {}, { as: principal });
      expect(refused.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const before = await streamLength(enrolmentId);
    const foreign = await service.graphql(
      SERVICE,
      { input: { enrolmentId, kind: 'HEALTH_CHECK', providedOn: day(0) } },
      {},
      { as: officerLA },
    );
    expect(foreign.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await streamLength(enrolmentId)).toBe(before);

    // Protection's Beneficiary, by reference: the services recorded for her (0 for anyone else).
    const counted = await service.graphql<{
      _entities: Array<{ empowermentServiceCount: number }>;
    }>(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Beneficiary { empowermentServiceCount } }
      }`,
      {
        representations: [
          { __typename: 'Beneficiary', id: beneficiaryId },
          { __typename: 'Beneficiary', id: randomUUID() },
        ],
      },
      {},
      { as: protectionTH },
    );
    expect(counted.body.errors).toBeUndefined();
    const services = (await streamEventTypes(enrolmentId)).filter(
      (type) => type === 'EmpowermentServiceRecorded',
    ).length;
    expect(services).toBeGreaterThan(0);
    expect(counted.body.data?._entities).toEqual([
      { empowermentServiceCount: services },
      { empowermentServiceCount: 0 },
    ]);

    // Her enrolments, by reference, as the gateway asks for them: within the subgraph's cost
    // limit (the representations' list counts as 100 items, so each one's list must be bounded).
    const byReference = await service.graphql<{
      _entities: Array<{ empowermentEnrolments: Array<{ id: string }> }>;
    }>(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Beneficiary { empowermentEnrolments { id } } }
      }`,
      { representations: [{ __typename: 'Beneficiary', id: beneficiaryId }] },
      {},
      { as: protectionTH },
    );
    expect(byReference.body.errors).toBeUndefined();
    expect(byReference.body.data?._entities).toEqual([
      { empowermentEnrolments: [{ id: enrolmentId }] },
    ]);
  });

  it('refuses bad input with a code, quoting no value, and writes nothing', async () => {
    const noConsent = await registered(null);
    const unknown = randomUUID();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ beneficiaryId: unknown, setting: shelter, enrolledOn: day(-1) }, 'NOT_FOUND'],
      [{ beneficiaryId: noConsent, setting: shelter, enrolledOn: day(-1) }, 'CONFLICT'],
      [{ beneficiaryId: noConsent, setting: shelter, enrolledOn: 'marker-date' }, 'BAD_USER_INPUT'],
      [
        {
          beneficiaryId: noConsent,
          setting: { ...shelter, shelterName: 'x'.repeat(500) },
          enrolledOn: day(-1),
        },
        'BAD_USER_INPUT',
      ],
    ];
    for (const [input, code] of cases) {
      const enrolmentId = randomUUID();
      const response = await service.graphql(
        ENROL,
        { input: { enrolmentId, ...input } },
        {},
        { as: officerTH },
      );
      expect(response.body.errors?.[0].extensions?.code).toBe(code);
      expect(JSON.stringify(response.body.errors)).not.toMatch(/marker|xxxxxxxx/);
      expect(await streamLength(enrolmentId)).toBe(0);
    }
    const consenting = await registered(true);
    const enrolmentId = randomUUID();
    await service.graphql(
      ENROL,
      { input: { enrolmentId, beneficiaryId: consenting, setting: shelter, enrolledOn: day(-10) } },
      {},
      { as: officerTH },
    );
    const zero = await service.graphql(
      APPROVE,
      {
        input: {
          enrolmentId,
          purpose: 'LIVESTOCK',
          amount: { amountMinor: 0, currency: 'THB' },
          approvedOn: day(0),
        },
      },
      {},
      { as: officerTH },
    );
    expect(zero.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const backwards = await service.graphql(
      FOLLOW_UP,
      {
        input: {
          enrolmentId,
          channel: 'ONLINE',
          reached: true,
          followedUpOn: day(0),
          nextFollowUpOn: day(-1),
        },
      },
      {},
      { as: officerTH },
    );
    expect(backwards.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NEXT_FOLLOW_UP_NOT_AFTER',
    });
    expect(await streamLength(enrolmentId)).toBe(1);
  });
  it('seals a counselling note with the person’s key, logs every read, and shreds it with her', async () => {
    const beneficiaryId = await registered(true);
    const enrolmentId = randomUUID();
    await service.graphql(
      ENROL,
      { input: { enrolmentId, beneficiaryId, setting: shelter, enrolledOn: day(-5) } },
      {},
      { as: officerTH },
    );
    const marker = `note-marker-${randomUUID()}`;
    const written = await service.graphql(
      `mutation ($input: RecordEmpowermentNoteInput!) { recordEmpowermentNote(input: $input) { id } }`,
      { input: { enrolmentId, topic: 'COUNSELLING', writtenOn: day(-1), text: marker } },
      {},
      { as: officerTH },
    );
    expect(written.body.errors).toBeUndefined();
    const stored = await store.readStream(enrolmentStreamId(enrolmentId));
    expect(JSON.stringify(stored)).not.toContain(marker);
    const NOTES = `{ enrolments(country: TH) { edges { node { id notes { topic text } } } } }`;
    const notesOf = async (principal: Principal) => {
      const response = await service.graphql<{
        enrolments: {
          edges: Array<{ node: { id: string; notes: Array<{ text: string | null }> } }>;
        };
      }>(NOTES, {}, {}, { as: principal });
      return {
        response,
        mine: response.body.data?.enrolments.edges.find((edge) => edge.node.id === enrolmentId),
      };
    };
    await service.app.get(ServiceDatabase).waitForProjections(await store.headPosition());
    const { mine } = await notesOf(officerTH);
    expect(mine?.node.notes).toEqual([{ topic: 'COUNSELLING', text: marker }]);
    const logged = await sqlRows(
      `SELECT fields FROM privacy.access_log WHERE record_type = 'EmpowermentNote' AND actor_id = 'officer-th-1'`,
    );
    expect(logged.length).toBeGreaterThan(0);
    // Protection officers read enrolments, not the notes in clear.
    const { response } = await notesOf(protectionTH);
    expect(response.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Erasure destroys her key: the note is unreadable everywhere.
    await service.app.get(PersonalData).keys.destroy(beneficiaryId);
    const after = await notesOf({ ...officerTH, subject: 'officer-th-2' });
    expect(after.mine?.node.notes).toEqual([{ topic: 'COUNSELLING', text: null }]);
    expect(service.rawLogs()).not.toContain(marker);
  });
});
