import type { RecordedEvent } from '@haven/platform/event-store';
import {
  AGENT_OF_CHANGE_CATEGORY,
  CASE_NOTIFICATION_CATEGORY,
  PREVENTION_ACTIVITY_CATEGORY,
  WATCHDOG_CATEGORY,
  WOMENS_GROUP_CATEGORY,
  type AgentOfChangeRegistered,
  type CaseNotificationEvent,
  type CaseNotificationSubmitted,
  type PreventionActivityRecorded,
  type WatchdogRegistered,
  type WomensGroupRegistered,
} from '@haven/networks/contracts';
import { dayOf, known, type NewFact, type ReportModule } from '../programme-module';

/** The events of networks' contracts the report follows: no internal event of networks. */
type NetworksEvent =
  | CaseNotificationEvent
  | WatchdogRegistered
  | AgentOfChangeRegistered
  | WomensGroupRegistered
  | PreventionActivityRecorded;

const OUTCOME_OF: Record<string, string> = {
  CaseNotificationValidated: 'VALIDATED',
  CaseNotificationRejected: 'REJECTED',
  CaseNotificationMarkedDuplicate: 'DUPLICATE',
  CaseNotificationReferred: 'REFERRED',
};

/**
 * Case notifications by source, form, kind of place, where abroad, the victims' nationality, the
 * kind of activity a trainee reported from, and outcome (the latest recorded), counted on the day
 * they were notified, and the distinct reporters they came from; watchdogs active (joined by the
 * year's end) and new, by kind, region and the country they live in, and the countries and
 * communities they live in; agents of change and women's groups active and new ("19 Agents of
 * Change and Lao Women Groups"); trainings (sessions by topic, places, the schools or institutions
 * taking part, participants by sex, role and topic); campaign reach by topic; network meetings
 * and focus groups, with their participants by role and sex.
 */
export const networksModule: ReportModule = {
  programme: 'networks',
  // 2: notifications carry the kind of place where the exploitation happened.
  // 3: trainings and campaigns carry their topic; a notification's reporter is counted.
  // 4: watchdogs by the country they live in; the countries and communities they live in.
  // 5: notifications by where abroad and by the victims' nationality.
  // 6: network meetings and focus groups apart from trainings; institutions trained.
  // 7: agents of change and women's groups, from their registers.
  // 8: a trainee's notification by the kind of the activity she took part in.
  revision: 8,
  categories: [
    CASE_NOTIFICATION_CATEGORY,
    WATCHDOG_CATEGORY,
    AGENT_OF_CHANGE_CATEGORY,
    WOMENS_GROUP_CATEGORY,
    PREVENTION_ACTIVITY_CATEGORY,
  ],
  handles: [
    'CaseNotificationSubmitted',
    ...Object.keys(OUTCOME_OF),
    'WatchdogRegistered',
    'AgentOfChangeRegistered',
    'WomensGroupRegistered',
    'PreventionActivityRecorded',
  ],
  reads(event) {
    const data = event.data as { notificationId?: string };
    if (event.type === 'CaseNotificationSubmitted') {
      const activity = activityOfReporter(event.data as CaseNotificationSubmitted['data']);
      return activity ? [activity] : [];
    }
    return event.type in OUTCOME_OF && data.notificationId ? [data.notificationId] : [];
  },
  factsOf(recorded: RecordedEvent, subjects): NewFact[] {
    const event = recorded as unknown as NetworksEvent;
    switch (event.type) {
      case 'CaseNotificationSubmitted': {
        const {
          notificationId,
          country,
          reportedBy,
          reporterReference,
          formOfExploitation,
          placeOfExploitation,
          destination,
          nationality,
        } = event.data;
        const occurredOn = dayOf((event as CaseNotificationSubmitted).data.submittedAt);
        subjects.set(notificationId, { country, occurredOn });
        // A trainee reports under the activity she took part in: "5 victims detected in the
        // focus groups". NONE for any other reporter; UNKNOWN for a trainee who named no activity.
        const activityKey = activityOfReporter(event.data);
        const activity =
          reportedBy !== 'TRAINEE'
            ? 'NONE'
            : known(activityKey ? subjects.get(activityKey)?.kind : null);
        return [
          {
            kind: 'notification',
            country,
            occurredOn,
            subjectId: notificationId,
            attributes: {
              source: reportedBy,
              form: formOfExploitation,
              placeOfExploitation: known(placeOfExploitation),
              destination: known(destination),
              nationality: known(nationality),
              activity,
            },
          },
          outcome(notificationId, country, occurredOn, 'SUBMITTED'),
          // Who reported it, by the network's record (a watchdog's id, a training's): "19
          // notifications from 16 watchdogs".
          ...(reporterReference
            ? [
                {
                  kind: 'notifier',
                  country,
                  occurredOn,
                  subjectId: reporterReference,
                  attributes: { source: reportedBy },
                },
              ]
            : []),
        ];
      }
      case 'CaseNotificationValidated':
      case 'CaseNotificationRejected':
      case 'CaseNotificationMarkedDuplicate':
      case 'CaseNotificationReferred': {
        const notification = subjects.get(event.data.notificationId);
        if (!notification) return [];
        return [
          outcome(
            event.data.notificationId,
            String(notification.country),
            String(notification.occurredOn),
            OUTCOME_OF[event.type],
          ),
        ];
      }
      case 'WatchdogRegistered': {
        const { watchdogId, kind, country, province, livesIn, joinedOn } = event.data;
        const residence = known(livesIn);
        const region = known(province);
        const fact = { country, occurredOn: joinedOn };
        return [
          {
            ...fact,
            kind: 'watchdog',
            subjectId: watchdogId,
            attributes: { kind, region, residence },
          },
          // "21 volunteers in ten countries", "7 watchdogs in 6 communities in Myanmar and 1 in
          // Yunnan": a country or a community counts once, however many watchdogs live there.
          ...(livesIn
            ? [
                {
                  ...fact,
                  kind: 'watchdogCountry',
                  subjectId: livesIn,
                  attributes: { kind },
                },
                ...(province
                  ? [
                      {
                        ...fact,
                        kind: 'watchdogCommunity',
                        subjectId: `${livesIn}/${province}`,
                        attributes: { kind, residence },
                      },
                    ]
                  : []),
              ]
            : []),
        ];
      }
      // An agent of change counts from the day she qualified, a women's group from the day it
      // joined; their members are not counted (a group's size is often unknown).
      case 'AgentOfChangeRegistered':
        return [
          member('AGENT_OF_CHANGE', event.data.agentOfChangeId, event.data, event.data.qualifiedOn),
        ];
      case 'WomensGroupRegistered':
        return [member('WOMENS_GROUP', event.data.womensGroupId, event.data, event.data.joinedOn)];
      case 'PreventionActivityRecorded':
        subjects.set(activitySubject(event.data.activityId), { kind: event.data.kind });
        return preventionFacts(event.data);
      default:
        return [];
    }
  },
  figures: [
    {
      name: 'caseNotifications',
      kind: 'notification',
      measure: 'facts',
      breakdowns: [
        'source',
        'form',
        'placeOfExploitation',
        'destination',
        'nationality',
        'activity',
      ],
      crossings: [
        ['source', 'form'],
        ['source', 'placeOfExploitation'],
        ['activity', 'form'],
      ],
    },
    {
      name: 'caseNotificationOutcomes',
      kind: 'notificationOutcome',
      measure: 'facts',
      breakdowns: ['outcome'],
      latest: true,
    },
    // A register holds one registration a member (a second one is refused, a retry adds none),
    // so its facts count its members. Counted as distinct subjects instead, watchdogs active
    // since ever were the report's slowest figure (ADR 19).
    {
      name: 'watchdogsActive',
      kind: 'watchdog',
      measure: 'facts',
      breakdowns: ['kind', 'region', 'residence'],
      crossings: [
        ['kind', 'region'],
        ['kind', 'residence'],
      ],
      period: 'untilYearEnd',
    },
    {
      name: 'watchdogsNew',
      kind: 'watchdog',
      measure: 'facts',
      breakdowns: ['kind', 'region', 'residence'],
      crossings: [
        ['kind', 'region'],
        ['kind', 'residence'],
      ],
    },
    // The countries and communities (a place named in a country) where watchdogs joined the
    // network in the year.
    {
      name: 'watchdogCountriesNew',
      kind: 'watchdogCountry',
      measure: 'subjects',
      breakdowns: ['kind'],
    },
    {
      name: 'watchdogCommunitiesNew',
      kind: 'watchdogCommunity',
      measure: 'subjects',
      breakdowns: ['kind', 'residence'],
    },
    {
      name: 'networkMembersActive',
      kind: 'networkMember',
      measure: 'facts',
      breakdowns: ['kind', 'region'],
      period: 'untilYearEnd',
    },
    { name: 'networkMembersNew', kind: 'networkMember', measure: 'facts', breakdowns: ['kind'] },
    {
      name: 'notifiers',
      kind: 'notifier',
      measure: 'subjects',
      breakdowns: ['source'],
    },
    { name: 'trainingSessions', kind: 'trainingSession', measure: 'facts', breakdowns: ['topic'] },
    { name: 'trainingPlaces', kind: 'trainingPlace', measure: 'subjects' },
    {
      name: 'trainingParticipants',
      kind: 'trainingParticipants',
      measure: 'sum',
      breakdowns: ['sex', 'role', 'topic'],
      crossings: [['sex', 'role']],
    },
    {
      name: 'trainingInstitutions',
      kind: 'trainingInstitutions',
      measure: 'sum',
      breakdowns: ['topic'],
    },
    { name: 'campaignReach', kind: 'campaignReach', measure: 'sum', breakdowns: ['topic'] },
    // Meetings of the network and focus groups, apart from trainings.
    {
      name: 'networkActivities',
      kind: 'networkActivity',
      measure: 'facts',
      breakdowns: ['kind', 'topic'],
    },
    {
      name: 'networkActivityParticipants',
      kind: 'networkActivityParticipants',
      measure: 'sum',
      breakdowns: ['kind', 'role', 'sex'],
    },
  ],
};

function outcome(
  notificationId: string,
  country: string,
  occurredOn: string,
  value: string,
): NewFact {
  return {
    kind: 'notificationOutcome',
    country,
    occurredOn,
    subjectId: notificationId,
    stateKey: `notification:${notificationId}`,
    attributes: { outcome: value },
  };
}

function preventionFacts(data: PreventionActivityRecorded['data']): NewFact[] {
  const { activityId, kind, country, date, province, district } = data;
  const topic = known(data.topic);
  if (kind === 'MEETING' || kind === 'FOCUS_GROUP') {
    // "2 meetings with the watchdogs", "6 target groups joined the focus groups".
    return [
      {
        kind: 'networkActivity',
        country,
        occurredOn: date,
        subjectId: activityId,
        attributes: { kind, topic },
      },
      ...(data.participants ?? []).map((line) => ({
        kind: 'networkActivityParticipants',
        country,
        occurredOn: date,
        subjectId: activityId,
        quantity: line.count,
        attributes: { kind, sex: line.sex, role: line.role },
      })),
    ];
  }
  if (kind === 'CAMPAIGN') {
    // A campaign on the ground counts its participants as its reach.
    const reach =
      data.reach ?? (data.participants ?? []).reduce((sum, line) => sum + line.count, 0);
    return [
      {
        kind: 'campaignReach',
        country,
        occurredOn: date,
        subjectId: activityId,
        quantity: reach,
        attributes: { topic },
      },
    ];
  }
  const place = `${country}/${known(province)}/${known(district)}`;
  return [
    {
      kind: 'trainingSession',
      country,
      occurredOn: date,
      subjectId: activityId,
      attributes: { topic },
    },
    { kind: 'trainingPlace', country, occurredOn: date, subjectId: place },
    // "566 students and teachers from 6 schools": counted by the trainer, never named.
    ...(data.institutions
      ? [
          {
            kind: 'trainingInstitutions',
            country,
            occurredOn: date,
            subjectId: activityId,
            quantity: data.institutions,
            attributes: { topic },
          },
        ]
      : []),
    ...(data.participants ?? []).map((line) => ({
      kind: 'trainingParticipants',
      country,
      occurredOn: date,
      subjectId: activityId,
      quantity: line.count,
      attributes: { sex: line.sex, role: line.role, topic },
    })),
  ];
}

/** An agent of change or a women's group, in its network's country and region. */
function member(
  kind: 'AGENT_OF_CHANGE' | 'WOMENS_GROUP',
  subjectId: string,
  data: { country: string; province: string | null },
  occurredOn: string,
): NewFact {
  return {
    kind: 'networkMember',
    country: data.country,
    occurredOn,
    subjectId,
    attributes: { kind, region: known(data.province) },
  };
}

const activitySubject = (activityId: string) => `activity:${activityId}`;

/** The activity a trainee's notification names as its reporter, as a subject's key. */
function activityOfReporter(data: {
  reportedBy: string;
  reporterReference: string | null;
}): string | null {
  return data.reportedBy === 'TRAINEE' && data.reporterReference
    ? activitySubject(data.reporterReference)
    : null;
}
