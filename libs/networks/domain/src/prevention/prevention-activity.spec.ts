import { deciderSpecification } from '@haven/platform/decider-testing';
import { InvalidPreventionActivityData, PreventionActivityAlreadyRecorded } from '../errors';
import {
  preventionActivityDecider,
  type PreventionActivityEvent,
  type RecordedPreventionActivityEvent,
  type RecordPreventionActivity,
} from './prevention-activity';

const spec = deciderSpecification(preventionActivityDecider);
const activityId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c31';
const metadata = {
  actorId: 'coordinator-3',
  role: 'network_coordinator',
  organisationId: null,
  correlationId: 'correlation-1',
  causationId: null,
  occurredAt: '2026-11-20T08:30:00.000Z',
};

// The report's training: 186 male students, 49 male teachers, 268 female students, 63 female teachers.
function training(data: Partial<RecordPreventionActivity['data']> = {}): RecordPreventionActivity {
  return {
    type: 'RecordPreventionActivity',
    data: {
      activityId,
      kind: 'TRAINING',
      topic: 'ONLINE_SEXUAL_EXPLOITATION',
      date: '2020-11-12',
      country: 'TH',
      province: 'Khon Kaen',
      district: null,
      online: false,
      participants: [
        { sex: 'MALE', role: 'TEACHERS', count: 49 },
        { sex: 'FEMALE', role: 'STUDENTS', count: 268 },
        { sex: 'MALE', role: 'STUDENTS', count: 186 },
        { sex: 'FEMALE', role: 'TEACHERS', count: 63 },
      ],
      reach: null,
      ...data,
    },
    metadata,
  };
}

const recorded: PreventionActivityEvent = {
  type: 'PreventionActivityRecorded',
  data: {
    activityId,
    kind: 'TRAINING',
    topic: 'ONLINE_SEXUAL_EXPLOITATION',
    date: '2020-11-12',
    country: 'TH',
    province: 'Khon Kaen',
    district: null,
    online: false,
    participants: [
      { sex: 'FEMALE', role: 'STUDENTS', count: 268 },
      { sex: 'MALE', role: 'STUDENTS', count: 186 },
      { sex: 'FEMALE', role: 'TEACHERS', count: 63 },
      { sex: 'MALE', role: 'TEACHERS', count: 49 },
    ],
    reach: null,
    institutions: null,
    recordedAt: '2026-11-20T08:30:00.000Z',
  },
};

const onlineCampaign = training({
  kind: 'CAMPAIGN',
  topic: 'SAFE_MIGRATION',
  country: 'MM',
  province: null,
  online: true,
  participants: null,
  reach: 689,
});

describe('Prevention activity decider', () => {
  it('given no events, when a training is recorded with participants by sex and role, then they are recorded in one order', () => {
    spec.given([]).when(training()).then([recorded]);
  });

  it('given no events, when an online campaign is recorded with its reach, then it is recorded without participants', () => {
    spec
      .given([])
      .when(onlineCampaign)
      .then([
        {
          type: 'PreventionActivityRecorded',
          data: {
            ...recorded.data,
            kind: 'CAMPAIGN',
            topic: 'SAFE_MIGRATION',
            country: 'MM',
            province: null,
            online: true,
            participants: null,
            reach: 689,
          },
        },
      ]);
  });

  it('given an activity recorded before institutions were asked, when the same recording arrives again, then nothing happens; with institutions counted, it is another', () => {
    const { institutions: _institutions, ...before } = recorded.data;
    const older = { ...recorded, data: before } as PreventionActivityEvent;
    spec.given([older]).when(training()).then([]);
    spec
      .given([])
      .when(training({ institutions: 6 }))
      .then([{ ...recorded, data: { ...recorded.data, institutions: 6 } }]);
    spec
      .given([older])
      .when(training({ institutions: 6 }))
      .thenThrows(PreventionActivityAlreadyRecorded);
  });

  it('given a recorded activity, when the same recording arrives again, counts listed in another order, then nothing happens', () => {
    spec
      .given([recorded])
      .when(training({ participants: [...training().data.participants!].reverse() }))
      .then([]);
  });

  it('given a recorded activity, when its id is recorded with other facts, then it fails as already recorded', () => {
    spec
      .given([recorded])
      .when(training({ topic: 'SAFE_MIGRATION' }))
      .thenThrows(PreventionActivityAlreadyRecorded, (error) =>
        expect((error as PreventionActivityAlreadyRecorded).code).toBe(
          'PREVENTION_ACTIVITY_ALREADY_RECORDED',
        ),
      );
  });

  describe('given an activity recorded with its recorder', () => {
    const withRecorder = {
      ...recorded,
      metadata: { actorId: 'coordinator-3', organisationId: null },
    } as RecordedPreventionActivityEvent;
    const by = (actorId: string): RecordPreventionActivity => ({
      ...training(),
      metadata: { ...metadata, actorId },
    });

    it('when its recorder sends the same recording again, then nothing happens', () => {
      spec.given([withRecorder]).when(by('coordinator-3')).then([]);
    });

    it('when another recorder sends the same facts, then it fails as already recorded, as with other facts', () => {
      spec
        .given([withRecorder])
        .when(by('coordinator-4'))
        .thenThrows(PreventionActivityAlreadyRecorded);
      spec
        .given([withRecorder])
        .when({ ...by('coordinator-4'), data: { ...training().data, topic: 'SAFE_MIGRATION' } })
        .thenThrows(PreventionActivityAlreadyRecorded);
    });
  });

  it.each([
    ['participants', 'neither participants nor reach', { participants: null, reach: null }],
    ['participants', 'both participants and reach', { reach: 100 }],
    ['reach', 'a reach for a training', { participants: null, reach: 100 }],
    [
      'reach',
      'a reach for a campaign on the ground',
      { kind: 'CAMPAIGN' as const, participants: null, reach: 100 },
    ],
    ['participants', 'an empty list of participants', { participants: [] }],
    [
      'participants.1',
      'the same sex and role twice',
      {
        participants: [
          { sex: 'FEMALE' as const, role: 'VILLAGERS' as const, count: 3 },
          { sex: 'FEMALE' as const, role: 'VILLAGERS' as const, count: 4 },
        ],
      },
    ],
    [
      'participants.0.count',
      'a count of 0',
      { participants: [{ sex: 'FEMALE' as const, role: 'PARENTS' as const, count: 0 }] },
    ],
    [
      'participants.0.role',
      'an unknown role',
      { participants: [{ sex: 'FEMALE' as const, role: 'MONKS' as never, count: 2 }] },
    ],
    ['topic', 'an unknown topic', { topic: 'COOKING' as never }],
    ['kind', 'an unknown kind', { kind: 'WORKSHOP' as never }],
    ['date', 'a date that does not exist', { date: '2021-02-29' }],
    ['district', 'a district over two lines', { district: 'Muang\nBan Phue' }],
  ])(
    'given no events, when it fails on %s (%s), then it names that field',
    (field, _case, data) => {
      spec
        .given([])
        .when(training(data))
        .thenThrows(InvalidPreventionActivityData, (error) => {
          expect((error as InvalidPreventionActivityData).field).toBe(field);
          expect((error as InvalidPreventionActivityData).code).toBe(
            'INVALID_PREVENTION_ACTIVITY_DATA',
          );
        });
    },
  );
});
