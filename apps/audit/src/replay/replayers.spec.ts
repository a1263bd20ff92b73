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

  it('given an enrolment of version 1 then closed, when it is replayed, then empowerment’s upcasters and evolve fold it', () => {
    const replay = REPLAYERS.forStream('empowermentenrolment-e1');
    expect(replay).toMatchObject({ service: 'empowerment', recordType: 'EmpowermentEnrolment' });
    const of = { enrolmentId: 'e1', beneficiaryId: 'b1', country: 'TH' };
    const enrolled = recorded('BeneficiaryEnrolled', 1, {
      ...of,
      sex: 'FEMALE',
      minor: false,
      setting: {
        kind: 'SHELTER',
        shelterName: 'Home 3',
        governmentRun: true,
        province: null,
        district: null,
      },
      enrolledOn: '2026-03-01',
    });
    const closed = recorded('EnrolmentClosed', 1, {
      ...of,
      reason: 'GOALS_REACHED',
      closedOn: '2026-09-01',
    });
    const asEnrolled = replay!.replay([enrolled]) as { status: string; enrolment: object };
    expect(asEnrolled.status).toBe('OPEN');
    // Version 1 knew no statistics: the upcaster reads them as unknown, as empowerment does.
    expect(asEnrolled.enrolment).toMatchObject({ nationality: null, ageYears: null });
    expect(replay!.replay([enrolled, closed])).toMatchObject({
      status: 'CLOSED',
      reason: 'GOALS_REACHED',
      closedOn: '2026-09-01',
    });
  });

  it('given a relief response opened then a distribution, when it is replayed, then relief’s evolve folds it', () => {
    const replay = REPLAYERS.forStream('reliefresponse-r1');
    expect(replay).toMatchObject({ service: 'relief', recordType: 'ReliefResponse' });
    const opened = recorded('ReliefResponseOpened', 1, {
      responseId: 'r1',
      name: 'Floods 2026',
      country: 'LA',
      startsOn: '2026-08-01',
      endsOn: null,
      funder: null,
    });
    const distributed = recorded('ReliefDistributed', 1, {
      responseId: 'r1',
      distributionId: 'd1',
      country: 'LA',
      kind: 'NECESSITY_BAG',
      recipientKind: 'RELIEF_RECIPIENT',
      beneficiaryId: null,
      recipientId: 'p1',
      amountMinor: null,
      currency: null,
      fieldWorkerKind: 'STAFF',
      fieldWorkerId: 'u1',
      distributedOn: '2026-08-03',
    });
    expect(replay!.replay([opened])).toMatchObject({ status: 'OPEN', entries: {} });
    const after = replay!.replay([opened, distributed]) as { entries: Record<string, unknown> };
    expect(Object.keys(after.entries)).toEqual(['d1']);
  });

  it('knows every programme’s records: protection, networks, legal, empowerment and relief', () => {
    expect(REPLAYERS.categories.sort()).toEqual([
      'beneficiary',
      'breakglass',
      'casenotification',
      'empowermentenrolment',
      'legaladvocacy',
      'legalcase',
      'protectioncase',
      'reliefresponse',
    ]);
  });

  it('knows no category twice, and says which record a stream is', () => {
    const one = replayer('x', 'X', 'xs', { initialState: () => 0, evolve: (n: number) => n + 1 });
    expect(() => new Replayers([one, one])).toThrow(/Two replayers/);
    expect(REPLAYERS.forStream('casenotification-1')?.service).toBe('networks');
    expect(REPLAYERS.forStream('nothing-1')).toBeUndefined();
  });
});
