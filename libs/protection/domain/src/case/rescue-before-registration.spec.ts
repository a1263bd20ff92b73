// Rescue before registration: a raid rescues persons first, who are identified and registered
// after. The rescue records how many it rescued; victims are attached to it as they are added.
import { deciderSpecification } from '@haven/platform/decider-testing';
import type { ProtectionCaseEvent } from '@haven/protection/contracts';
import {
  InvalidProtectionCaseData,
  ProtectionCaseIsClosed,
  RescuedCountReached,
  RescueOperationNotFound,
  VictimNotInCase,
} from './errors';
import {
  evolveProtectionCase,
  initialProtectionCaseState,
  protectionCaseDecider,
  type AttachRescuedVictim,
  type RecordRescueOperation,
} from './protection-case';

const spec = deciderSpecification(protectionCaseDecider);
const caseId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0d01';
const operationId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0d02';
const otherOperationId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0d03';
const [first, second, third] = [
  '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0d11',
  '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0d12',
  '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0d13',
];
const at = '2026-11-20T10:00:00.000Z';
const metadata = {
  actorId: 'officer-7',
  role: 'protection_officer',
  organisationId: null,
  correlationId: 'correlation-1',
  causationId: null,
  occurredAt: at,
};

const opened: ProtectionCaseEvent = {
  type: 'ProtectionCaseOpened',
  schemaVersion: 4,
  data: {
    caseId,
    country: 'TH',
    province: 'Rayong',
    abroad: false,
    intercepted: false,
    destination: null,
    formOfExploitation: 'SEX_TRAFFICKING',
    placeOfExploitation: null,
    sourceNotificationId: null,
    openedOn: '2026-11-15',
    openedAt: at,
  },
};
const added = (beneficiaryId: string): ProtectionCaseEvent => ({
  type: 'VictimAddedToCase',
  schemaVersion: 2,
  data: {
    caseId,
    beneficiaryId,
    formOfExploitation: 'SEX_TRAFFICKING',
    minor: false,
    sex: 'FEMALE',
    nationality: 'LA',
    ageYears: 19,
    addedOn: '2026-11-20',
    addedAt: at,
  },
});
const recordRaid = (data: Partial<RecordRescueOperation['data']> = {}): RecordRescueOperation => ({
  type: 'RecordRescueOperation',
  data: {
    caseId,
    operationId,
    date: '2026-11-16',
    place: 'Karaoke bar, Mueang Rayong',
    partnerAgencies: ['Royal Thai Police'],
    personsRescued: 3,
    rescuedBeneficiaryIds: [],
    ...data,
  },
  metadata,
});
const raid = (personsRescued: number, named: string[] = []): ProtectionCaseEvent => ({
  type: 'RescueOperationRecorded',
  schemaVersion: 3,
  data: {
    caseId,
    operationId,
    date: '2026-11-16',
    place: 'Karaoke bar, Mueang Rayong',
    online: false,
    partnerAgencies: ['Royal Thai Police'],
    personsRescued,
    rescuedBeneficiaryIds: named,
    recordedAt: at,
  },
});
const attach = (beneficiaryId: string, operation = operationId): AttachRescuedVictim => ({
  type: 'AttachRescuedVictim',
  data: { caseId, operationId: operation, beneficiaryId },
  metadata,
});
const attached = (beneficiaryId: string): ProtectionCaseEvent => ({
  type: 'RescuedVictimAttached',
  data: { caseId, operationId, beneficiaryId, attachedAt: at },
});

describe('Protection case decider: a rescue before its victims are registered', () => {
  it('given an open case, when a raid rescues three persons none yet registered, then it records the count and names no one', () => {
    spec
      .given([opened])
      .when(recordRaid())
      .then([raid(3)]);
  });

  it('given a raid without a count, then it counts the victims it names (as before)', () => {
    spec
      .given([opened, added(first)])
      .when(recordRaid({ personsRescued: null, rescuedBeneficiaryIds: [first] }))
      .then([raid(1, [first])]);
  });

  it('refuses a count below the victims named, or not a whole number from 0 to 1000', () => {
    for (const personsRescued of [1, -1, 1.5, 1001]) {
      spec
        .given([opened, added(first), added(second)])
        .when(recordRaid({ personsRescued, rescuedBeneficiaryIds: [first, second] }))
        .thenThrows(InvalidProtectionCaseData, (error) =>
          expect((error as InvalidProtectionCaseData).field).toBe('personsRescued'),
        );
    }
  });

  it('given the raid and a victim registered and added after it, when she is attached, then she is named by it', () => {
    spec
      .given([opened, raid(3), added(first)])
      .when(attach(first))
      .then([attached(first)]);
  });

  it('given a victim already attached, when she is attached again, then nothing changes (a retry)', () => {
    spec
      .given([opened, raid(3), added(first), attached(first)])
      .when(attach(first))
      .then([]);
    // Named with the operation itself counts as attached too.
    spec
      .given([opened, added(first), raid(3, [first])])
      .when(attach(first))
      .then([]);
  });

  it('given as many victims attached as the raid rescued, when one more is attached, then RESCUED_COUNT_REACHED', () => {
    spec
      .given([
        opened,
        raid(2),
        added(first),
        attached(first),
        added(second),
        attached(second),
        added(third),
      ])
      .when(attach(third))
      .thenThrows(RescuedCountReached);
  });

  it('refuses an operation that is no rescue of the case, and a beneficiary who is not its victim', () => {
    spec
      .given([opened, raid(3), added(first)])
      .when(attach(first, otherOperationId))
      .thenThrows(RescueOperationNotFound);
    spec
      .given([opened, raid(3)])
      .when(attach(first))
      .thenThrows(VictimNotInCase);
  });

  it('refuses an attachment on a closed case', () => {
    const closed: ProtectionCaseEvent = {
      type: 'ProtectionCaseClosed',
      schemaVersion: 2,
      data: { caseId, reason: 'OTHER', closedOn: '2026-11-20', closedAt: at },
    };
    spec
      .given([opened, raid(3), added(first), closed])
      .when(attach(first))
      .thenThrows(ProtectionCaseIsClosed);
  });

  it('reads a rescue stored before rescues were counted as counting the victims it named', () => {
    const { personsRescued: _absent, ...v2 } = (raid(0, [first]) as { data: object }).data as {
      personsRescued: number;
    };
    const stored = { type: 'RescueOperationRecorded', schemaVersion: 2, data: v2 };
    const state = [opened, added(first), stored as unknown as ProtectionCaseEvent].reduce(
      evolveProtectionCase,
      initialProtectionCaseState(),
    );
    expect(state.status !== 'NONE' && state.records[operationId]).toMatchObject({
      kind: 'rescue',
      personsRescued: 1,
    });
  });
});
