/**
 * Legal's words that other services (the timeline, reports) may rely on, and its stream naming.
 * Closed lists only: no free text here can carry a name.
 */

/** A legal case: `legalcase-<uuid>`. */
export const LEGAL_CASE_CATEGORY = 'legalcase';
export function legalCaseStreamId(caseId: string): string {
  return `${LEGAL_CASE_CATEGORY}-${caseId}`;
}

/** An advocacy action (petition, task force, statement): `legaladvocacy-<uuid>`. */
export const ADVOCACY_ACTION_CATEGORY = 'legaladvocacy';
export function advocacyActionStreamId(actionId: string): string {
  return `${ADVOCACY_ACTION_CATEGORY}-${actionId}`;
}

export const LEGAL_CASE_KINDS = [
  'SEX_TRAFFICKING',
  'SEXUAL_ABUSE',
  'FORCED_MARRIAGE',
  'ONLINE_SEXUAL_EXPLOITATION',
  'OTHER',
] as const;
export type LegalCaseKind = (typeof LEGAL_CASE_KINDS)[number];

/** Where a case stands; CLOSED is reached by closing it, and left by reopening it. */
export const LEGAL_CASE_STAGES = [
  'REPORTED_TO_POLICE',
  'INVESTIGATION',
  'PROSECUTION',
  'TRIAL',
  'VERDICT',
  'APPEAL',
  'CLOSED',
] as const;
export type LegalCaseStage = (typeof LEGAL_CASE_STAGES)[number];

export const PARTY_ROLES = ['VICTIM', 'JOINT_PLAINTIFF', 'WITNESS'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const OFFENDER_KINDS = [
  'ADULT_MALE',
  'ADULT_FEMALE',
  'MINOR_MALE',
  'MINOR_FEMALE',
  'COMPANY',
] as const;
export type OffenderKind = (typeof OFFENDER_KINDS)[number];

export const OFFENDER_STATUSES = [
  'UNDER_INVESTIGATION',
  'WARRANT_ISSUED',
  'ON_BAIL',
  'IN_CUSTODY',
  'IN_JUVENILE_DETENTION',
  'FUGITIVE',
  'PROCEEDINGS_SUSPENDED',
  'FINED',
  'DISMISSED',
  'ACQUITTED',
  'SENTENCED',
] as const;
export type OffenderStatus = (typeof OFFENDER_STATUSES)[number];

export const SERVICE_OCCASION_KINDS = [
  'REPORTING_TO_POLICE',
  'MEETING_PROSECUTOR',
  'PREPARING_VICTIM_FOR_TRIAL',
  'ATTENDING_HEARING',
  'INTERVIEWING_BENEFICIARY_OR_FAMILY',
  'ACTING_AS_JOINT_PLAINTIFF',
  'COORDINATING_WITH_INQUIRY_OFFICIAL',
  'DRAFTING_DOCUMENTS',
  // Advice given to a beneficiary or her family by a lawyer, outside any hearing or filing.
  'LEGAL_CONSULTATION',
] as const;
export type ServiceOccasionKind = (typeof SERVICE_OCCASION_KINDS)[number];

export const EVIDENCE_DOCUMENT_KINDS = [
  'PASSPORT',
  'IDENTITY_CARD',
  'BIRTH_CERTIFICATE',
  'FAMILY_REGISTER',
  'POWER_OF_ATTORNEY',
  'OTHER',
] as const;
export type EvidenceDocumentKind = (typeof EVIDENCE_DOCUMENT_KINDS)[number];

export const VERIFIERS = ['FAMILY', 'LOCAL_OFFICIALS', 'COURT', 'EMBASSY', 'PROSECUTOR'] as const;
export type Verifier = (typeof VERIFIERS)[number];

/** What a verification found: the document holds, or it was falsified (an age raised). */
export const VERIFICATION_FINDINGS = ['CONFIRMED', 'FALSIFIED'] as const;
export type VerificationFinding = (typeof VERIFICATION_FINDINGS)[number];

export const VERDICT_OUTCOMES = ['CONVICTED', 'ACQUITTED'] as const;
export type VerdictOutcome = (typeof VERDICT_OUTCOMES)[number];

export const COMPENSATION_SOURCES = ['STATE_FUND', 'MINISTRY', 'OFFENDER', 'OTHER'] as const;
export type CompensationSource = (typeof COMPENSATION_SOURCES)[number];

export const ADVOCACY_KINDS = ['PETITION', 'TASK_FORCE', 'STATEMENT', 'OTHER'] as const;
export type AdvocacyKind = (typeof ADVOCACY_KINDS)[number];

export const ADVOCACY_OUTCOMES = [
  'PENDING',
  'ACHIEVED',
  'PARTLY_ACHIEVED',
  'NOT_ACHIEVED',
] as const;
export type AdvocacyOutcome = (typeof ADVOCACY_OUTCOMES)[number];

/** Money as whole minor units (satang, kip) and an ISO 4217 code: never a float. */
export type MoneyAmount = { amountMinor: number; currency: string };

/** A prison term and a fine, as pronounced or as finally imposed after reductions. */
export type Sentence = { termYears: number; termMonths: number; fine: MoneyAmount | null };
