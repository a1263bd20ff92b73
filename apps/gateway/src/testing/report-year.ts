// The small fictional year the annual report's end-to-end test records through the gateway, as
// each programme's staff would, and what the test expects of it: every recorded fact is added to
// the test's own list (ExpectedFact) as the report defines it (ADR 19, ADR 21), so that the
// expected figures are worked out from what was recorded, never read from the report's tables.
// Networks and protection here; empowerment, legal and relief each in a file of their own.
import type { ExpectedFact } from './report-expectations';
import { recordEmpowermentYear } from './report-year-empowerment';
import { recordLegalYear } from './report-year-legal';
import { recordReliefYear } from './report-year-relief';

/** A mutation's answer: the payload under the mutation's name. */
export type Payload = Record<string, Record<string, unknown>>;

export interface MutationOptions {
  /** Whose token (admin by default). */
  as?: string;
  /** The input type, when it is not the mutation's name capitalised followed by `Input`. */
  inputType?: string;
}

/** How the year is recorded: the gateway, with the test's tokens, and the list of facts. */
export interface ReportYearApi {
  readonly facts: ExpectedFact[];
  /** YYYY-MM-DD today: what is dated by the clock (a notification) belongs to it. */
  readonly today: string;
  /** A mutation through the gateway; the test fails on any error. */
  mutate(
    name: string,
    input: Record<string, unknown>,
    select?: string,
    options?: MutationOptions,
  ): Promise<Payload>;
  /** The same, retried until it succeeds: what a service learns from another's log takes a moment. */
  eventually(
    name: string,
    input: Record<string, unknown>,
    select?: string,
    options?: MutationOptions,
  ): Promise<Payload>;
  /** Any operation through the gateway (as admin unless said); the test fails on any error. */
  query<Data>(document: string, variables?: Record<string, unknown>, as?: string): Promise<Data>;
}

/** Whole years from a birth date to a day: her age on the day of a fact. */
export function ageOn(dateOfBirth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/** Protection registers a person (nationality in clear for statistics, her birth date sealed). */
export async function registerPerson(
  api: ReportYearApi,
  person: {
    country: string;
    nationality: string;
    minor: boolean;
    dateOfBirth: string;
    sex?: string;
    registeredOn?: string;
  },
): Promise<string> {
  const { registerBeneficiary } = await api.mutate(
    'registerBeneficiary',
    {
      country: person.country,
      sex: person.sex ?? 'FEMALE',
      minor: person.minor,
      nationalityCode: person.nationality,
      ...(person.registeredOn ? { registeredOn: person.registeredOn } : {}),
      personal: { givenName: 'Fictional', dateOfBirth: person.dateOfBirth },
    },
    'beneficiaryId',
  );
  return String(registerBeneficiary.beneficiaryId);
}

/** Protection records her consent (to services, or to legal action). */
export async function recordConsent(
  api: ReportYearApi,
  beneficiaryId: string,
  kind: 'SERVICES' | 'LEGAL_ACTION',
  recordedOn: string,
): Promise<void> {
  await api.mutate('recordConsent', { beneficiaryId, kind, given: true, recordedOn });
}

/** The people protection registered that the other programmes also work with. */
export interface ProtectedPeople {
  /** A Lao minor, registered in Thailand, rescued on 1 January. */
  laoGirlInThailand: string;
  /** A Lao adult, registered in Laos, taken into a case abroad on 31 December. */
  laoWomanInLaos: string;
}

/**
 * The year across the five programmes: 2025, with facts on 31 December 2024 and 1 January 2026
 * at its edges, cases opened the year before, and what is dated by the clock (today).
 */
export async function recordTheYear(api: ReportYearApi): Promise<void> {
  const people = await recordNetworksAndProtection(api);
  const agentOfChange = await recordEmpowermentYear(api);
  await recordLegalYear(api, people);
  await recordReliefYear(api, people, agentOfChange);
}

async function recordNetworksAndProtection(api: ReportYearApi): Promise<ProtectedPeople> {
  const { facts, mutate } = api;
  // Networks: watchdogs joined the year before, on 31 December, and on 1 January after; at home
  // (where they live is left out: the network's country), a volunteer and an organisation
  // abroad, and a community across the border, in Yunnan.
  const watchdogs: string[] = [];
  for (const [kind, province, joinedOn, livesIn] of [
    ['INDIVIDUAL', 'Udon Thani', '2024-06-01', undefined],
    ['CSO', 'Khon Kaen', '2025-12-31', undefined],
    ['INDIVIDUAL', 'Udon Thani', '2026-01-01', undefined],
    ['VOLUNTEER_ABROAD', null, '2025-03-01', 'BE'],
    ['ORGANISATION_ABROAD', 'Brussels', '2025-12-31', 'BE'],
    ['COMMUNITY_GROUP', 'Yunnan', '2025-01-01', 'CN'],
  ] as const) {
    const { registerWatchdog } = await mutate(
      'registerWatchdog',
      { kind, country: 'TH', province, livesIn, joinedOn, trained: true },
      'watchdogId',
    );
    const subject = String(registerWatchdog.watchdogId);
    watchdogs.push(subject);
    const residence = livesIn ?? 'TH';
    const fact = { programme: 'networks', country: 'TH', on: joinedOn };
    facts.push(
      {
        ...fact,
        kind: 'watchdog',
        subject,
        attributes: { kind, region: province ?? 'UNKNOWN', residence },
      },
      { ...fact, kind: 'watchdogCountry', subject: residence, attributes: { kind } },
    );
    if (province) {
      facts.push({
        ...fact,
        kind: 'watchdogCommunity',
        subject: `${residence}/${province}`,
        attributes: { kind, residence },
      });
    }
  }
  const training = async (
    date: string,
    province: string,
    participants: Array<[string, string, number]>,
    institutions?: number,
  ) => {
    await mutate(
      'recordPreventionActivity',
      {
        kind: 'TRAINING',
        topic: 'ONLINE_SEXUAL_EXPLOITATION',
        date,
        country: 'TH',
        province,
        online: false,
        participants: participants.map(([sex, role, count]) => ({ sex, role, count })),
        institutions,
      },
      'activityId',
    );
    const subject = `${date}/${province}`;
    facts.push({
      programme: 'networks',
      kind: 'trainingSession',
      country: 'TH',
      on: date,
      subject,
      attributes: { topic: 'ONLINE_SEXUAL_EXPLOITATION' },
    });
    facts.push({
      programme: 'networks',
      kind: 'trainingPlace',
      country: 'TH',
      on: date,
      subject: `TH/${province}/UNKNOWN`,
    });
    if (institutions) {
      facts.push({
        programme: 'networks',
        kind: 'trainingInstitutions',
        country: 'TH',
        on: date,
        subject,
        quantity: institutions,
        attributes: { topic: 'ONLINE_SEXUAL_EXPLOITATION' },
      });
    }
    for (const [sex, role, count] of participants) {
      facts.push({
        programme: 'networks',
        kind: 'trainingParticipants',
        country: 'TH',
        on: date,
        subject,
        quantity: count,
        attributes: { sex, role, topic: 'ONLINE_SEXUAL_EXPLOITATION' },
      });
    }
  };
  await training(
    '2025-12-31',
    'Nong Khai',
    [
      ['FEMALE', 'STUDENTS', 268],
      ['MALE', 'STUDENTS', 186],
      ['FEMALE', 'TEACHERS', 63],
      ['MALE', 'TEACHERS', 49],
    ],
    6,
  );
  await training('2026-01-01', 'Nong Khai', [['FEMALE', 'VILLAGERS', 20]]);
  // A meeting with the watchdogs abroad, and a focus group an agent of change led with peers.
  for (const [kind, topic, date, country, participants] of [
    ['MEETING', 'CASE_NOTIFICATION', '2025-12-31', 'TH', [['FEMALE', 'WATCHDOGS', 14]]],
    ['FOCUS_GROUP', 'SEXUAL_EXPLOITATION', '2025-01-01', 'LA', [['FEMALE', 'PEERS_AT_RISK', 7]]],
  ] as const) {
    await mutate(
      'recordPreventionActivity',
      {
        kind,
        topic,
        date,
        country,
        online: false,
        participants: participants.map(([sex, role, count]) => ({ sex, role, count })),
      },
      'activityId',
    );
    const subject = `${kind}/${date}`;
    facts.push({
      programme: 'networks',
      kind: 'networkActivity',
      country,
      on: date,
      subject,
      attributes: { kind, topic },
    });
    for (const [sex, role, count] of participants) {
      facts.push({
        programme: 'networks',
        kind: 'networkActivityParticipants',
        country,
        on: date,
        subject,
        quantity: count,
        attributes: { kind, sex, role },
      });
    }
  }
  await mutate(
    'recordPreventionActivity',
    {
      kind: 'CAMPAIGN',
      topic: 'FORCED_MARRIAGE',
      date: '2025-03-01',
      country: 'MM',
      online: true,
      reach: 1200,
    },
    'activityId',
  );
  facts.push({
    programme: 'networks',
    kind: 'campaignReach',
    country: 'MM',
    on: '2025-03-01',
    subject: 'campaign',
    quantity: 1200,
    attributes: { topic: 'FORCED_MARRIAGE' },
  });

  // Protection. A beneficiary registered with her nationality (a code, in clear) and birth date,
  // on 1 December 2024: protection keeps her age that day, in clear (ADR 21), and ages it by whole
  // years to the day of each fact.
  const registeredOn = '2024-12-01';
  const births = new Map<string, string>();
  const register = async (
    nationality: string,
    minor: boolean,
    dateOfBirth: string,
    country = 'TH',
  ) => {
    const id = await registerPerson(api, {
      country,
      nationality,
      minor,
      dateOfBirth,
      registeredOn,
    });
    births.set(id, dateOfBirth);
    return id;
  };
  const openCase = async (input: Record<string, unknown>) => {
    const { openProtectionCase } = await mutate('openProtectionCase', input, 'caseId');
    const caseId = String(openProtectionCase.caseId);
    facts.push({
      programme: 'protection',
      kind: 'caseOpened',
      country: String(input.country),
      on: String(input.openedOn),
      subject: caseId,
      attributes: {
        form: String(input.formOfExploitation),
        place: input.abroad ? 'ABROAD' : 'IN_COUNTRY',
      },
    });
    return caseId;
  };
  const addVictim = async (
    theCase: { id: string; country: string; abroad: boolean; destination?: string; form: string },
    beneficiaryId: string,
    nationality: string,
    minor: boolean,
    addedOn: string,
  ) => {
    await mutate('addVictimToCase', { caseId: theCase.id, beneficiaryId, minor, addedOn });
    const dateOfBirth = births.get(beneficiaryId)!;
    facts.push({
      programme: 'protection',
      kind: 'protectedAge',
      country: theCase.country,
      on: addedOn,
      subject: beneficiaryId,
      quantity: ageOn(dateOfBirth, registeredOn) + ageOn(registeredOn, addedOn),
      attributes: { form: theCase.form, placeOfExploitation: 'UNKNOWN' },
    });
    facts.push({
      programme: 'protection',
      kind: 'personProtected',
      country: theCase.country,
      on: addedOn,
      subject: beneficiaryId,
      person: true,
      attributes: {
        nationality,
        ageGroup: minor ? 'MINOR' : 'ADULT',
        sex: 'FEMALE',
        form: theCase.form,
        place: theCase.abroad ? 'ABROAD' : 'IN_COUNTRY',
        destination: theCase.abroad ? (theCase.destination ?? 'UNKNOWN') : 'IN_COUNTRY',
      },
    });
  };
  const rescue = async (theCase: { id: string; country: string }, date: string, ids: string[]) => {
    await mutate('recordRescueOperation', {
      caseId: theCase.id,
      date,
      place: 'A place',
      partnerAgencies: [],
      rescuedBeneficiaryIds: ids,
    });
    facts.push({
      programme: 'protection',
      kind: 'rescue',
      country: theCase.country,
      on: date,
      subject: `${theCase.id}/${date}`,
      quantity: ids.length,
    });
    for (const id of ids)
      facts.push({
        programme: 'protection',
        kind: 'personRescued',
        country: theCase.country,
        on: date,
        subject: id,
        person: true,
      });
  };

  // Case A: opened the year before in Thailand; a Lao girl rescued and identified on 1 January,
  // received home on 10 January, the case closed on 1 February.
  const a = {
    id: await openCase({
      country: 'TH',
      province: 'Rayong',
      abroad: false,
      formOfExploitation: 'SEX_TRAFFICKING',
      openedOn: '2024-12-15',
    }),
    country: 'TH',
    abroad: false,
    form: 'SEX_TRAFFICKING',
  };
  const girl = await register('LA', true, '2008-05-01');
  await addVictim(a, girl, 'LA', true, '2024-12-16');
  await rescue(a, '2025-01-01', [girl]);
  await mutate('recordVictimIdentification', {
    caseId: a.id,
    beneficiaryId: girl,
    outcome: 'OFFICIALLY_IDENTIFIED',
    date: '2025-01-01',
  });
  facts.push({
    programme: 'protection',
    kind: 'identification',
    country: 'TH',
    on: '2025-01-01',
    subject: girl,
    person: true,
    attributes: { outcome: 'OFFICIALLY_IDENTIFIED' },
  });
  await mutate('recordGuardianContact', {
    caseId: a.id,
    kind: 'SHELTER',
    details: 'Shelter duty phone',
  });
  for (const step of ['FAMILY_TRACING', 'DOCUMENTS', 'ESCORTED_JOURNEY', 'RECEPTION']) {
    await mutate('recordRepatriationStep', {
      caseId: a.id,
      beneficiaryId: girl,
      step,
      date: '2025-01-10',
    });
  }
  facts.push({
    programme: 'protection',
    kind: 'returnCompleted',
    country: 'TH',
    on: '2025-01-10',
    subject: girl,
    person: true,
  });
  await mutate('closeProtectionCase', {
    caseId: a.id,
    reason: 'VICTIMS_RETURNED',
    closedOn: '2025-02-01',
  });
  facts.push({
    programme: 'protection',
    kind: 'caseClosed',
    country: 'TH',
    on: '2025-02-01',
    subject: a.id,
    attributes: { reason: 'VICTIMS_RETURNED' },
  });

  // Case B: Laos's programme, two Lao women forced into marriage in China, taken in on 31
  // December, rescued on 1 January.
  const b = {
    id: await openCase({
      country: 'LA',
      abroad: true,
      destination: 'CN',
      formOfExploitation: 'FORCED_MARRIAGE',
      openedOn: '2025-12-31',
    }),
    country: 'LA',
    abroad: true,
    destination: 'CN',
    form: 'FORCED_MARRIAGE',
  };
  const sisters = [
    await register('LA', true, '2009-02-02', 'LA'),
    await register('LA', false, '1999-02-02', 'LA'),
  ];
  await addVictim(b, sisters[0], 'LA', true, '2025-12-31');
  await addVictim(b, sisters[1], 'LA', false, '2025-12-31');
  await rescue(b, '2026-01-01', sisters);

  // Case C: twelve Thai women rescued in Thailand in June: enough for a cell a partner may see.
  const c = {
    id: await openCase({
      country: 'TH',
      province: 'Pattaya',
      abroad: false,
      formOfExploitation: 'SEX_TRAFFICKING',
      openedOn: '2025-06-01',
    }),
    country: 'TH',
    abroad: false,
    form: 'SEX_TRAFFICKING',
  };
  const women: string[] = [];
  for (let i = 0; i < 12; i++) women.push(await register('TH', false, '1995-03-03'));
  for (const woman of women) await addVictim(c, woman, 'TH', false, '2025-06-02');
  await rescue(c, '2025-06-02', women);

  // Notifications are dated the day they are submitted: this year. One referred (protection
  // opens its case from it, today), one rejected, and one of Thai women in Belgium.
  const { today } = api;
  const submit = async (
    reportedBy: string,
    form: string,
    reporterReference?: string,
    abroad?: { destination: string; nationality: string },
  ) => {
    const country = abroad ? 'OTHER' : 'TH';
    const { submitCaseNotification } = await mutate(
      'submitCaseNotification',
      {
        reportedBy,
        reporterReference,
        formOfExploitation: form,
        country,
        ...abroad,
        possibleVictims: 1,
        minors: 0,
      },
      'notificationId',
    );
    const id = String(submitCaseNotification.notificationId);
    facts.push({
      programme: 'networks',
      kind: 'notification',
      country,
      on: today,
      subject: id,
      attributes: { source: reportedBy, form, ...abroad },
    });
    if (reporterReference) {
      facts.push({
        programme: 'networks',
        kind: 'notifier',
        country,
        on: today,
        subject: reporterReference,
        attributes: { source: reportedBy },
      });
    }
    facts.push({
      programme: 'networks',
      kind: 'notificationOutcome',
      country,
      on: today,
      subject: id,
      stateKey: id,
      attributes: { outcome: 'SUBMITTED' },
    });
    return id;
  };
  // The first watchdog reported it: a notifier.
  const referred = await submit('WATCHDOG', 'SEX_TRAFFICKING', watchdogs[0]);
  const rejected = await submit('TRAINEE', 'ONLINE_SEXUAL_EXPLOITATION');
  await submit('STAFF', 'SEX_TRAFFICKING', undefined, { destination: 'BE', nationality: 'TH' });
  const outcome = (id: string, value: string) =>
    facts.push({
      programme: 'networks',
      kind: 'notificationOutcome',
      country: 'TH',
      on: today,
      subject: id,
      stateKey: id,
      attributes: { outcome: value },
    });
  await api.query(
    'mutation ($id: ID!) { validateCaseNotification(input: { notificationId: $id }) { status } }',
    { id: referred },
  );
  outcome(referred, 'VALIDATED');
  await api.query(
    'mutation ($id: ID!) { referCaseNotification(input: { notificationId: $id }) { status } }',
    { id: referred },
  );
  outcome(referred, 'REFERRED');
  await api.query(
    'mutation ($id: ID!) { rejectCaseNotification(input: { notificationId: $id, reason: NOT_A_CASE }) { status } }',
    { id: rejected },
  );
  outcome(rejected, 'REJECTED');
  facts.push({
    programme: 'protection',
    kind: 'caseOpened',
    country: 'TH',
    on: today,
    subject: `referral-${referred}`,
    attributes: { form: 'SEX_TRAFFICKING', place: 'IN_COUNTRY' },
  });
  return { laoGirlInThailand: girl, laoWomanInLaos: sisters[1] };
}
