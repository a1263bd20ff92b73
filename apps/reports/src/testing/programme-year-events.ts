// A year of the programmes' integration events for the report specs (programme-report-*.int-spec.ts),
// appended to the log as the programmes append them (protection's in the shapes stored before
// ADR 21 too): facts on both sides of 1 January 2020 and 2021 in Thailand, Laos and Myanmar, for
// a woman rescued in Thailand and a girl protected abroad by Laos.
import { randomUUID } from 'node:crypto';
import type { ReportService } from './report-service';

/**
 * The records the events are about, which some tests add to: case notifications n1 (notified on
 * 31 December 2020, validated), n2 (1 January 2021) and n3 (rejected in 2020); protection cases c0
 * (opened in 2019, in version-1 shapes) and c1 (opened by Laos abroad on 31 December 2020); the
 * woman (rescued in c0) and the girl (a victim in c1).
 */
export interface ProgrammeYearIds {
  n1: string;
  n2: string;
  n3: string;
  c0: string;
  c1: string;
  girl: string;
  woman: string;
}

export function programmeYearIds(): ProgrammeYearIds {
  return {
    n1: randomUUID(),
    n2: randomUUID(),
    n3: randomUUID(),
    c0: randomUUID(),
    c1: randomUUID(),
    girl: randomUUID(),
    woman: randomUUID(),
  };
}

/** Appends the year's events, one at a time; returns the last one's global position. */
export async function appendProgrammeYear(
  append: ReportService['append'],
  ids: ProgrammeYearIds,
): Promise<number> {
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
  return append(`protectioncase-${ids.c1}`, 'VictimIdentificationRecorded', {
    caseId: ids.c1,
    beneficiaryId: ids.girl,
    outcome: 'OFFICIALLY_IDENTIFIED',
    date: '2021-01-01',
    authority: null,
    recordedAt: '2021-01-02T03:00:00.000Z',
  });
}
