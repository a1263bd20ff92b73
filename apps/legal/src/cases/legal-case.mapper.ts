// Read-model rows → GraphQL types, field by field: a column added later (a sealed value, say)
// stays out until it is named here.
import type {
  CompensationClaimRow,
  EvidenceDocumentRow,
  LegalCaseRow,
  OffenderRow,
  ServiceOccasionRow,
} from '@haven/legal/read-models';
import type {
  CompensationClaim,
  EvidenceDocument,
  LegalCase,
  LegalServiceOccasion,
  Offender,
} from './legal-case.types';

export const LEGAL_CASE_CURSOR = 'legalcase';
export const SERVICE_OCCASION_CURSOR = 'legaloccasion';

export function toLegalCase(row: LegalCaseRow): LegalCase {
  return {
    id: row.id,
    kind: row.kind,
    country: row.country,
    province: row.province,
    court: row.court,
    sourceProtectionCaseId: row.sourceProtectionCaseId,
    exploitedIn: row.exploitedIn ?? null,
    openedOn: row.openedOn,
    stage: row.stage,
    closedOn: row.closedOn,
    staffLawyerIds: row.staffLawyerIds,
    lawFirmId: row.lawFirmId,
    parties: row.parties.map(({ beneficiaryId, role, joinedOn }) => ({
      beneficiaryId,
      role,
      joinedOn,
    })),
  };
}

export function toOffender(row: OffenderRow): Offender {
  return {
    id: row.id,
    kind: row.kind,
    nationality: row.nationality,
    status: row.status,
    statusSince: row.statusSince,
    statusHistory: row.statusHistory.map(({ from, to, on }) => ({ from, to, on })),
    verdict: row.verdictOutcome
      ? {
          outcome: row.verdictOutcome,
          on: row.verdictOn ?? '',
          pronounced: row.pronouncedSentence,
          final: row.finalSentence,
          appealedOn: row.appealedOn,
        }
      : null,
  };
}

export function toServiceOccasion(row: ServiceOccasionRow): LegalServiceOccasion {
  return { id: row.id, kind: row.kind, on: row.on, beneficiaryIds: row.beneficiaryIds };
}

export function toEvidenceDocument(row: EvidenceDocumentRow): EvidenceDocument {
  return {
    id: row.id,
    beneficiaryId: row.beneficiaryId,
    kind: row.kind,
    issuingCountry: row.issuingCountry,
    recordedOn: row.recordedOn,
    verifications: row.verifications.map(({ verifiedBy, finding, on }) => ({
      verifiedBy,
      finding,
      on,
    })),
  };
}

export function toCompensationClaim(row: CompensationClaimRow): CompensationClaim {
  const money = (amountMinor: number) => ({ amountMinor, currency: row.currency });
  return {
    id: row.id,
    beneficiaryId: row.beneficiaryId,
    source: row.source,
    claimed: money(row.claimedMinor),
    claimedOn: row.claimedOn,
    approved: row.approvedMinor === null ? null : money(row.approvedMinor),
    approvedOn: row.approvedOn,
    paid: money(row.paidMinor),
    payments: row.payments.map(({ paymentId, amountMinor, on }) => ({
      id: paymentId,
      amount: money(amountMinor),
      on,
    })),
  };
}
