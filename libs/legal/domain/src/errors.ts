// Legal's rules, each a named error (DESIGN: rule violations are typed domain errors).
import { domainError } from '@haven/platform/domain';

export const LegalCaseNotFound = domainError(
  'not_found',
  'LEGAL_CASE_NOT_FOUND',
  'No such legal case.',
);
export const LegalCaseAlreadyOpened = domainError(
  'conflict',
  'LEGAL_CASE_ALREADY_OPENED',
  'This legal case is already open.',
);
export const LegalCaseIsClosed = domainError(
  'conflict',
  'LEGAL_CASE_CLOSED',
  'A closed case takes nothing new until it is reopened.',
);
export const LegalCaseNotClosed = domainError(
  'conflict',
  'LEGAL_CASE_NOT_CLOSED',
  'Only a closed case can be reopened.',
);
export const NoBeneficiaries = domainError(
  'invalid',
  'NO_BENEFICIARIES',
  'A legal case is opened for at least one beneficiary.',
);
export const UnknownBeneficiary = domainError(
  'not_found',
  'UNKNOWN_BENEFICIARY',
  'No such beneficiary is registered.',
);
export const BeneficiaryErased = domainError(
  'conflict',
  'BENEFICIARY_ERASED',
  'The beneficiary’s data was erased: nothing new is recorded for her.',
);
export const NoLegalActionConsent = domainError(
  'conflict',
  'NO_LEGAL_ACTION_CONSENT',
  'The beneficiary has not consented to legal action (or withdrew her consent).',
);
export const BeneficiaryAlreadyOnCase = domainError(
  'conflict',
  'BENEFICIARY_ALREADY_ON_CASE',
  'The beneficiary is already a party to this case.',
);
export const BeneficiaryNotOnCase = domainError(
  'conflict',
  'BENEFICIARY_NOT_ON_CASE',
  'The beneficiary is not a party to this case.',
);
export const BeneficiaryOutsideCaseCountry = domainError(
  'conflict',
  'BENEFICIARY_OUTSIDE_CASE_COUNTRY',
  'The beneficiary is registered in another country than the case.',
);
export const SameStage = domainError(
  'conflict',
  'SAME_STAGE',
  'The case is already at this stage.',
);
export const CloseToCloseCase = domainError(
  'invalid',
  'CLOSE_TO_CLOSE_CASE',
  'A case reaches the closed stage by being closed, and leaves it by being reopened.',
);
export const FactBeforeCaseOpened = domainError(
  'invalid',
  'FACT_BEFORE_CASE_OPENED',
  'The date is before the case was opened.',
);
export const OffenderNotFound = domainError(
  'not_found',
  'OFFENDER_NOT_FOUND',
  'No such offender on this case.',
);
export const OffenderAlreadyAdded = domainError(
  'conflict',
  'OFFENDER_ALREADY_ADDED',
  'This offender is already on the case.',
);
export const OffenderStatusNotAllowed = domainError(
  'conflict',
  'OFFENDER_STATUS_NOT_ALLOWED',
  'The offender cannot move from the current status to this one.',
);
export const StatusNeedsVerdict = domainError(
  'conflict',
  'STATUS_NEEDS_VERDICT',
  'Sentenced, fined and acquitted follow from a verdict: record the verdict.',
);
export const JuvenileDetentionForMinorsOnly = domainError(
  'conflict',
  'JUVENILE_DETENTION_FOR_MINORS_ONLY',
  'Only a minor offender is held in juvenile detention.',
);
export const CompanyNotDetained = domainError(
  'conflict',
  'COMPANY_NOT_DETAINED',
  'A company is not held, bailed or wanted: only people are.',
);
export const VerdictAlreadyRecorded = domainError(
  'conflict',
  'VERDICT_ALREADY_RECORDED',
  'This offender already has a verdict.',
);
export const SentenceWithoutConviction = domainError(
  'conflict',
  'SENTENCE_WITHOUT_CONVICTION',
  'Only a convicted offender has a sentence.',
);
export const ConvictionWithoutSentence = domainError(
  'invalid',
  'CONVICTION_WITHOUT_SENTENCE',
  'A conviction records the sentence pronounced (a term, a fine or both).',
);
export const FinalSentenceExceedsPronounced = domainError(
  'conflict',
  'FINAL_SENTENCE_EXCEEDS_PRONOUNCED',
  'The final term and fine are never above those pronounced.',
);
export const AppealWithoutVerdict = domainError(
  'conflict',
  'APPEAL_WITHOUT_VERDICT',
  'Only a verdict can be appealed.',
);
export const AlreadyAppealed = domainError(
  'conflict',
  'ALREADY_APPEALED',
  'This verdict is already under appeal.',
);
export const DocumentNotFound = domainError(
  'not_found',
  'DOCUMENT_NOT_FOUND',
  'No such document on this case.',
);
export const DocumentAlreadyRecorded = domainError(
  'conflict',
  'DOCUMENT_ALREADY_RECORDED',
  'This document is already recorded.',
);
export const OccasionAlreadyRecorded = domainError(
  'conflict',
  'OCCASION_ALREADY_RECORDED',
  'This service occasion is already recorded.',
);
export const NoBeneficiariesConcerned = domainError(
  'invalid',
  'NO_BENEFICIARIES_CONCERNED',
  'A service occasion concerns at least one beneficiary.',
);
export const ClaimNotFound = domainError(
  'not_found',
  'CLAIM_NOT_FOUND',
  'No such compensation claim on this case.',
);
export const ClaimAlreadyRecorded = domainError(
  'conflict',
  'CLAIM_ALREADY_RECORDED',
  'This compensation claim is already recorded.',
);
export const ClaimAlreadyApproved = domainError(
  'conflict',
  'CLAIM_ALREADY_APPROVED',
  'This claim is already approved.',
);
export const ClaimNotApproved = domainError(
  'conflict',
  'CLAIM_NOT_APPROVED',
  'A payment is received only against an approved amount.',
);
export const CurrencyMismatch = domainError(
  'invalid',
  'CURRENCY_MISMATCH',
  'The amount is in another currency than the claim.',
);
export const PaymentExceedsApproved = domainError(
  'conflict',
  'PAYMENT_EXCEEDS_APPROVED',
  'Payments never exceed the approved amount.',
);
export const PaymentAlreadyRecorded = domainError(
  'conflict',
  'PAYMENT_ALREADY_RECORDED',
  'This payment is already recorded.',
);
export const AdvocacyActionNotFound = domainError(
  'not_found',
  'ADVOCACY_ACTION_NOT_FOUND',
  'No such advocacy action.',
);
export const AdvocacyActionAlreadyRecorded = domainError(
  'conflict',
  'ADVOCACY_ACTION_ALREADY_RECORDED',
  'This advocacy action is already recorded.',
);
export const SameOutcome = domainError(
  'conflict',
  'SAME_OUTCOME',
  'The action already has this outcome.',
);
