import { randomUUID } from 'node:crypto';
import { enrolmentStreamId } from '@haven/empowerment/contracts';
import { PersonalData } from '@haven/platform/nest';
import type { Principal } from '@haven/platform/security';
import { day, shelter, useEmpowermentService } from './testing/empowerment-spec-harness';

const empowerment = useEmpowermentService();

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

async function streamEventTypes(enrolmentId: string): Promise<string[]> {
  return (await empowerment.store.readStream(enrolmentStreamId(enrolmentId))).map(
    (event) => event.type,
  );
}

describe('empowerment through its subgraph', () => {
  it('enrols a consenting minor, records services, follow-ups and a grant, and lists her follow-up', async () => {
    const beneficiaryId = await empowerment.registerBeneficiary();
    const enrolmentId = randomUUID();
    const enrolled = await empowerment.service.graphql(
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

    const rehab = await empowerment.service.graphql(
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

    const missed = await empowerment.service.graphql(
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
    const due = await empowerment.service.graphql(
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
      empowerment.service.graphql(
        WORK_LIST,
        { list: 'NOT_REACHED', attempts },
        {},
        { as: officerTH },
      );
    expect((await notReached(1)).body.data?.followUpWorkList).toMatchObject({ totalCount: 1 });
    expect((await notReached(2)).body.data?.followUpWorkList).toMatchObject({ totalCount: 0 });

    const grant = await empowerment.service.graphql(
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
    const tooMuch = await empowerment.service.graphql(
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
    const paid = await empowerment.service.graphql(
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
    const read = await empowerment.service.graphql(LIST, {}, {}, { as: protectionTH });
    expect(read.body.data?.enrolments).toMatchObject({ totalCount: 1 });
    const elsewhere = await empowerment.service.graphql(LIST, {}, {}, { as: officerLA });
    expect(elsewhere.body.data?.enrolments).toMatchObject({ totalCount: 0 });
    for (const principal of [legalLA, partner, analyst]) {
      const refused = await empowerment.service.graphql(LIST, {}, {}, { as: principal });
      expect(refused.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const before = await empowerment.streamLength(enrolmentId);
    const foreign = await empowerment.service.graphql(
      SERVICE,
      { input: { enrolmentId, kind: 'HEALTH_CHECK', providedOn: day(0) } },
      {},
      { as: officerLA },
    );
    expect(foreign.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await empowerment.streamLength(enrolmentId)).toBe(before);

    // Protection's Beneficiary, by reference: the services recorded for her (0 for anyone else).
    const counted = await empowerment.service.graphql<{
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
    const byReference = await empowerment.service.graphql<{
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
    const noConsent = await empowerment.registerBeneficiary({ consent: null });
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
      const response = await empowerment.service.graphql(
        ENROL,
        { input: { enrolmentId, ...input } },
        {},
        { as: officerTH },
      );
      expect(response.body.errors?.[0].extensions?.code).toBe(code);
      expect(JSON.stringify(response.body.errors)).not.toMatch(/marker|xxxxxxxx/);
      expect(await empowerment.streamLength(enrolmentId)).toBe(0);
    }
    const consenting = await empowerment.registerBeneficiary();
    const enrolmentId = randomUUID();
    await empowerment.service.graphql(
      ENROL,
      { input: { enrolmentId, beneficiaryId: consenting, setting: shelter, enrolledOn: day(-10) } },
      {},
      { as: officerTH },
    );
    const zero = await empowerment.service.graphql(
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
    const backwards = await empowerment.service.graphql(
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
    expect(await empowerment.streamLength(enrolmentId)).toBe(1);
  });
  it('seals a counselling note with the person’s key, logs every read, and shreds it with her', async () => {
    const beneficiaryId = await empowerment.registerBeneficiary();
    const enrolmentId = randomUUID();
    await empowerment.service.graphql(
      ENROL,
      { input: { enrolmentId, beneficiaryId, setting: shelter, enrolledOn: day(-5) } },
      {},
      { as: officerTH },
    );
    const marker = `note-marker-${randomUUID()}`;
    const written = await empowerment.service.graphql(
      `mutation ($input: RecordEmpowermentNoteInput!) { recordEmpowermentNote(input: $input) { id } }`,
      { input: { enrolmentId, topic: 'COUNSELLING', writtenOn: day(-1), text: marker } },
      {},
      { as: officerTH },
    );
    expect(written.body.errors).toBeUndefined();
    const stored = await empowerment.store.readStream(enrolmentStreamId(enrolmentId));
    expect(JSON.stringify(stored)).not.toContain(marker);
    const NOTES = `{ enrolments(country: TH) { edges { node { id notes { topic text } } } } }`;
    const notesOf = async (principal: Principal) => {
      const response = await empowerment.service.graphql<{
        enrolments: {
          edges: Array<{ node: { id: string; notes: Array<{ text: string | null }> } }>;
        };
      }>(NOTES, {}, {}, { as: principal });
      return {
        response,
        mine: response.body.data?.enrolments.edges.find((edge) => edge.node.id === enrolmentId),
      };
    };
    await empowerment.caughtUp();
    const { mine } = await notesOf(officerTH);
    expect(mine?.node.notes).toEqual([{ topic: 'COUNSELLING', text: marker }]);
    const logged = await empowerment.sql.query(
      `SELECT fields FROM privacy.access_log WHERE record_type = 'EmpowermentNote' AND actor_id = 'officer-th-1'`,
    );
    expect(logged.rows.length).toBeGreaterThan(0);
    // Protection officers read enrolments, not the notes in clear.
    const { response } = await notesOf(protectionTH);
    expect(response.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Erasure destroys her key: the note is unreadable everywhere.
    await empowerment.service.app.get(PersonalData).keys.destroy(beneficiaryId);
    const after = await notesOf({ ...officerTH, subject: 'officer-th-2' });
    expect(after.mine?.node.notes).toEqual([{ topic: 'COUNSELLING', text: null }]);
    expect(empowerment.service.rawLogs()).not.toContain(marker);
  });
});
