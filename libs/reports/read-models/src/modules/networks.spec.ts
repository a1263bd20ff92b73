import {
  CASE_NOTIFICATION_EVENT_TYPES,
  PREVENTION_ACTIVITY_CATEGORY,
  PREVENTION_ACTIVITY_EVENT_TYPES,
  WATCHDOG_CATEGORY,
  WATCHDOG_EVENT_TYPES,
  type PreventionActivityRecorded,
  type WatchdogRegistered,
} from '@haven/networks/contracts';
import type { RecordedEvent } from '@haven/platform/event-store';
import type { SubjectAttributes, SubjectBook } from '../programme-module';
import { networksModule } from './networks';

// Networks' share of the annual report reads networks' integration events only: those its
// contracts publish, in the shapes they declare.

function recorded(event: WatchdogRegistered | PreventionActivityRecorded): RecordedEvent {
  return event as unknown as RecordedEvent;
}

function book(): SubjectBook {
  const subjects = new Map<string, SubjectAttributes>();
  return { get: (key) => subjects.get(key), set: (key, value) => void subjects.set(key, value) };
}

describe('the networks report module', () => {
  it('follows only event types and categories that networks’ contracts publish', () => {
    const published = [
      ...CASE_NOTIFICATION_EVENT_TYPES,
      ...WATCHDOG_EVENT_TYPES,
      ...PREVENTION_ACTIVITY_EVENT_TYPES,
    ];
    for (const type of networksModule.handles) expect(published).toContain(type);
    expect(networksModule.categories).toEqual(
      expect.arrayContaining([WATCHDOG_CATEGORY, PREVENTION_ACTIVITY_CATEGORY]),
    );
  });

  it('given a watchdog registered in the contract’s shape, then it counts by kind and region', () => {
    const watchdogId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0f01';
    const facts = networksModule.factsOf(
      recorded({
        type: 'WatchdogRegistered',
        data: {
          watchdogId,
          kind: 'CSO',
          country: 'TH',
          province: 'Udon Thani',
          joinedOn: '2020-01-15',
          trained: true,
          registeredAt: '2026-12-01T00:00:00.000Z',
        },
      }),
      book(),
    );
    expect(facts).toEqual([
      {
        kind: 'watchdog',
        country: 'TH',
        occurredOn: '2020-01-15',
        subjectId: watchdogId,
        attributes: { kind: 'CSO', region: 'Udon Thani' },
      },
    ]);
  });

  it('given a training in the contract’s shape, then a session, its place and its participants by sex and role', () => {
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
    expect(facts[2]).toMatchObject({
      quantity: 40,
      attributes: { sex: 'FEMALE', role: 'STUDENTS' },
    });
  });
});
