// Legal's own GraphQL enums (the shared ones, Country, CountryCode, Currency, are the platform's).
import { registerEnumType } from '@nestjs/graphql';
import {
  ADVOCACY_KINDS,
  ADVOCACY_OUTCOMES,
  COMPENSATION_SOURCES,
  EVIDENCE_DOCUMENT_KINDS,
  LEGAL_CASE_KINDS,
  LEGAL_CASE_STAGES,
  OFFENDER_KINDS,
  OFFENDER_STATUSES,
  PARTY_ROLES,
  SERVICE_OCCASION_KINDS,
  VERDICT_OUTCOMES,
  VERIFICATION_FINDINGS,
  VERIFIERS,
} from '@haven/legal/contracts';
import { enumObject } from '@haven/platform/nest';

export const LegalCaseKindEnum = enumObject(LEGAL_CASE_KINDS);
registerEnumType(LegalCaseKindEnum, { name: 'LegalCaseKind' });
export const LegalCaseStageEnum = enumObject(LEGAL_CASE_STAGES);
registerEnumType(LegalCaseStageEnum, { name: 'LegalCaseStage' });
export const PartyRoleEnum = enumObject(PARTY_ROLES);
registerEnumType(PartyRoleEnum, { name: 'LegalPartyRole' });
export const OffenderKindEnum = enumObject(OFFENDER_KINDS);
registerEnumType(OffenderKindEnum, { name: 'OffenderKind' });
export const OffenderStatusEnum = enumObject(OFFENDER_STATUSES);
registerEnumType(OffenderStatusEnum, { name: 'OffenderStatus' });
export const ServiceOccasionKindEnum = enumObject(SERVICE_OCCASION_KINDS);
registerEnumType(ServiceOccasionKindEnum, { name: 'LegalServiceOccasionKind' });
export const EvidenceDocumentKindEnum = enumObject(EVIDENCE_DOCUMENT_KINDS);
registerEnumType(EvidenceDocumentKindEnum, { name: 'EvidenceDocumentKind' });
export const VerifierEnum = enumObject(VERIFIERS);
registerEnumType(VerifierEnum, { name: 'EvidenceVerifier' });
export const VerificationFindingEnum = enumObject(VERIFICATION_FINDINGS);
registerEnumType(VerificationFindingEnum, { name: 'VerificationFinding' });
export const VerdictOutcomeEnum = enumObject(VERDICT_OUTCOMES);
registerEnumType(VerdictOutcomeEnum, { name: 'VerdictOutcome' });
export const CompensationSourceEnum = enumObject(COMPENSATION_SOURCES);
registerEnumType(CompensationSourceEnum, { name: 'CompensationSource' });
export const AdvocacyKindEnum = enumObject(ADVOCACY_KINDS);
registerEnumType(AdvocacyKindEnum, { name: 'AdvocacyKind' });
export const AdvocacyOutcomeEnum = enumObject(ADVOCACY_OUTCOMES);
registerEnumType(AdvocacyOutcomeEnum, { name: 'AdvocacyOutcome' });
