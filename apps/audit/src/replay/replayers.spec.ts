import type { RecordedEvent } from '@haven/platform/event-store';
import { REPLAYERS } from './replayers';
import { replayer, Replayers } from './replayer';

const recorded = (
  type: string,
  schemaVersion: number,
  data: Record<string, unknown>,
): RecordedEvent =>
  ({
    eventId: '0190a6c8-0000-7000-8000-000000000001',
    streamId: 'protectioncase-c1',
    streamCategory: 'protectioncase',
    streamVersion: 1,
    globalPosition: 1,
    type,
    schemaVersion,
    data,
    metadata: {
      actorId: 'a',
      role: 'admin',
      organisationId: null,
      correlationId: 'c',
      causationId: null,
      occurredAt: '2025-01-02T03:04:05.000Z',
    },
    recordedAt: new Date('2025-01-02T03:04:05.000Z'),
  }) as RecordedEvent;

describe('the replay registry', () => {
  it('given a case opened in the old shape (v1), when it is replayed, then it is upcast and folded by protection’s evolve', () => {
    const replay = REPLAYERS.forStream('protectioncase-c1');
    expect(replay?.recordType).toBe('ProtectionCase');
    const state = replay!.replay([
      recorded('ProtectionCaseOpened', 1, {
        caseId: 'c1',
        country: 'TH',
        province: null,
        abroad: false,
        formOfExploitation: 'SEXUAL_EXPLOITATION',
        sourceNotificationId: null,
        openedAt: '2025-01-02T03:04:05.000Z',
      }),
    ]);
    expect(state).toMatchObject({ status: 'OPEN', caseId: 'c1', country: 'TH' });
  });

  it('folds events in the shape the upcasters give, not as stored', () => {
    const evolve = (total: number, event: { data: { amount: number } }) =>
      total + event.data.amount;
    const upcaster = {
      type: 'Paid',
      fromSchemaVersion: 1,
      upcast: (data: Record<string, unknown>) => ({
        schemaVersion: 2,
        data: { amount: Number(data.cents) / 100 },
      }),
    };
    const paid = recorded('Paid', 1, { cents: 250 });
    const withUpcaster = replayer(
      'x',
      'X',
      'protectioncase',
      { initialState: () => 0, evolve },
      { upcasters: [upcaster] },
    );
    const without = replayer('x', 'X', 'protectioncase', { initialState: () => 0, evolve });
    expect(withUpcaster.replay([paid, paid])).toBe(5);
    expect(without.replay([paid])).toBeNaN();
  });

  it('given a legal case opened then moved to trial, when it is replayed, then legal’s evolve folds it', () => {
    const replay = REPLAYERS.forStream('legalcase-c1');
    expect(replay).toMatchObject({ service: 'legal', recordType: 'LegalCase' });
    const opened = recorded('LegalCaseOpened', 1, {
      caseId: 'c1',
      kind: 'SEX_TRAFFICKING',
      country: 'TH',
      province: 'Rayong',
      court: null,
      sourceProtectionCaseId: null,
      stage: 'INVESTIGATION',
      openedOn: '2019-11-05',
      beneficiaryIds: [],
    });
    const toTrial = recorded('LegalCaseStageChanged', 1, {
      caseId: 'c1',
      country: 'TH',
      from: 'INVESTIGATION',
      to: 'TRIAL',
      on: '2020-07-01',
      beneficiaryIds: [],
    });
    // As of a date between the two events, the auditor's replay holds only the first.
    expect(replay!.replay([opened])).toMatchObject({ status: 'OPEN', stage: 'INVESTIGATION' });
    expect(replay!.replay([opened, toTrial])).toMatchObject({
      status: 'OPEN',
      caseId: 'c1',
      country: 'TH',
      openedOn: '2019-11-05',
      stage: 'TRIAL',
    });
  });

  it('knows no category twice, and says which record a stream is', () => {
    const one = replayer('x', 'X', 'xs', { initialState: () => 0, evolve: (n: number) => n + 1 });
    expect(() => new Replayers([one, one])).toThrow(/Two replayers/);
    expect(REPLAYERS.forStream('casenotification-1')?.service).toBe('networks');
    expect(REPLAYERS.forStream('nothing-1')).toBeUndefined();
  });
});
