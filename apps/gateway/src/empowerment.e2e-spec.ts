// Empowerment end to end, through the gateway, as a new user would try it: a protection officer
// registers a rescued minor and records her consent to services; an empowerment officer for TH
// enrols her in a shelter, records rehabilitation and counselling, moves her home to community
// follow-up, records two phone follow-ups (one not reached), a small grant approved then
// disbursed, and her agent-of-change training. The work list shows her follow-up due, then
// done; networks lists her as an agent of change; her timeline shows all of it in order; a
// legal officer for LA and a partner are refused.
import { createTestDatabase, eventCount, type TestDatabase } from '@haven/platform/testing';
import { Client } from 'pg';
import { migrate, startSystem, SUBGRAPHS, type System } from './testing/system';

interface GraphQLResponse<Data> {
  status: number;
  data?: Data | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function eventually<T>(read: () => Promise<T | null | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const value = await read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('not reached in time');
}

describe('from the shelter back home and on to agent of change, through the gateway', () => {
  let database: TestDatabase;
  let system: System;
  let sql: Client;
  const tokens: Record<string, string> = {};

  async function as<Data>(
    who: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<Data>> {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }

  async function ok<Data>(
    who: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Data> {
    const response = await as<Data>(who, query, variables);
    expect(response.errors).toBeUndefined();
    return response.data as Data;
  }

  beforeAll(async () => {
    database = await createTestDatabase('empowerment_e2e');
    await migrate(database.url);
    // The three services this story crosses (fewer processes to start on a busy machine).
    const crossed = ['protection', 'empowerment', 'networks'];
    system = await startSystem({
      databaseUrl: database.url,
      subgraphs: SUBGRAPHS.filter((entry) => crossed.includes(entry.name)),
    });
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    const th = { countries: ['TH'] };
    tokens.protection = await system.token({
      role: 'protection_officer',
      ...th,
      subject: 'prot-th-1',
    });
    tokens.officer = await system.token({
      role: 'empowerment_officer',
      ...th,
      subject: 'emp-th-1',
    });
    tokens.coordinator = await system.token({
      role: 'network_coordinator',
      ...th,
      subject: 'net-th-1',
    });
    tokens.legal = await system.token({
      role: 'legal_officer',
      countries: ['LA'],
      subject: 'legal-la-1',
    });
    tokens.partner = await system.token({ role: 'partner', organisationId: 'ngo-a' });
  }, 300_000);

  afterAll(async () => {
    await sql?.end();
    await system?.stop();
    await database?.drop();
  }, 60_000);

  it('enrols, follows up, grants, trains, lists and shows it all, and refuses the others', async () => {
    // Protection registers her and records her consent to services.
    const { registerBeneficiary } = await ok<{ registerBeneficiary: { beneficiaryId: string } }>(
      'protection',
      `mutation ($input: RegisterBeneficiaryInput!) { registerBeneficiary(input: $input) { beneficiaryId } }`,
      {
        input: {
          country: 'TH',
          sex: 'FEMALE',
          minor: true,
          personal: { givenName: 'Fictional Girl' },
        },
      },
    );
    const beneficiaryId = registerBeneficiary.beneficiaryId;
    await ok(
      'protection',
      `mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { streamVersion } }`,
      { input: { beneficiaryId, kind: 'SERVICES', given: true, recordedOn: day(-40) } },
    );

    // 1. Enrolled in a shelter (once empowerment has read her consent on the log).
    const enrol = () =>
      as<{ enrolBeneficiary: { id: string } }>(
        'officer',
        `mutation ($input: EnrolBeneficiaryInput!) { enrolBeneficiary(input: $input) { id node { minor settingKind } } }`,
        {
          input: {
            beneficiaryId,
            setting: { kind: 'SHELTER', shelterName: 'Kredtrakarn', governmentRun: true },
            enrolledOn: day(-30),
          },
        },
      );
    const enrolled = await eventually(async () => {
      const response = await enrol();
      return response.errors ? null : response.data;
    });
    const enrolmentId = enrolled.enrolBeneficiary.id;
    const record = (mutation: string, input: Record<string, unknown>) =>
      ok<Record<string, { id: string }>>(
        'officer',
        `mutation ($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id } }`,
        { input: { enrolmentId, ...input } },
      );
    await record('recordEmpowermentService', {
      kind: 'REHABILITATION',
      mode: 'GROUP',
      activity: 'ART_THERAPY',
      providedOn: day(-29),
    });
    await record('recordEmpowermentService', {
      kind: 'COUNSELLING',
      mode: 'INDIVIDUAL',
      providedOn: day(-28),
    });

    // 2. Home, to community follow-up; a phone follow-up that does not reach her.
    await ok(
      'officer',
      `mutation ($input: ChangeEnrolmentSettingInput!) { changeEnrolmentSetting(input: $input) { id } }`,
      {
        input: {
          enrolmentId,
          setting: { kind: 'COMMUNITY', province: 'Chiang Rai', district: 'Mae Sai' },
          changedOn: day(-10),
        },
      },
    );
    await record('recordFollowUp', {
      channel: 'PHONE',
      reached: false,
      followedUpOn: day(-3),
      nextFollowUpOn: day(1),
    });
    // 4. The work list shows her follow-up as due.
    const DUE = `{ followUpWorkList(list: DUE_THIS_WEEK, country: TH, officerId: "emp-th-1") { totalCount edges { node { id beneficiaryId nextFollowUpOn consecutiveNotReached } } } }`;
    const due = await ok<{ followUpWorkList: { edges: Array<{ node: { id: string } }> } }>(
      'officer',
      DUE,
    );
    expect(due.followUpWorkList.edges.map((edge) => edge.node)).toEqual([
      { id: enrolmentId, beneficiaryId, nextFollowUpOn: day(1), consecutiveNotReached: 1 },
    ]);
    await record('recordFollowUp', {
      channel: 'PHONE',
      reached: true,
      followedUpOn: day(0),
      nextFollowUpOn: day(30),
    });
    const done = await ok<{ followUpWorkList: { totalCount: number } }>('officer', DUE);
    expect(done.followUpWorkList.totalCount).toBe(0);

    // 3. A small grant, approved then disbursed, and her agent-of-change training.
    const approved = await record('approveSmallGrant', {
      purpose: 'SMALL_BUSINESS',
      amount: { amountMinor: 1_500_000, currency: 'THB' },
      approvedOn: day(-1),
    });
    await record('disburseSmallGrant', {
      grantId: approved.approveSmallGrant.id,
      amount: { amountMinor: 1_500_000, currency: 'THB' },
      disbursedOn: day(0),
    });
    await record('completeAgentOfChangeTraining', { completedOn: day(0) });

    // What she received, in the order it was recorded.
    const { empowermentRecords } = await ok<{
      empowermentRecords: { totalCount: number; edges: Array<{ node: { kind: string } }> };
    }>(
      'officer',
      `query ($id: ID!) { empowermentRecords(enrolmentId: $id, first: 20) { totalCount edges { node { kind } } } }`,
      { id: enrolmentId },
    );
    expect(empowermentRecords.edges.map((edge) => edge.node.kind)).toEqual([
      'REHABILITATION',
      'COUNSELLING',
      'FOLLOW_UP',
      'FOLLOW_UP',
      'SMALL_GRANT',
      'AGENT_OF_CHANGE_TRAINING',
    ]);

    // 5. Networks lists her as an agent of change (from the training event on the log).
    const agent = await eventually(async () => {
      const { agentsOfChange } = await ok<{
        agentsOfChange: { edges: Array<{ node: { beneficiaryId: string; qualifiedOn: string } }> };
      }>(
        'coordinator',
        `{ agentsOfChange(country: TH) { edges { node { beneficiaryId qualifiedOn } } } }`,
      );
      return agentsOfChange.edges.find((edge) => edge.node.beneficiaryId === beneficiaryId);
    });
    expect(agent.node.qualifiedOn).toBe(day(0));

    // 6. Her timeline shows all of it, in order.
    const expected = [
      'BeneficiaryRegistered',
      'ConsentRecorded',
      'BeneficiaryEnrolled',
      'EmpowermentServiceRecorded',
      'EmpowermentServiceRecorded',
      'EnrolmentSettingChanged',
      'FollowUpRecorded',
      'FollowUpRecorded',
      'SmallGrantApproved',
      'SmallGrantDisbursed',
      'AgentOfChangeTrainingCompleted',
    ];
    const timeline = await eventually(async () => {
      const data = await ok<{
        beneficiary: { timeline: { edges: Array<{ node: { type: string; position: number } }> } };
      }>(
        'protection',
        `query ($id: ID!) { beneficiary(id: $id) { timeline(first: 50) { edges { node { type position } } } } }`,
        { id: beneficiaryId },
      );
      const entries = data.beneficiary.timeline.edges.map((edge) => edge.node);
      return entries.length >= expected.length ? entries : null;
    });
    expect(timeline.map((entry) => entry.type)).toEqual(expected);
    const positions = timeline.map((entry) => entry.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));

    // 7. A legal officer for LA and a partner are refused, and nothing is written.
    const before = await eventCount(sql);
    for (const who of ['legal', 'partner']) {
      const read = await as<Record<string, unknown>>(who, `{ enrolments { totalCount } }`);
      expect(read.data?.enrolments ?? null).toBeNull();
      const write = await as<Record<string, unknown>>(
        who,
        `mutation ($input: RecordEmpowermentServiceInput!) { recordEmpowermentService(input: $input) { id } }`,
        { input: { enrolmentId, kind: 'HEALTH_CHECK', providedOn: day(0) } },
      );
      expect(write.errors?.length).toBeGreaterThan(0);
      expect(write.data?.recordEmpowermentService ?? null).toBeNull();
    }
    const legalRead = await as('legal', `{ enrolments { totalCount } }`);
    expect(legalRead.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await eventCount(sql)).toBe(before);
  }, 120_000);

  it('places her with a partner business networks registered, pays her tuition, keeps her safe house sealed, and carries her nationality and age for the report', async () => {
    // A girl from Myanmar, born 15 years and 4 months ago, registered in Thailand.
    const born = new Date(Date.now() - (15 * 365 + 120) * 86_400_000).toISOString().slice(0, 10);
    const { registerBeneficiary } = await ok<{ registerBeneficiary: { beneficiaryId: string } }>(
      'protection',
      `mutation ($input: RegisterBeneficiaryInput!) { registerBeneficiary(input: $input) { beneficiaryId } }`,
      {
        input: {
          country: 'TH',
          sex: 'FEMALE',
          minor: true,
          nationalityCode: 'MM',
          personal: { givenName: 'Fictional Girl Two', dateOfBirth: born },
        },
      },
    );
    const beneficiaryId = registerBeneficiary.beneficiaryId;
    await ok(
      'protection',
      `mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { streamVersion } }`,
      { input: { beneficiaryId, kind: 'SERVICES', given: true, recordedOn: day(-5) } },
    );
    const enrolled = await eventually(async () => {
      const response = await as<{ enrolBeneficiary: { id: string } }>(
        'officer',
        `mutation ($input: EnrolBeneficiaryInput!) { enrolBeneficiary(input: $input) { id } }`,
        {
          input: {
            beneficiaryId,
            setting: { kind: 'COMMUNITY', province: 'Chiang Rai' },
            enrolledOn: day(-4),
          },
        },
      );
      return response.errors ? null : response.data;
    });
    const enrolmentId = enrolled.enrolBeneficiary.id;
    const SERVICE = `mutation ($input: RecordEmpowermentServiceInput!) {
      recordEmpowermentService(input: $input) { id node { kind occupation partnerOrganisationId institution period { from to } amount { amountMinor currency } } }
    }`;
    const service = (input: Record<string, unknown>) =>
      as<{ recordEmpowermentService: { id: string; node: Record<string, unknown> } }>(
        'officer',
        SERVICE,
        { input: { enrolmentId, ...input } },
      );

    // The network coordinator registers the employer; empowerment learns of it on the log.
    const { registerPartnerOrganisation } = await ok<{
      registerPartnerOrganisation: { partnerOrganisationId: string };
    }>(
      'coordinator',
      `mutation ($input: RegisterPartnerOrganisationInput!) { registerPartnerOrganisation(input: $input) { partnerOrganisationId } }`,
      { input: { name: 'Mae Sai Garment Cooperative', kind: 'BUSINESS', country: 'TH' } },
    );
    const employerId = registerPartnerOrganisation.partnerOrganisationId;
    const placement = await eventually(async () => {
      const response = await service({
        kind: 'JOB_PLACEMENT',
        partnerOrganisationId: employerId,
        occupation: 'Sewing machine operator',
        providedOn: day(-1),
      });
      return response.errors ? null : response.data;
    });
    expect(placement.recordEmpowermentService.node).toMatchObject({
      kind: 'JOB_PLACEMENT',
      occupation: 'Sewing machine operator',
      partnerOrganisationId: employerId,
    });
    const unknownEmployer = await service({
      kind: 'JOB_PLACEMENT',
      partnerOrganisationId: '0193b000-0000-7000-8000-00000000dead',
      occupation: 'Cook',
      providedOn: day(-1),
    });
    expect(unknownEmployer.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'EMPLOYER_UNKNOWN',
    });

    const tuition = await service({
      kind: 'TUITION_FEES',
      institution: 'Chiang Rai Vocational College',
      period: { from: day(-1), to: day(120) },
      amount: { amountMinor: 1_250_000, currency: 'THB' },
      providedOn: day(-1),
    });
    expect(tuition.errors).toBeUndefined();
    expect(tuition.data?.recordEmpowermentService.node).toMatchObject({
      institution: 'Chiang Rai Vocational College',
      period: { from: day(-1), to: day(120) },
      amount: { amountMinor: 1_250_000, currency: 'THB' },
    });
    const backwards = await service({
      kind: 'LIVING_ALLOWANCE',
      institution: 'Chiang Rai Vocational College',
      period: { from: day(30), to: day(0) },
      amount: { amountMinor: 200_000, currency: 'THB' },
      providedOn: day(0),
    });
    expect(backwards.errors?.[0].extensions?.reason).toBe('PERIOD_OUT_OF_ORDER');

    const stay = await service({
      kind: 'SAFE_ACCOMMODATION',
      place: 'Transit house 2, Soi 7, Mae Sai',
      period: { from: day(-4), to: day(20) },
      providedOn: day(-4),
    });
    expect(stay.errors).toBeUndefined();
    const stayId = stay.data?.recordEmpowermentService.id;
    const PLACE = `query ($id: ID) { empowermentRecords(enrolmentId: $id) { edges { node { id kind place } } } }`;
    const places = await ok<{
      empowermentRecords: { edges: Array<{ node: { id: string; place: string | null } }> };
    }>('officer', PLACE, { id: enrolmentId });
    expect(places.empowermentRecords.edges.find((e) => e.node.id === stayId)?.node.place).toBe(
      'Transit house 2, Soi 7, Mae Sai',
    );
    // The place is never in the log in clear, and a protection officer cannot open it.
    const stored = await sql.query(
      `SELECT data::text FROM event_store.events WHERE stream_id = $1`,
      [`empowermentenrolment-${enrolmentId}`],
    );
    expect(JSON.stringify(stored.rows)).not.toContain('Soi 7');
    const refused = await as('protection', PLACE, { id: enrolmentId });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // Her nationality and age on the day travel in clear for the annual report (ADR 21).
    expect(
      stored.rows.map((row) => JSON.parse(row.data as string)).filter((data) => data.serviceId),
    ).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'TUITION_FEES', nationality: 'MM', ageYears: 15 }),
      ]),
    );
  }, 120_000);
});
