// The report service on its own: integration events appended to the log as the programmes append
// them (protection's in the shapes stored before ADR 21 too), projected into the report's fact
// tables and counted by the day each fact occurred.
import { ServiceDatabase } from '@haven/platform/nest';
import { startTestService, type TestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { REPORTS_MIGRATIONS } from '@haven/reports/read-models';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';

let service: TestService;
let database: ServiceDatabase;

const metadata = {
  actorId: 'officer-1',
  role: 'protection_officer',
  organisationId: null,
  correlationId: 'report-spec',
  causationId: null,
  occurredAt: '2021-01-03T09:00:00.000Z',
};

async function append(
  streamId: string,
  type: string,
  data: Record<string, unknown>,
  schemaVersion = 1,
): Promise<number> {
  const result = await database.eventStore.append(
    streamId,
    [{ type, data, schemaVersion, metadata } as never],
    'any',
  );
  return result.globalPositions[0];
}

const REPORT = `query ($year: Int!, $countries: [Country!], $asOf: DateTime) {
  programmeReport(year: $year, countries: $countries, asOf: $asOf) {
    year countries suppressed k programmes
    lines { programme figure measure breakdown key values total }
  }
}`;

type Line = {
  programme: string;
  figure: string;
  breakdown: string | null;
  key: string | null;
  values: Array<number | null>;
  total: number | null;
};
type Report = {
  year: number;
  countries: string[];
  suppressed: boolean;
  k: number | null;
  lines: Line[];
};

async function report(
  variables: Record<string, unknown>,
  as?: Principal,
): Promise<{ data?: Report; errors?: Array<{ extensions?: Record<string, unknown> }> }> {
  const response = await service.graphql<{ programmeReport: Report }>(
    REPORT,
    variables,
    {},
    as ? { as } : {},
  );
  return { data: response.body.data?.programmeReport, errors: response.body.errors };
}

/** A figure of the report, with the country columns it was asked for. */
function figure(data: Report, programme: string, name: string) {
  const lines = data.lines.filter((l) => l.programme === programme && l.figure === name);
  if (!lines.length) throw new Error(`no figure ${programme}.${name}`);
  return { countries: data.countries, lines };
}

/** A figure's value: its total, or one breakdown key's, in total or for one country. */
function value(
  table: ReturnType<typeof figure>,
  key: string | null = null,
  country?: string,
): number | null {
  const line = table.lines.find((l) => l.key === key);
  if (!line) return 0;
  return country ? line.values[table.countries.indexOf(country)] : line.total;
}

const ids = {
  n1: randomUUID(),
  n2: randomUUID(),
  n3: randomUUID(),
  c0: randomUUID(),
  c1: randomUUID(),
  girl: randomUUID(),
  woman: randomUUID(),
};
let lastPosition = 0;

beforeAll(async () => {
  service = await startTestService(AppModule, { migrations: [REPORTS_MIGRATIONS] });
  database = service.app.get(ServiceDatabase);
  const notification = (
    id: string,
    country: string,
    reportedBy: string,
    form: string,
    at: string,
  ) =>
    append(`casenotification-${id}`, 'CaseNotificationSubmitted', {
      notificationId: id,
      reportedBy,
      reporterReference: null,
      formOfExploitation: form,
      country,
      province: null,
      abroad: false,
      possibleVictims: 1,
      minors: 0,
      submittedAt: at,
    });
  // Networks: one notified on 31 December (counts in 2020), one on 1 January (2021).
  await notification(ids.n1, 'TH', 'WATCHDOG', 'SEX_TRAFFICKING', '2020-12-31T10:00:00.000Z');
  await append(`casenotification-${ids.n1}`, 'CaseNotificationValidated', {
    notificationId: ids.n1,
    validatedAt: '2021-01-01T08:00:00.000Z',
  });
  await notification(ids.n2, 'LA', 'WOMENS_GROUP', 'FORCED_MARRIAGE', '2021-01-01T02:00:00.000Z');
  await notification(
    ids.n3,
    'TH',
    'TRAINEE',
    'ONLINE_SEXUAL_EXPLOITATION',
    '2020-06-01T02:00:00.000Z',
  );
  await append(`casenotification-${ids.n3}`, 'CaseNotificationRejected', {
    notificationId: ids.n3,
    reason: 'NOT_A_CASE',
    rejectedAt: '2020-06-02T02:00:00.000Z',
  });
  await append(`watchdog-${randomUUID()}`, 'WatchdogRegistered', {
    watchdogId: randomUUID(),
    kind: 'INDIVIDUAL',
    country: 'TH',
    province: 'Udon Thani',
    joinedOn: '2019-05-01',
    trained: true,
    registeredAt: '2019-05-02T00:00:00.000Z',
  });
  await append(`watchdog-${randomUUID()}`, 'WatchdogRegistered', {
    watchdogId: randomUUID(),
    kind: 'CSO',
    country: 'TH',
    province: 'Khon Kaen',
    joinedOn: '2020-03-01',
    trained: true,
    registeredAt: '2020-03-02T00:00:00.000Z',
  });
  await append(`preventionactivity-${randomUUID()}`, 'PreventionActivityRecorded', {
    activityId: randomUUID(),
    kind: 'TRAINING',
    topic: 'ONLINE_EXPLOITATION',
    date: '2020-02-10',
    country: 'TH',
    province: 'Nong Khai',
    district: null,
    online: false,
    participants: [
      { sex: 'FEMALE', role: 'STUDENTS', count: 268 },
      { sex: 'MALE', role: 'STUDENTS', count: 186 },
    ],
    reach: null,
    recordedAt: '2020-02-11T00:00:00.000Z',
  });
  await append(`preventionactivity-${randomUUID()}`, 'PreventionActivityRecorded', {
    activityId: randomUUID(),
    kind: 'CAMPAIGN',
    topic: 'FORCED_MARRIAGE',
    date: '2020-08-10',
    country: 'MM',
    province: null,
    district: null,
    online: true,
    participants: null,
    reach: 5000,
    recordedAt: '2020-08-11T00:00:00.000Z',
  });
  // Protection: a case opened the year before, stored in its version-1 shapes (no day of the
  // fact, no statistics), its rescue on 1 January 2020 and its closing in 2020.
  await append(`protectioncase-${ids.c0}`, 'ProtectionCaseOpened', {
    caseId: ids.c0,
    country: 'TH',
    province: 'Rayong',
    abroad: false,
    formOfExploitation: 'SEX_TRAFFICKING',
    sourceNotificationId: null,
    openedAt: '2019-12-20T03:00:00.000Z',
  });
  await append(`protectioncase-${ids.c0}`, 'VictimAddedToCase', {
    caseId: ids.c0,
    beneficiaryId: ids.woman,
    formOfExploitation: 'SEX_TRAFFICKING',
    minor: false,
    addedAt: '2019-12-21T03:00:00.000Z',
  });
  await append(`protectioncase-${ids.c0}`, 'RescueOperationRecorded', {
    caseId: ids.c0,
    operationId: randomUUID(),
    date: '2020-01-01',
    place: 'Rayong',
    partnerAgencies: [],
    rescuedBeneficiaryIds: [ids.woman],
    recordedAt: '2020-01-02T03:00:00.000Z',
  });
  await append(
    `protectioncase-${ids.c0}`,
    'ProtectionCaseClosed',
    {
      caseId: ids.c0,
      reason: 'VICTIMS_RETURNED',
      closedOn: '2020-03-01',
      closedAt: '2020-03-01T03:00:00.000Z',
    },
    2,
  );
  // A case abroad (China) opened by Laos on 31 December 2020, her identification on 1 January.
  await append(
    `protectioncase-${ids.c1}`,
    'ProtectionCaseOpened',
    {
      caseId: ids.c1,
      country: 'LA',
      province: null,
      abroad: true,
      destination: 'CN',
      formOfExploitation: 'FORCED_MARRIAGE',
      sourceNotificationId: null,
      openedOn: '2020-12-31',
      openedAt: '2021-01-02T03:00:00.000Z',
    },
    2,
  );
  await append(
    `protectioncase-${ids.c1}`,
    'VictimAddedToCase',
    {
      caseId: ids.c1,
      beneficiaryId: ids.girl,
      formOfExploitation: 'FORCED_MARRIAGE',
      minor: true,
      sex: 'FEMALE',
      nationality: 'LA',
      ageYears: 16,
      addedOn: '2020-12-31',
      addedAt: '2021-01-02T03:00:00.000Z',
    },
    2,
  );
  // Empowerment: the girl, enrolled in a shelter in Thailand, counselled on 31 December (her
  // age as a later contract version carries it), followed up twice, given a grant, trained.
  const enrolment = randomUUID();
  const ofEnrolment = { enrolmentId: enrolment, beneficiaryId: ids.girl, country: 'TH' };
  const setting = {
    kind: 'SHELTER',
    shelterName: 'A shelter',
    governmentRun: true,
    province: null,
    district: null,
  };
  await append(`empowermentenrolment-${enrolment}`, 'BeneficiaryEnrolled', {
    ...ofEnrolment,
    sex: 'FEMALE',
    minor: true,
    setting,
    enrolledOn: '2020-03-01',
  });
  // Counselling is of schema version 2 (her nationality and age on the day); the tuition of
  // version 1, read through empowerment's upcaster.
  const recordService = (kind: string, providedOn: string, schemaVersion = 1) =>
    append(
      `empowermentenrolment-${enrolment}`,
      'EmpowermentServiceRecorded',
      {
        ...ofEnrolment,
        serviceId: randomUUID(),
        kind,
        mode: null,
        activity: null,
        outcome: null,
        partnerOrganisationId: null,
        minor: true,
        providedOn,
        providedBy: 'officer-1',
        ageYears: 16,
        ...(schemaVersion === 2
          ? {
              nationality: 'MM',
              occupation: null,
              institution: null,
              period: null,
              amount: null,
              sealedPlace: null,
            }
          : {}),
      },
      schemaVersion,
    );
  await recordService('COUNSELLING', '2020-12-31', 2);
  await recordService('TUITION_FEES', '2021-01-01');
  for (const [channel, reached, on] of [
    ['PHONE', true, '2020-05-01'],
    ['ONLINE', false, '2020-06-01'],
  ] as const) {
    await append(
      `empowermentenrolment-${enrolment}`,
      'FollowUpRecorded',
      {
        ...ofEnrolment,
        followUpId: randomUUID(),
        channel,
        reached,
        followedUpOn: on,
        nextFollowUpOn: null,
        providedBy: 'officer-1',
        nationality: 'MM',
        ageYears: 16,
        minor: true,
      },
      2,
    );
  }
  const grantId = randomUUID();
  await append(`empowermentenrolment-${enrolment}`, 'SmallGrantApproved', {
    ...ofEnrolment,
    grantId,
    purpose: 'SMALL_BUSINESS',
    amount: { amountMinor: 500000, currency: 'THB' },
    approvedOn: '2020-06-20',
  });
  await append(`empowermentenrolment-${enrolment}`, 'SmallGrantDisbursed', {
    ...ofEnrolment,
    grantId,
    amount: { amountMinor: 500000, currency: 'THB' },
    disbursedOn: '2020-07-01',
  });
  await append(`empowermentenrolment-${enrolment}`, 'AgentOfChangeTrainingCompleted', {
    ...ofEnrolment,
    sex: 'FEMALE',
    minor: true,
    completedOn: '2020-08-01',
  });
  // Legal: a case opened in 2019 (ongoing in 2020) with the woman, a hearing on 1 January 2020,
  // compensation approved, an offender on bail in 2020 and jailed in 2021.
  const legalCase = randomUUID();
  const legal = (type: string, data: Record<string, unknown>) =>
    append(`legalcase-${legalCase}`, type, { caseId: legalCase, country: 'TH', ...data });
  await legal('LegalCaseOpened', {
    kind: 'CRIMINAL',
    province: null,
    court: null,
    sourceProtectionCaseId: null,
    stage: 'INVESTIGATION',
    openedOn: '2019-11-01',
    beneficiaryIds: [],
  });
  await legal('LegalCaseBeneficiaryJoined', {
    beneficiaryId: ids.woman,
    role: 'VICTIM',
    sex: 'FEMALE',
    minor: false,
    joinedOn: '2019-11-01',
  });
  await legal('LegalServiceOccasionRecorded', {
    occasionId: randomUUID(),
    kind: 'COURT_HEARING',
    beneficiaryIds: [ids.woman],
    on: '2020-01-01',
  });
  await legal('CompensationApproved', {
    claimId: randomUUID(),
    beneficiaryId: ids.woman,
    source: 'OFFENDER',
    approved: { amountMinor: 29000000, currency: 'THB' },
    on: '2020-09-01',
  });
  const offenderId = randomUUID();
  await legal('OffenderStatusChanged', {
    offenderId,
    beneficiaryIds: [ids.woman],
    offenderKind: 'ADULT_MALE',
    nationality: null,
    from: null,
    to: 'ON_BAIL',
    on: '2020-02-01',
  });
  await legal('OffenderStatusChanged', {
    offenderId,
    beneficiaryIds: [ids.woman],
    offenderKind: 'ADULT_MALE',
    nationality: null,
    from: 'ON_BAIL',
    to: 'IN_JAIL',
    on: '2021-01-01',
  });
  // Relief: goods to the girl (a beneficiary) and a necessity bag to a relief recipient, by two
  // agents of change; a potential victim detected and notified.
  const response = randomUUID();
  const distribute = (kind: string, recipient: Record<string, unknown>, fieldWorkerId: string) =>
    append(`reliefresponse-${response}`, 'ReliefDistributed', {
      responseId: response,
      distributionId: randomUUID(),
      country: 'LA',
      kind,
      amountMinor: null,
      currency: null,
      fieldWorkerKind: 'AGENT_OF_CHANGE',
      fieldWorkerId,
      distributedOn: '2020-04-01',
      ...recipient,
    });
  await distribute(
    'GOODS',
    { recipientKind: 'BENEFICIARY', beneficiaryId: ids.girl, recipientId: null },
    'fw-1',
  );
  await distribute(
    'NECESSITY_BAG',
    { recipientKind: 'RELIEF_RECIPIENT', beneficiaryId: null, recipientId: randomUUID() },
    'fw-2',
  );
  await append(`reliefresponse-${response}`, 'ReliefDetectionNotified', {
    responseId: response,
    detectionId: randomUUID(),
    notificationId: randomUUID(),
    country: 'LA',
    province: null,
    formOfExploitation: 'FORCED_MARRIAGE',
    sex: 'FEMALE',
    minor: true,
    notifiedAt: '2020-04-02T03:00:00.000Z',
  });
  lastPosition = await append(`protectioncase-${ids.c1}`, 'VictimIdentificationRecorded', {
    caseId: ids.c1,
    beneficiaryId: ids.girl,
    outcome: 'OFFICIALLY_IDENTIFIED',
    date: '2021-01-01',
    authority: null,
    recordedAt: '2021-01-02T03:00:00.000Z',
  });
  await database.waitForProjections(lastPosition, 20_000);
});

afterAll(async () => {
  await service?.close();
});

it('answers reportsStatus once its database is connected', async () => {
  const response = await service.graphql<{ reportsStatus: { ready: boolean } }>(
    '{ reportsStatus { ready } }',
  );
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data?.reportsStatus.ready).toBe(true);
});

it('counts each fact in the year it occurred, per country and in total, with exact figures for an admin', async () => {
  const { data, errors } = await report({ year: 2020 });
  expect(errors).toBeUndefined();
  const r = data!;
  expect(r.suppressed).toBe(false);
  // Notified 31 December 2020 counts; 1 January 2021 does not.
  expect(value(figure(r, 'networks', 'caseNotifications'))).toBe(2);
  expect(value(figure(r, 'networks', 'caseNotifications'), 'WATCHDOG', 'TH')).toBe(1);
  expect(value(figure(r, 'networks', 'caseNotifications'), 'TRAINEE', 'TH')).toBe(1);
  expect(value(figure(r, 'networks', 'caseNotifications'), null, 'LA')).toBe(0);
  expect(value(figure(r, 'networks', 'caseNotificationOutcomes'), 'VALIDATED')).toBe(1);
  expect(value(figure(r, 'networks', 'caseNotificationOutcomes'), 'REJECTED')).toBe(1);
  expect(value(figure(r, 'networks', 'caseNotificationOutcomes'), 'SUBMITTED')).toBe(0);
  expect(value(figure(r, 'networks', 'watchdogsActive'))).toBe(2);
  expect(value(figure(r, 'networks', 'watchdogsNew'))).toBe(1);
  expect(value(figure(r, 'networks', 'watchdogsNew'), 'CSO')).toBe(1);
  expect(value(figure(r, 'networks', 'trainingSessions'))).toBe(1);
  expect(value(figure(r, 'networks', 'trainingPlaces'))).toBe(1);
  expect(value(figure(r, 'networks', 'trainingParticipants'))).toBe(454);
  expect(value(figure(r, 'networks', 'trainingParticipants'), 'FEMALE', 'TH')).toBe(268);
  expect(value(figure(r, 'networks', 'campaignReach'), null, 'MM')).toBe(5000);
  // The case opened in 2019 is not opened in 2020, but its rescue on 1 January and closing are.
  expect(value(figure(r, 'protection', 'casesOpened'))).toBe(1);
  expect(value(figure(r, 'protection', 'casesOpened'), null, 'LA')).toBe(1);
  expect(value(figure(r, 'protection', 'rescues'), null, 'TH')).toBe(1);
  expect(value(figure(r, 'protection', 'personsRescued'))).toBe(1);
  expect(value(figure(r, 'protection', 'casesClosed'), null, 'TH')).toBe(1);
  // Protected on 31 December, in Laos's programme, abroad in China; nationality LA, a minor.
  const protectedRows = figure(r, 'protection', 'personsProtected');
  expect(value(protectedRows)).toBe(1);
  expect(value(protectedRows, 'LA', 'LA')).toBe(1);
  expect(protectedRows.lines.find((line) => line.breakdown === 'destination')?.key).toBe('CN');
  expect(value(protectedRows, 'MINOR')).toBe(1);
  expect(value(protectedRows, 'ABROAD')).toBe(1);
  expect(value(figure(r, 'protection', 'identifications'))).toBe(0);
  // The woman (rescued) and the girl (protected): two people.
  expect(value(figure(r, 'all', 'uniqueBeneficiaries'))).toBe(2);
  expect(value(figure(r, 'all', 'uniqueBeneficiaries'), 'protection')).toBe(2);
});

it('counts empowerment: persons served by setting and service, follow-ups, grants, ages, agents of change', async () => {
  const r = (await report({ year: 2020 })).data!;
  const served = figure(r, 'empowerment', 'beneficiariesServed');
  expect(value(served, null, 'TH')).toBe(1);
  expect(value(served, 'SHELTER')).toBe(1);
  expect(value(served, 'COUNSELLING')).toBe(1);
  expect(value(served, 'FOLLOW_UP')).toBe(1);
  expect(value(served, 'TUITION_FEES')).toBe(0);
  // Her nationality and age group, as the events of her services and follow-ups carry them.
  expect(value(served, 'MM')).toBe(1);
  expect(value(served, 'MINOR')).toBe(1);
  expect(value(served, 'UNKNOWN')).toBe(0);
  expect(value(figure(r, 'empowerment', 'followUps'))).toBe(2);
  expect(value(figure(r, 'empowerment', 'followUps'), 'REACHED')).toBe(1);
  expect(value(figure(r, 'empowerment', 'followUps'), 'PHONE')).toBe(1);
  expect(value(figure(r, 'empowerment', 'grants'), 'SMALL_BUSINESS')).toBe(1);
  expect(value(figure(r, 'empowerment', 'grantAmounts'), 'THB', 'TH')).toBe(500000);
  expect(value(figure(r, 'empowerment', 'averageAge'))).toBe(16);
  expect(value(figure(r, 'empowerment', 'youngestAge'))).toBe(16);
  expect(value(figure(r, 'empowerment', 'agentsOfChangeTrained'))).toBe(1);
  // The girl is protected and served: once in each programme, once in the total.
  expect(value(figure(r, 'all', 'uniqueBeneficiaries'), 'empowerment')).toBe(1);
  expect(value(figure(r, 'all', 'uniqueBeneficiaries'), 'protection')).toBe(2);
  expect(value(figure(r, 'all', 'uniqueBeneficiaries'))).toBe(2);
  expect(
    value(figure((await report({ year: 2021 })).data!, 'empowerment', 'tuitionSupported')),
  ).toBe(1);
});

it('counts legal: active cases new or ongoing, beneficiaries, occasions, compensation, offenders at year end', async () => {
  const r = (await report({ year: 2020 })).data!;
  expect(value(figure(r, 'legal', 'casesActive'), 'ONGOING', 'TH')).toBe(1);
  expect(value(figure(r, 'legal', 'casesActive'), 'NEW')).toBe(0);
  expect(value(figure(r, 'legal', 'beneficiaries'), 'ADULT')).toBe(1);
  expect(value(figure(r, 'legal', 'serviceOccasions'), 'COURT_HEARING')).toBe(1);
  expect(value(figure(r, 'legal', 'compensationApproved'), 'OFFENDER')).toBe(29000000);
  expect(value(figure(r, 'legal', 'compensationApprovedCases'))).toBe(1);
  expect(value(figure(r, 'legal', 'compensationApprovedBeneficiaries'))).toBe(1);
  // On bail at the end of 2020, in jail at the end of 2021.
  expect(value(figure(r, 'legal', 'offenders'), 'ON_BAIL')).toBe(1);
  expect(value(figure(r, 'legal', 'offenders'), 'IN_JAIL')).toBe(0);
  const next = (await report({ year: 2021 })).data!;
  expect(value(figure(next, 'legal', 'offenders'), 'IN_JAIL')).toBe(1);
  expect(value(figure(next, 'legal', 'offenders'), 'ON_BAIL')).toBe(0);
  // The woman: rescued by protection and assisted by legal, once in the total.
  expect(value(figure(r, 'all', 'uniqueBeneficiaries'), 'legal')).toBe(1);
  expect(value(figure(r, 'all', 'uniqueBeneficiaries'))).toBe(2);
});

it('counts relief: recipients by distribution, potential victims notified, field workers', async () => {
  const r = (await report({ year: 2020 })).data!;
  expect(value(figure(r, 'relief', 'recipients'), null, 'LA')).toBe(2);
  expect(value(figure(r, 'relief', 'recipients'), 'NECESSITY_BAG')).toBe(1);
  expect(value(figure(r, 'relief', 'potentialVictimsNotified'), 'MINOR')).toBe(1);
  expect(value(figure(r, 'relief', 'fieldWorkers'), 'AGENT_OF_CHANGE')).toBe(2);
  // The girl counts for relief too, and still once in the total; the relief recipient is no
  // registered beneficiary.
  expect(value(figure(r, 'all', 'uniqueBeneficiaries'), 'relief')).toBe(1);
  expect(value(figure(r, 'all', 'uniqueBeneficiaries'))).toBe(2);
});

it('reads protection events stored in version 1 through the upcasters (2019: the case and its victim)', async () => {
  const r = (await report({ year: 2019 })).data!;
  expect(value(figure(r, 'protection', 'casesOpened'), null, 'TH')).toBe(1);
  const protectedRows = figure(r, 'protection', 'personsProtected');
  expect(value(protectedRows, 'UNKNOWN')).toBe(1);
  expect(value(protectedRows, 'ADULT')).toBe(1);
  expect(value(protectedRows, 'IN_COUNTRY')).toBe(1);
});

it('reproduces the report as recorded by asOf: a later record does not change it', async () => {
  const before = new Date();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const position = await append(`protectioncase-${ids.c1}`, 'VictimIdentificationRecorded', {
    caseId: ids.c1,
    beneficiaryId: ids.girl,
    outcome: 'OFFICIALLY_IDENTIFIED',
    date: '2020-12-31',
    authority: null,
    recordedAt: new Date().toISOString(),
  });
  await database.waitForProjections(position, 20_000);
  const then = (await report({ year: 2020, asOf: before.toISOString() })).data!;
  const now = (await report({ year: 2020 })).data!;
  expect(value(figure(then, 'protection', 'identifications'))).toBe(0);
  expect(value(figure(now, 'protection', 'identifications'))).toBe(1);
});

it('filters by countries of operation', async () => {
  const r = (await report({ year: 2020, countries: ['LA'] })).data!;
  expect(value(figure(r, 'networks', 'caseNotifications'))).toBe(0);
  expect(value(figure(r, 'protection', 'personsProtected'))).toBe(1);
  expect(r.countries).toEqual(['LA']);
  expect(figure(r, 'protection', 'personsProtected').lines[0].values).toEqual([1]);
});

it('refuses a year outside 1990 to next year, an unknown country and an asOf in the future', async () => {
  const nextYear = new Date().getUTCFullYear() + 1;
  for (const variables of [
    { year: 1989 },
    { year: nextYear + 1 },
    { year: 2020, asOf: new Date(Date.now() + 3_600_000).toISOString() },
  ]) {
    const { errors, data } = await report(variables);
    expect(data).toBeUndefined();
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  }
  const unknown = await report({ year: 2020, countries: ['XX'] });
  expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect((await report({ year: nextYear })).errors).toBeUndefined();
});

it('refuses roles that may not see reports, and a country manager outside her countries', async () => {
  const officer: Principal = {
    subject: 'officer-1',
    role: 'protection_officer',
    countries: ['TH'],
    organisationId: null,
  };
  expect((await report({ year: 2020 }, officer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const watchdog: Principal = {
    subject: 'w-1',
    role: 'watchdog',
    countries: [],
    organisationId: null,
  };
  expect((await report({ year: 2020 }, watchdog)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const manager: Principal = {
    subject: 'manager-la',
    role: 'country_manager',
    countries: ['LA'],
    organisationId: null,
  };
  const own = await report({ year: 2020 }, manager);
  expect(own.errors).toBeUndefined();
  expect(own.data?.suppressed).toBe(false);
  expect(value(figure(own.data!, 'protection', 'personsProtected'))).toBe(1);
  const other = await report({ year: 2020, countries: ['TH'] }, manager);
  expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

it('suppresses small cells for an analyst, and writes every run to the access log', async () => {
  const analyst: Principal = {
    subject: 'analyst-7',
    role: 'analyst',
    countries: 'all',
    organisationId: null,
  };
  const { data, errors } = await report({ year: 2020 }, analyst);
  expect(errors).toBeUndefined();
  expect(data?.suppressed).toBe(true);
  expect(data?.k).toBe(11);
  const persons = figure(data!, 'protection', 'personsProtected');
  expect(persons.lines[0].total).toBeNull();
  expect(persons.lines[0].values).toEqual(
    [null, null, null, null, null].map((_, i) => (i === 1 ? null : 0)),
  );
  // Ages are withheld from aggregate-only roles: an average of few may single someone out.
  expect(figure(data!, 'empowerment', 'averageAge').lines[0].total).toBeNull();
  // Hundreds of participants are no small cell.
  expect(value(figure(data!, 'networks', 'trainingParticipants'), 'FEMALE', 'TH')).toBe(268);
  const { rows: logged } = await database.dataSource.manager.connection
    .query(
      `SELECT actor_id, role, record_type, fields FROM privacy.access_log
      WHERE record_type = 'ProgrammeReport' AND actor_id = 'analyst-7'`,
    )
    .then((result: unknown) => ({ rows: result as Array<Record<string, unknown>> }));
  expect(logged).toEqual([
    {
      actor_id: 'analyst-7',
      role: 'analyst',
      record_type: 'ProgrammeReport',
      fields: ['programmeReport'],
    },
  ]);
});
