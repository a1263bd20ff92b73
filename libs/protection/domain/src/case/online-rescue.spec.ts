// An online rescue or intervention: its place is the platform (issue 13).
import { deciderSpecification } from '@haven/platform/decider-testing';
import type { ProtectionCaseEvent } from '@haven/protection/contracts';
import { CaseRecordIdTaken, InvalidProtectionCaseData } from './errors';
import { protectionCaseDecider, type RecordRescueOperation } from './protection-case';

const spec = deciderSpecification(protectionCaseDecider);
const caseId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c21';
const operationId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c22';
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
    province: null,
    abroad: false,
    intercepted: false,
    destination: null,
    formOfExploitation: 'ONLINE_SEXUAL_EXPLOITATION',
    placeOfExploitation: null,
    sourceNotificationId: null,
    openedOn: '2026-11-20',
    openedAt: at,
  },
};
const rescue = (data: Partial<RecordRescueOperation['data']> = {}): RecordRescueOperation => ({
  type: 'RecordRescueOperation',
  data: {
    caseId,
    operationId,
    date: '2026-11-19',
    place: 'Facebook',
    online: true,
    partnerAgencies: ['TICAC'],
    rescuedBeneficiaryIds: [],
    ...data,
  },
  metadata,
});
const recorded: ProtectionCaseEvent = {
  type: 'RescueOperationRecorded',
  schemaVersion: 3,
  data: {
    caseId,
    operationId,
    date: '2026-11-19',
    place: 'Facebook',
    online: true,
    partnerAgencies: ['TICAC'],
    personsRescued: 0,
    rescuedBeneficiaryIds: [],
    recordedAt: at,
  },
};

describe('Protection case decider: an online rescue or intervention', () => {
  it('records its platform as its place, and knows a retry from another operation under its id', () => {
    spec.given([opened]).when(rescue()).then([recorded]);
    spec.given([opened, recorded]).when(rescue()).then([]);
    spec
      .given([opened, recorded])
      .when(rescue({ online: false }))
      .thenThrows(CaseRecordIdTaken);
  });

  it('refuses an online flag that is not true or false', () => {
    spec
      .given([opened])
      .when(rescue({ online: 'yes' as never }))
      .thenThrows(InvalidProtectionCaseData, (error) =>
        expect((error as InvalidProtectionCaseData).field).toBe('online'),
      );
  });
});
