// Networks' part of the report's fictional year: watchdogs at home and abroad joining at the
// year's edges, trainings (one counting its schools) and an online campaign, a meeting and a focus
// group, and this year's notifications: one referred (protection opens its case from it), one
// rejected, one of Thai women in Belgium, and one from a peer of the focus group.
import type { ReportYearApi } from './report-year';

/** What the notifications name: the watchdogs, and the focus group in Laos. */
export interface NetworksYear {
  watchdogs: string[];
  focusGroupId: string;
}

/** Registers the watchdogs and records the prevention activities. */
export async function recordNetworksYear(api: ReportYearApi): Promise<NetworksYear> {
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
  // A women's group that joined the network on 31 December 2024: active in the year, not new.
  const { registerWomensGroup } = await mutate(
    'registerWomensGroup',
    { country: 'TH', province: 'Chiang Rai', joinedOn: '2024-12-31', memberCount: 12 },
    'womensGroupId',
  );
  facts.push({
    programme: 'networks',
    country: 'TH',
    on: '2024-12-31',
    kind: 'networkMember',
    subject: String(registerWomensGroup.womensGroupId),
    attributes: { kind: 'WOMENS_GROUP', region: 'Chiang Rai' },
  });
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
  let focusGroupId = '';
  for (const [kind, topic, date, country, participants] of [
    ['MEETING', 'CASE_NOTIFICATION', '2025-12-31', 'TH', [['FEMALE', 'WATCHDOGS', 14]]],
    ['FOCUS_GROUP', 'SEXUAL_EXPLOITATION', '2025-01-01', 'LA', [['FEMALE', 'PEERS_AT_RISK', 7]]],
  ] as const) {
    const { recordPreventionActivity } = await mutate(
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
    if (kind === 'FOCUS_GROUP') focusGroupId = String(recordPreventionActivity.activityId);
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
  return { watchdogs, focusGroupId };
}

/** Notifications are dated by the clock: this year's, the first reported by `watchdogs[0]`. */
export async function recordNotifications(
  api: ReportYearApi,
  { watchdogs, focusGroupId }: NetworksYear,
): Promise<void> {
  const { facts, mutate } = api;
  // Notifications are dated the day they are submitted: this year. One referred (protection
  // opens its case from it, today), one rejected, and one of Thai women in Belgium.
  const { today } = api;
  const submit = async (
    reportedBy: string,
    form: string,
    reporterReference?: string,
    abroad?: { destination: string; nationality: string },
    inCountry = 'TH',
  ) => {
    const country = abroad ? 'OTHER' : inCountry;
    // The activity a trainee names is the kind of activity she took part in (FOCUS_GROUP here);
    // a trainee naming none is UNKNOWN; any other reporter took part in none.
    const activity =
      reportedBy !== 'TRAINEE' ? 'NONE' : reporterReference ? 'FOCUS_GROUP' : 'UNKNOWN';
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
      attributes: { source: reportedBy, form, ...abroad, activity },
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
  // A peer of the focus group in Laos reports a girl a marriage broker approached.
  await submit('TRAINEE', 'FORCED_MARRIAGE', focusGroupId, undefined, 'LA');
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
}
