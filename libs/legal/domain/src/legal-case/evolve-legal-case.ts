// How a legal case's state follows from its events: the file (parties, offenders, documents,
// occasions, claims) that the decider checks commands against. Pure.
import { unreachable } from '@haven/platform/domain';
import type { LegalCaseStage } from '@haven/legal/contracts';
import type { CaseFile, LegalCaseEvent, LegalCaseState, OffenderState } from './legal-case.types';

function withFile(
  state: LegalCaseState,
  change: (file: CaseFile) => Partial<CaseFile>,
): LegalCaseState {
  if (state.status === 'NONE') return state;
  return { ...state, ...change(state) };
}

function withOffender(
  state: LegalCaseState,
  offenderId: string,
  change: (offender: OffenderState) => Partial<OffenderState>,
): LegalCaseState {
  return withFile(state, (file) => {
    const found = file.offenders[offenderId];
    if (!found) return {};
    return { offenders: { ...file.offenders, [offenderId]: { ...found, ...change(found) } } };
  });
}

function withClaim(
  state: LegalCaseState,
  claimId: string,
  change: (claim: CaseFile['claims'][string]) => Partial<CaseFile['claims'][string]>,
): LegalCaseState {
  return withFile(state, (file) => {
    const found = file.claims[claimId];
    if (!found) return {};
    return { claims: { ...file.claims, [claimId]: { ...found, ...change(found) } } };
  });
}

export function evolveLegalCase(state: LegalCaseState, event: LegalCaseEvent): LegalCaseState {
  switch (event.type) {
    case 'LegalCaseOpened': {
      const { caseId, country, openedOn, stage } = event.data;
      return {
        status: 'OPEN',
        caseId,
        country,
        openedOn,
        stage,
        parties: {},
        offenders: {},
        documents: {},
        occasions: [],
        claims: {},
      };
    }
    case 'LegalCaseBeneficiaryJoined':
      return withFile(state, (file) => ({
        parties: { ...file.parties, [event.data.beneficiaryId]: event.data.role },
      }));
    case 'LawyersAssigned':
      return state;
    case 'LegalCaseStageChanged':
      return withFile(state, () => ({ stage: event.data.to }));
    case 'LegalCaseClosed':
      return state.status === 'NONE' ? state : { ...state, status: 'CLOSED', stage: 'CLOSED' };
    case 'LegalCaseReopened':
      return state.status === 'NONE'
        ? state
        : { ...state, status: 'OPEN', stage: event.data.stage as LegalCaseStage };
    case 'OffenderAdded': {
      const { offenderId, kind, nationality } = event.data;
      return withFile(state, (file) => ({
        offenders: {
          ...file.offenders,
          // The status arrives with the OffenderStatusChanged that follows.
          [offenderId]: {
            kind,
            nationality,
            status: 'UNDER_INVESTIGATION',
            verdict: null,
            appealed: false,
            identityErased: false,
            statusChanges: 0,
          },
        },
      }));
    }
    case 'OffenderStatusChanged':
      return withOffender(state, event.data.offenderId, (found) => ({
        status: event.data.to,
        statusChanges: found.statusChanges + 1,
      }));
    case 'OffenderIdentityErased':
      return withOffender(state, event.data.offenderId, () => ({ identityErased: true }));
    case 'VerdictRecorded':
      return withOffender(state, event.data.offenderId, () => ({ verdict: event.data.outcome }));
    case 'VerdictAppealed':
      return withOffender(state, event.data.offenderId, () => ({ appealed: true }));
    case 'LegalServiceOccasionRecorded':
      return withFile(state, (file) => ({ occasions: [...file.occasions, event.data.occasionId] }));
    case 'EvidenceDocumentRecorded': {
      const { documentId, beneficiaryId, kind, issuingCountry } = event.data;
      return withFile(state, (file) => ({
        documents: {
          ...file.documents,
          [documentId]: { beneficiaryId, kind, issuingCountry, verifications: 0 },
        },
      }));
    }
    case 'EvidenceVerified':
      return withFile(state, (file) => {
        const found = file.documents[event.data.documentId];
        if (!found) return {};
        const counted = { ...found, verifications: found.verifications + 1 };
        return { documents: { ...file.documents, [event.data.documentId]: counted } };
      });
    case 'CompensationClaimed': {
      const { claimId, beneficiaryId, source, claimed } = event.data;
      return withFile(state, (file) => ({
        claims: {
          ...file.claims,
          [claimId]: {
            beneficiaryId,
            source,
            currency: claimed.currency,
            approved: null,
            paid: 0,
            payments: [],
          },
        },
      }));
    }
    case 'CompensationApproved':
      return withClaim(state, event.data.claimId, () => ({
        approved: event.data.approved.amountMinor,
      }));
    case 'CompensationPaymentReceived':
      return withClaim(state, event.data.claimId, (claim) => ({
        paid: claim.paid + event.data.amount.amountMinor,
        payments: [...claim.payments, event.data.paymentId],
      }));
    default:
      return unreachable(event, 'event');
  }
}
