// Legal's projections: each an `evolve` over one kind of row, with the events it handles listed
// (legal-case.projections.int-spec.ts replays every one of them).
import {
  ADVOCACY_ACTION_CATEGORY,
  LEGAL_CASE_CATEGORY,
  type AdvocacyIntegrationEvent,
} from '@haven/legal/contracts';
import type { LegalCaseEvent } from '@haven/legal/domain';
import type { RecordedEvent } from '@haven/platform/event-store';
import { rowProjection } from '@haven/platform/projections';
import { BENEFICIARY_CATEGORY, type BeneficiaryEvent } from '@haven/protection/contracts';
import { BeneficiaryLegalCases } from './beneficiary-legal-cases.entity';
import {
  AdvocacyActionRow,
  CompensationClaimRow,
  EvidenceDocumentRow,
  KnownBeneficiaryRow,
  LegalCaseRow,
  OffenderRow,
  ServiceOccasionRow,
} from './legal-case.entities';

// A recorded event of each type, its data typed as the event's (the store's rows are JSON).
type Recorded<E extends { type: string; data: unknown }> = {
  [Type in E['type']]: Omit<RecordedEvent<Type>, 'data'> & {
    data: Extract<E, { type: Type }>['data'];
  };
}[E['type']];
type Of<E extends { type: string; data: unknown }, T extends E['type']> = Recorded<
  Extract<E, { type: T }>
>;

type CaseEvent<T extends LegalCaseEvent['type']> = Of<LegalCaseEvent, T>;

const cannot = (projection: string, event: { type: string }): never => {
  throw new Error(`${projection} cannot apply ${event.type}`);
};

/** `legal.known_beneficiaries`: protection's beneficiaries as legal needs them (consent rules). */
export const knownBeneficiariesProjection = rowProjection<
  KnownBeneficiaryRow,
  Of<BeneficiaryEvent, 'BeneficiaryRegistered' | 'ConsentRecorded' | 'BeneficiaryErased'>
>({
  name: 'legal.known_beneficiaries',
  entity: KnownBeneficiaryRow,
  handles: ['BeneficiaryRegistered', 'ConsentRecorded', 'BeneficiaryErased'],
  categories: [BENEFICIARY_CATEGORY],
  keyOf: (event) => event.data.beneficiaryId,
  evolve(row, event) {
    const base: KnownBeneficiaryRow = row ?? {
      beneficiaryId: event.data.beneficiaryId,
      country: null,
      sex: null,
      minor: null,
      legalActionConsent: null,
      erased: false,
    };
    switch (event.type) {
      case 'BeneficiaryRegistered': {
        const { country, sex, minor } = event.data;
        return { ...base, country, sex, minor };
      }
      case 'ConsentRecorded':
        return event.data.kind === 'LEGAL_ACTION'
          ? { ...base, legalActionConsent: event.data.given }
          : base;
      case 'BeneficiaryErased':
        return { ...base, erased: true };
      default:
        return cannot('legal.known_beneficiaries', event);
    }
  },
});

type CaseRowEvent = CaseEvent<
  | 'LegalCaseOpened'
  | 'LegalCaseBeneficiaryJoined'
  | 'LawyersAssigned'
  | 'LegalCaseStageChanged'
  | 'LegalCaseClosed'
  | 'LegalCaseReopened'
  | 'OffenderStatusChanged'
>;

/** `legal.legal_cases`: one row per case, with its parties and its offenders' statuses. */
export const legalCasesProjection = rowProjection<LegalCaseRow, CaseRowEvent>({
  name: 'legal.legal_cases',
  entity: LegalCaseRow,
  handles: [
    'LegalCaseOpened',
    'LegalCaseBeneficiaryJoined',
    'LawyersAssigned',
    'LegalCaseStageChanged',
    'LegalCaseClosed',
    'LegalCaseReopened',
    'OffenderStatusChanged',
  ],
  categories: [LEGAL_CASE_CATEGORY],
  keyOf: (event) => event.data.caseId,
  evolve(row, event) {
    if (event.type === 'LegalCaseOpened') {
      const { data } = event;
      return {
        id: data.caseId,
        position: event.globalPosition,
        kind: data.kind,
        country: data.country,
        province: data.province,
        court: data.court,
        sourceProtectionCaseId: data.sourceProtectionCaseId,
        // Absent from cases opened before it was asked: unknown.
        exploitedIn: data.exploitedIn ?? null,
        openedOn: data.openedOn,
        openedYear: Number(data.openedOn.slice(0, 4)),
        stage: data.stage,
        closedOn: null,
        staffLawyerIds: [],
        lawFirmId: null,
        parties: [],
        beneficiaryIds: [],
        offenderStatuses: {},
      };
    }
    if (!row) return null;
    switch (event.type) {
      case 'LegalCaseBeneficiaryJoined': {
        const { beneficiaryId, role, joinedOn } = event.data;
        return {
          ...row,
          parties: [...row.parties, { beneficiaryId, role, joinedOn }],
          beneficiaryIds: [...row.beneficiaryIds, beneficiaryId],
        };
      }
      case 'LawyersAssigned':
        return {
          ...row,
          staffLawyerIds: event.data.staffLawyerIds,
          lawFirmId: event.data.lawFirmId,
        };
      case 'LegalCaseStageChanged':
        return { ...row, stage: event.data.to };
      case 'LegalCaseClosed':
        return { ...row, stage: 'CLOSED', closedOn: event.data.on };
      case 'LegalCaseReopened':
        return { ...row, stage: event.data.stage, closedOn: null };
      case 'OffenderStatusChanged':
        return {
          ...row,
          offenderStatuses: { ...row.offenderStatuses, [event.data.offenderId]: event.data.to },
        };
      default:
        return cannot('legal.legal_cases', event);
    }
  },
});

/** `legal.beneficiary_legal_cases`: how many cases each beneficiary is a party to. */
export const beneficiaryLegalCasesProjection = rowProjection<
  BeneficiaryLegalCases,
  CaseEvent<'LegalCaseBeneficiaryJoined'>
>({
  name: 'legal.beneficiary_legal_cases',
  entity: BeneficiaryLegalCases,
  handles: ['LegalCaseBeneficiaryJoined'],
  categories: [LEGAL_CASE_CATEGORY],
  keyOf: (event) => event.data.beneficiaryId,
  evolve: (row, event) => ({
    beneficiaryId: event.data.beneficiaryId,
    count: (row?.count ?? 0) + 1,
  }),
});

type OffenderEvent = CaseEvent<
  | 'OffenderAdded'
  | 'OffenderStatusChanged'
  | 'OffenderIdentityErased'
  | 'VerdictRecorded'
  | 'VerdictAppealed'
>;

/** `legal.offenders`: each offender, the dated history of statuses, the verdict; identity sealed. */
export const offendersProjection = rowProjection<OffenderRow, OffenderEvent>({
  name: 'legal.offenders',
  entity: OffenderRow,
  handles: [
    'OffenderAdded',
    'OffenderStatusChanged',
    'OffenderIdentityErased',
    'VerdictRecorded',
    'VerdictAppealed',
  ],
  categories: [LEGAL_CASE_CATEGORY],
  keyOf: (event) => event.data.offenderId,
  evolve(row, event) {
    if (event.type === 'OffenderAdded') {
      const { data } = event;
      return {
        id: data.offenderId,
        caseId: data.caseId,
        position: event.globalPosition,
        // The case's country arrives with the first status change, in the same append.
        country: '',
        kind: data.kind,
        nationality: data.nationality,
        status: 'UNDER_INVESTIGATION',
        statusSince: data.on,
        statusHistory: [],
        sealedNames: data.identity.names,
        sealedAliases: data.identity.aliases,
        sealedNotes: data.identity.notes,
        verdictOutcome: null,
        verdictOn: null,
        pronouncedSentence: null,
        finalSentence: null,
        appealedOn: null,
      };
    }
    if (!row) return null;
    switch (event.type) {
      case 'OffenderStatusChanged': {
        const { from, to, on, country } = event.data;
        return {
          ...row,
          country,
          status: to,
          statusSince: on,
          statusHistory: [...row.statusHistory, { from, to, on }],
        };
      }
      case 'VerdictRecorded': {
        const { outcome, on, pronounced, final } = event.data;
        return {
          ...row,
          verdictOutcome: outcome,
          verdictOn: on,
          pronouncedSentence: pronounced,
          finalSentence: final,
        };
      }
      case 'VerdictAppealed':
        return { ...row, appealedOn: event.data.on };
      case 'OffenderIdentityErased':
        // The key is gone, so the sealed values can never open: the read model drops them too.
        return { ...row, sealedNames: null, sealedAliases: null, sealedNotes: null };
      default:
        return cannot('legal.offenders', event);
    }
  },
});

/** `legal.service_occasions`: each time staff acted, for whom. */
export const serviceOccasionsProjection = rowProjection<
  ServiceOccasionRow,
  CaseEvent<'LegalServiceOccasionRecorded'>
>({
  name: 'legal.service_occasions',
  entity: ServiceOccasionRow,
  handles: ['LegalServiceOccasionRecorded'],
  categories: [LEGAL_CASE_CATEGORY],
  keyOf: (event) => event.data.occasionId,
  evolve: (_row, { data, globalPosition, metadata }) => ({
    id: data.occasionId,
    caseId: data.caseId,
    position: globalPosition,
    country: data.country,
    kind: data.kind,
    on: data.on,
    beneficiaryIds: data.beneficiaryIds,
    recordedBy: metadata.actorId,
  }),
});

/** `legal.evidence_documents`: documents of age and identity and their chain of verification. */
export const evidenceDocumentsProjection = rowProjection<
  EvidenceDocumentRow,
  CaseEvent<'EvidenceDocumentRecorded' | 'EvidenceVerified'>
>({
  name: 'legal.evidence_documents',
  entity: EvidenceDocumentRow,
  handles: ['EvidenceDocumentRecorded', 'EvidenceVerified'],
  categories: [LEGAL_CASE_CATEGORY],
  keyOf: (event) => event.data.documentId,
  evolve(row, event) {
    switch (event.type) {
      case 'EvidenceDocumentRecorded': {
        const { data } = event;
        return {
          id: data.documentId,
          caseId: data.caseId,
          position: event.globalPosition,
          beneficiaryId: data.beneficiaryId,
          kind: data.kind,
          issuingCountry: data.issuingCountry,
          recordedOn: data.on,
          sealedContent: data.content,
          verifications: [],
        };
      }
      case 'EvidenceVerified': {
        const { verifiedBy, finding, on } = event.data;
        return (
          row && { ...row, verifications: [...row.verifications, { verifiedBy, finding, on }] }
        );
      }
      default:
        return cannot('legal.evidence_documents', event);
    }
  },
});

/** `legal.compensation_claims`: claimed, approved and paid, per beneficiary and source. */
export const compensationClaimsProjection = rowProjection<
  CompensationClaimRow,
  CaseEvent<'CompensationClaimed' | 'CompensationApproved' | 'CompensationPaymentReceived'>
>({
  name: 'legal.compensation_claims',
  entity: CompensationClaimRow,
  handles: ['CompensationClaimed', 'CompensationApproved', 'CompensationPaymentReceived'],
  categories: [LEGAL_CASE_CATEGORY],
  keyOf: (event) => event.data.claimId,
  evolve(row, event) {
    switch (event.type) {
      case 'CompensationClaimed': {
        const { data } = event;
        return {
          id: data.claimId,
          caseId: data.caseId,
          position: event.globalPosition,
          beneficiaryId: data.beneficiaryId,
          source: data.source,
          currency: data.claimed.currency,
          claimedMinor: data.claimed.amountMinor,
          claimedOn: data.on,
          approvedMinor: null,
          approvedOn: null,
          paidMinor: 0,
          payments: [],
        };
      }
      case 'CompensationApproved':
        return (
          row && {
            ...row,
            approvedMinor: event.data.approved.amountMinor,
            approvedOn: event.data.on,
          }
        );
      case 'CompensationPaymentReceived': {
        const { paymentId, amount, on } = event.data;
        return (
          row && {
            ...row,
            paidMinor: row.paidMinor + amount.amountMinor,
            payments: [...row.payments, { paymentId, amountMinor: amount.amountMinor, on }],
          }
        );
      }
      default:
        return cannot('legal.compensation_claims', event);
    }
  },
});

/** `legal.advocacy_actions`. */
export const advocacyActionsProjection = rowProjection<
  AdvocacyActionRow,
  Recorded<AdvocacyIntegrationEvent>
>({
  name: 'legal.advocacy_actions',
  entity: AdvocacyActionRow,
  handles: ['AdvocacyActionRecorded', 'AdvocacyOutcomeRecorded'],
  categories: [ADVOCACY_ACTION_CATEGORY],
  keyOf: (event) => event.data.actionId,
  evolve(row, event) {
    switch (event.type) {
      case 'AdvocacyActionRecorded': {
        const { data } = event;
        return {
          id: data.actionId,
          position: event.globalPosition,
          kind: data.kind,
          country: data.country,
          subject: data.subject,
          partnerOrganisationIds: data.partnerOrganisationIds,
          outcome: data.outcome,
          on: data.on,
        };
      }
      case 'AdvocacyOutcomeRecorded':
        return row && { ...row, outcome: event.data.outcome };
      default:
        return cannot('legal.advocacy_actions', event);
    }
  },
});
