// Test-only: the setup shared by the legal case decider's specs (parties-and-stages,
// offender-decisions, evidence-and-service-occasions, compensation-decisions): the ids, the
// command metadata, a beneficiary's facts, and a case opened with Ana as its victim. Not exported
// from the library.
import type { BeneficiaryFacts, LegalCaseCommand, LegalCaseEvent } from './legal-case.types';

export const caseId = '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0c01';
export const [ana, bua, cha] = [
  '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0b01',
  '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0b02',
  '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0b03',
];
export const offenderId = '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0f01';
export const claimId = '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0c51';
export const documentId = '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0d01';
export const metadata = {
  actorId: 'legal-th-1',
  role: 'legal_officer',
  organisationId: null,
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2020-12-01T08:00:00.000Z',
};
export const thb = (baht: number) => ({ amountMinor: baht * 100, currency: 'THB' });

export function facts(
  beneficiaryId: string,
  extra: Partial<BeneficiaryFacts> = {},
): BeneficiaryFacts {
  return {
    beneficiaryId,
    known: true,
    erased: false,
    legalActionConsent: true,
    country: 'TH',
    sex: 'FEMALE',
    minor: true,
    ...extra,
  };
}

export function command<C extends LegalCaseCommand>(type: C['type'], data: C['data']): C {
  return { type, data, metadata } as C;
}

export const opened: LegalCaseEvent = {
  type: 'LegalCaseOpened',
  data: {
    caseId,
    kind: 'SEX_TRAFFICKING',
    country: 'TH',
    province: 'Rayong',
    court: 'Rayong Provincial Court',
    sourceProtectionCaseId: null,
    exploitedIn: null,
    stage: 'INVESTIGATION',
    openedOn: '2019-06-01',
    beneficiaryIds: [ana],
  },
};
export const anaJoined: LegalCaseEvent = {
  type: 'LegalCaseBeneficiaryJoined',
  data: {
    caseId,
    beneficiaryId: ana,
    role: 'VICTIM',
    country: 'TH',
    sex: 'FEMALE',
    minor: true,
    joinedOn: '2019-06-01',
  },
};
