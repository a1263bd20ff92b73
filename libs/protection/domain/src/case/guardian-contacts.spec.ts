// Issue 13, "one guardian contact per case": three minors from three families have three
// contacts, and a minor's journey home checks her own contact (or one for the whole case).
import { deciderSpecification } from '@haven/platform/decider-testing';
import type { ProtectionCaseEvent } from '@haven/protection/contracts';
import { GuardianContactRequired, VictimNotInCase } from './errors';
import { protectionCaseDecider, type ProtectionCaseCommand } from './protection-case';

const spec = deciderSpecification(protectionCaseDecider);
const caseId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c01';
const [first, second, third] = [
  '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c11',
  '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c12',
  '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c13',
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
const sealed = 'pii:v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const opened: ProtectionCaseEvent = {
  type: 'ProtectionCaseOpened',
  schemaVersion: 4,
  data: {
    caseId,
    country: 'LA',
    province: null,
    abroad: true,
    intercepted: false,
    destination: 'TH',
    formOfExploitation: 'SEX_TRAFFICKING',
    placeOfExploitation: null,
    sourceNotificationId: null,
    openedOn: '2026-11-20',
    openedAt: at,
  },
};
const minorAdded = (beneficiaryId: string): ProtectionCaseEvent => ({
  type: 'VictimAddedToCase',
  schemaVersion: 2,
  data: {
    caseId,
    beneficiaryId,
    formOfExploitation: 'SEX_TRAFFICKING',
    minor: true,
    sex: null,
    nationality: null,
    ageYears: null,
    addedOn: '2026-11-20',
    addedAt: at,
  },
});
const identified = (beneficiaryId: string): ProtectionCaseEvent => ({
  type: 'VictimIdentificationRecorded',
  data: {
    caseId,
    beneficiaryId,
    outcome: 'OFFICIALLY_IDENTIFIED',
    date: '2026-11-20',
    authority: null,
    recordedAt: at,
  },
});
const contactOf = (beneficiaryId: string | null): ProtectionCaseEvent => ({
  type: 'GuardianContactRecorded',
  schemaVersion: 3,
  data: {
    caseId,
    beneficiaryId,
    kind: 'GUARDIAN',
    details: sealed,
    contactedOn: at.slice(0, 10),
    recordedAt: at,
  },
});
const threeMinors = [
  opened,
  ...[first, second, third].flatMap((id) => [minorAdded(id), identified(id)]),
];

const recordContact = (beneficiaryId: string | null): ProtectionCaseCommand => ({
  type: 'RecordGuardianContact',
  data: { caseId, beneficiaryId, kind: 'GUARDIAN', details: sealed },
  metadata,
});
const journey = (beneficiaryId: string): ProtectionCaseCommand => ({
  type: 'RecordRepatriationStep',
  data: { caseId, beneficiaryId, step: 'ESCORTED_JOURNEY', date: '2026-11-20' },
  metadata,
});
const close: ProtectionCaseCommand = {
  type: 'CloseProtectionCase',
  data: { caseId, reason: 'OTHER' },
  metadata,
};

describe('Protection case decider: a guardian contact per minor', () => {
  it('records a contact for one victim of the case, and refuses one for someone who is not', () => {
    spec
      .given(threeMinors)
      .when(recordContact(first))
      .then([contactOf(first)]);
    spec
      .given(threeMinors)
      .when(recordContact('0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c99'))
      .thenThrows(VictimNotInCase);
  });

  it('lets a minor be escorted home with her own contact, not with another minor’s', () => {
    spec
      .given([...threeMinors, contactOf(second)])
      .when(journey(second))
      .then([
        {
          type: 'RepatriationStepRecorded',
          data: {
            caseId,
            beneficiaryId: second,
            step: 'ESCORTED_JOURNEY',
            date: '2026-11-20',
            recordedAt: at,
          },
        },
      ]);
    spec
      .given([...threeMinors, contactOf(second)])
      .when(journey(first))
      .thenThrows(GuardianContactRequired);
  });

  it('closes the case once every minor has a contact, her own or the case’s', () => {
    spec
      .given([...threeMinors, contactOf(first), contactOf(second)])
      .when(close)
      .thenThrows(GuardianContactRequired);
    spec
      .given([...threeMinors, contactOf(first), contactOf(second), contactOf(third)])
      .when(close)
      .then([
        {
          type: 'ProtectionCaseClosed',
          schemaVersion: 2,
          data: { caseId, reason: 'OTHER', closedOn: '2026-11-20', closedAt: at },
        },
      ]);
    spec
      .given([...threeMinors, contactOf(null)])
      .when(journey(third))
      .then([
        {
          type: 'RepatriationStepRecorded',
          data: {
            caseId,
            beneficiaryId: third,
            step: 'ESCORTED_JOURNEY',
            date: '2026-11-20',
            recordedAt: at,
          },
        },
      ]);
  });
});
