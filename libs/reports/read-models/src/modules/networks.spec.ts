import {
  AGENT_OF_CHANGE_CATEGORY,
  AGENT_OF_CHANGE_EVENT_TYPES,
  CASE_NOTIFICATION_EVENT_TYPES,
  NETWORKS_UPCASTERS,
  PREVENTION_ACTIVITY_CATEGORY,
  PREVENTION_ACTIVITY_EVENT_TYPES,
  WATCHDOG_CATEGORY,
  WATCHDOG_EVENT_TYPES,
  WOMENS_GROUP_CATEGORY,
  WOMENS_GROUP_EVENT_TYPES,
  type AgentOfChangeRegistered,
  type CaseNotificationSubmitted,
  type PreventionActivityRecorded,
  type WatchdogRegistered,
  type WomensGroupRegistered,
} from '@haven/networks/contracts';
import type { RecordedEvent } from '@haven/platform/event-store';
import { book } from './module-testing';
import { networksModule } from './networks';

// Networks' share of the annual report reads networks' integration events only: those its
// contracts publish, in the shapes they declare.

function recorded(
  event:
    | WatchdogRegistered
    | AgentOfChangeRegistered
    | WomensGroupRegistered
    | PreventionActivityRecorded
    | CaseNotificationSubmitted,
): RecordedEvent {
  return event as unknown as RecordedEvent;
}

describe('the networks report module', () => {
  it('follows only event types and categories that networks’ contracts publish', () => {
    const published = [
      ...CASE_NOTIFICATION_EVENT_TYPES,
      ...WATCHDOG_EVENT_TYPES,
      ...AGENT_OF_CHANGE_EVENT_TYPES,
      ...WOMENS_GROUP_EVENT_TYPES,
      ...PREVENTION_ACTIVITY_EVENT_TYPES,
    ];
    for (const type of networksModule.handles) expect(published).toContain(type);
    expect(networksModule.categories).toEqual(
      expect.arrayContaining([
        WATCHDOG_CATEGORY,
        AGENT_OF_CHANGE_CATEGORY,
        WOMENS_GROUP_CATEGORY,
        PREVENTION_ACTIVITY_CATEGORY,
      ]),
    );
  });

  it('given an agent of change and a women’s group registered, then each counts as a network member of its kind, in its region, from the day it qualified or joined', () => {
    const agentOfChangeId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f11';
    const womensGroupId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f12';
    const facts = [
      recorded({
        type: 'AgentOfChangeRegistered',
        data: {
          agentOfChangeId,
          beneficiaryId: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f13',
          country: 'LA',
          province: null,
          qualifiedOn: '2020-03-01',
          registeredAt: '2020-03-02T03:00:00.000Z',
        },
      }),
      recorded({
        type: 'WomensGroupRegistered',
        data: {
          womensGroupId,
          country: 'LA',
          province: 'Savannakhet',
          joinedOn: '2020-04-01',
          memberCount: 9,
          registeredAt: '2020-04-02T03:00:00.000Z',
        },
      }),
    ].flatMap((event) => networksModule.factsOf(event, book()));
    expect(facts).toEqual([
      {
        kind: 'networkMember',
        country: 'LA',
        occurredOn: '2020-03-01',
        subjectId: agentOfChangeId,
        attributes: { kind: 'AGENT_OF_CHANGE', region: 'UNKNOWN' },
      },
      {
        kind: 'networkMember',
        country: 'LA',
        occurredOn: '2020-04-01',
        subjectId: womensGroupId,
        attributes: { kind: 'WOMENS_GROUP', region: 'Savannakhet' },
      },
    ]);
  });

  it('given a watchdog registered in the contract’s shape, then it counts by kind, region and where it lives, and so do its country and its community', () => {
    const watchdogId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f01';
    const facts = networksModule.factsOf(
      recorded({
        type: 'WatchdogRegistered',
        data: {
          watchdogId,
          kind: 'COMMUNITY_GROUP',
          country: 'MM',
          province: 'Yunnan',
          livesIn: 'CN',
          joinedOn: '2020-01-15',
          trained: true,
          registeredAt: '2026-12-01T00:00:00.000Z',
        },
      }),
      book(),
    );
    const day = { country: 'MM', occurredOn: '2020-01-15' };
    expect(facts).toEqual([
      {
        ...day,
        kind: 'watchdog',
        subjectId: watchdogId,
        attributes: { kind: 'COMMUNITY_GROUP', region: 'Yunnan', residence: 'CN' },
      },
      {
        ...day,
        kind: 'watchdogCountry',
        subjectId: 'CN',
        attributes: { kind: 'COMMUNITY_GROUP' },
      },
      {
        ...day,
        kind: 'watchdogCommunity',
        subjectId: 'CN/Yunnan',
        attributes: { kind: 'COMMUNITY_GROUP', residence: 'CN' },
      },
    ]);
  });

  it('given a volunteer abroad whose country is not known, then it counts as living in UNKNOWN, and names no country or community', () => {
    const facts = networksModule.factsOf(
      recorded({
        type: 'WatchdogRegistered',
        data: {
          watchdogId: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f03',
          kind: 'VOLUNTEER_ABROAD',
          country: 'TH',
          province: null,
          livesIn: null,
          joinedOn: '2020-01-15',
          trained: true,
          registeredAt: '2026-12-01T00:00:00.000Z',
        },
      }),
      book(),
    );
    expect(facts.map((fact) => [fact.kind, fact.attributes])).toEqual([
      ['watchdog', { kind: 'VOLUNTEER_ABROAD', region: 'UNKNOWN', residence: 'UNKNOWN' }],
    ]);
  });

  it('given a version-1 registration, when it is upcast, then a watchdog at home lives in its network’s country and one abroad where no one knows', () => {
    const [upcaster] = NETWORKS_UPCASTERS;
    const v1 = { watchdogId: 'w', country: 'LA', province: null, joinedOn: '2020-01-15' };
    expect(upcaster.upcast({ ...v1, kind: 'INDIVIDUAL' })).toEqual({
      schemaVersion: 2,
      data: { ...v1, kind: 'INDIVIDUAL', livesIn: 'LA' },
    });
    expect(upcaster.upcast({ ...v1, kind: 'VOLUNTEER_ABROAD' }).data.livesIn).toBeNull();
    expect(upcaster.upcast({ ...v1, kind: 'CSO', country: 'OTHER' }).data.livesIn).toBeNull();
  });

  it('given a training in the contract’s shape, then a session, its place and its participants by sex, role and topic', () => {
    const activityId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f02';
    const facts = networksModule.factsOf(
      recorded({
        type: 'PreventionActivityRecorded',
        data: {
          activityId,
          kind: 'TRAINING',
          topic: 'SAFE_MIGRATION',
          date: '2020-11-12',
          country: 'LA',
          province: 'Bokeo',
          district: null,
          online: false,
          participants: [{ sex: 'FEMALE', role: 'STUDENTS', count: 40 }],
          reach: null,
          recordedAt: '2026-12-01T00:00:00.000Z',
        },
      }),
      book(),
    );
    expect(facts.map((fact) => fact.kind)).toEqual([
      'trainingSession',
      'trainingPlace',
      'trainingParticipants',
    ]);
    expect(facts[0].attributes).toEqual({ topic: 'SAFE_MIGRATION' });
    expect(facts[2]).toMatchObject({
      quantity: 40,
      attributes: { sex: 'FEMALE', role: 'STUDENTS', topic: 'SAFE_MIGRATION' },
    });
  });

  it('given a meeting with watchdogs, then it counts apart from trainings, with its people by role; a training counts the schools it reached', () => {
    const activity = (kind: 'MEETING' | 'TRAINING', institutions: number | null) =>
      networksModule.factsOf(
        recorded({
          type: 'PreventionActivityRecorded',
          data: {
            activityId: `0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f1${kind === 'MEETING' ? 1 : 2}`,
            kind,
            topic: 'CASE_NOTIFICATION',
            date: '2020-10-01',
            country: 'TH',
            province: null,
            district: null,
            online: false,
            participants: [{ sex: 'FEMALE', role: 'WATCHDOGS', count: 14 }],
            reach: null,
            institutions,
            recordedAt: '2026-12-01T00:00:00.000Z',
          },
        }),
        book(),
      );
    expect(activity('MEETING', null).map((fact) => [fact.kind, fact.attributes])).toEqual([
      ['networkActivity', { kind: 'MEETING', topic: 'CASE_NOTIFICATION' }],
      ['networkActivityParticipants', { kind: 'MEETING', sex: 'FEMALE', role: 'WATCHDOGS' }],
    ]);
    const training = activity('TRAINING', 6);
    expect(training.map((fact) => fact.kind)).not.toContain('networkActivity');
    expect(training.find((fact) => fact.kind === 'trainingInstitutions')?.quantity).toBe(6);
    expect(
      activity('TRAINING', null).filter((fact) => fact.kind === 'trainingInstitutions'),
    ).toEqual([]);
  });

  it('given notifications with and without their reporter’s record, then each reporter counts as a notifier, by source', () => {
    const watchdogId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f03';
    const submitted = (notificationId: string, reporterReference: string | null) =>
      networksModule.factsOf(
        recorded({
          type: 'CaseNotificationSubmitted',
          data: {
            notificationId,
            reportedBy: 'WATCHDOG',
            reporterReference,
            formOfExploitation: 'SEX_TRAFFICKING',
            placeOfExploitation: null,
            country: 'TH',
            province: null,
            abroad: false,
            possibleVictims: 1,
            minors: 0,
            submittedAt: '2020-03-04T10:00:00.000Z',
          },
        }),
        book(),
      );
    const withReporter = submitted('0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f04', watchdogId);
    expect(withReporter.filter((fact) => fact.kind === 'notifier')).toEqual([
      {
        kind: 'notifier',
        country: 'TH',
        occurredOn: '2020-03-04',
        subjectId: watchdogId,
        attributes: { source: 'WATCHDOG' },
      },
    ]);
    const withoutReporter = submitted('0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f05', null);
    expect(withoutReporter.map((fact) => fact.kind)).toEqual([
      'notification',
      'notificationOutcome',
    ]);
    // Recorded before where abroad and the nationality were asked: UNKNOWN.
    expect(withReporter[0].attributes).toMatchObject({
      destination: 'UNKNOWN',
      nationality: 'UNKNOWN',
    });
  });

  it('given a notification of Thai women in Belgium, then it counts by where abroad and their nationality', () => {
    const [notification] = networksModule.factsOf(
      recorded({
        type: 'CaseNotificationSubmitted',
        data: {
          notificationId: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f06',
          reportedBy: 'PARTNER',
          reporterReference: null,
          formOfExploitation: 'SEX_TRAFFICKING',
          placeOfExploitation: null,
          country: 'OTHER',
          province: null,
          abroad: true,
          destination: 'BE',
          nationality: 'TH',
          possibleVictims: 2,
          minors: 0,
          submittedAt: '2020-12-04T10:00:00.000Z',
        },
      }),
      book(),
    );
    expect(notification).toEqual({
      kind: 'notification',
      country: 'OTHER',
      occurredOn: '2020-12-04',
      subjectId: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f06',
      attributes: {
        source: 'PARTNER',
        form: 'SEX_TRAFFICKING',
        placeOfExploitation: 'UNKNOWN',
        destination: 'BE',
        nationality: 'TH',
        activity: 'NONE',
      },
    });
  });

  it('given a trainee’s notification naming the focus group she took part in, then it counts under that kind of activity', () => {
    const activityId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f21';
    const subjects = book();
    networksModule.factsOf(
      recorded({
        type: 'PreventionActivityRecorded',
        data: {
          activityId,
          kind: 'FOCUS_GROUP',
          topic: 'FORCED_MARRIAGE',
          country: 'LA',
          province: null,
          district: null,
          date: '2020-02-01',
          online: false,
          participants: [{ sex: 'FEMALE', role: 'PEERS_AT_RISK', count: 7 }],
          reach: null,
          institutions: null,
          recordedAt: '2020-02-02T03:00:00.000Z',
        },
      }),
      subjects,
    );
    const notified = (reporterReference: string | null) => {
      const event = recorded({
        type: 'CaseNotificationSubmitted',
        data: {
          notificationId: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f22',
          reportedBy: 'TRAINEE',
          reporterReference,
          formOfExploitation: 'FORCED_MARRIAGE',
          placeOfExploitation: null,
          country: 'LA',
          province: null,
          abroad: false,
          possibleVictims: 1,
          minors: 1,
          submittedAt: '2020-02-10T10:00:00.000Z',
        },
      });
      expect(networksModule.reads(event)).toEqual(
        reporterReference ? [`activity:${reporterReference}`] : [],
      );
      return networksModule.factsOf(event, subjects)[0].attributes?.activity;
    };
    expect(notified(activityId)).toBe('FOCUS_GROUP');
    expect(notified(null)).toBe('UNKNOWN');
  });
});
