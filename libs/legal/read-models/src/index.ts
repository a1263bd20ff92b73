// Legal's read models, registered in one place: the app's DataSource takes the entities,
// its runners the projections, and tools/migrate.ts the migrations.
import type { MigrationSet } from '@haven/platform/database';
import type { Projection } from '@haven/platform/projections';
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
import {
  advocacyActionsProjection,
  beneficiaryLegalCasesProjection,
  compensationClaimsProjection,
  evidenceDocumentsProjection,
  knownBeneficiariesProjection,
  legalCasesProjection,
  offendersProjection,
  serviceOccasionsProjection,
} from './legal-case.projections';
import { AddLegalCaseExploitedIn1768400000001 } from './migrations/1768400000001-add-legal-case-exploited-in';
import { CreateBeneficiaryLegalCases1764100000003 } from './migrations/1764100000003-create-beneficiary-legal-cases';
import { CreateLegalCases1767300000016 } from './migrations/1767300000016-create-legal-cases';

export * from './legal-case.entities';
export * from './legal-case.projections';
export { BeneficiaryLegalCases };

export const LEGAL_ENTITIES = [
  BeneficiaryLegalCases,
  KnownBeneficiaryRow,
  LegalCaseRow,
  OffenderRow,
  ServiceOccasionRow,
  EvidenceDocumentRow,
  CompensationClaimRow,
  AdvocacyActionRow,
];
export const LEGAL_PROJECTIONS: Projection[] = [
  knownBeneficiariesProjection,
  legalCasesProjection,
  beneficiaryLegalCasesProjection,
  offendersProjection,
  serviceOccasionsProjection,
  evidenceDocumentsProjection,
  compensationClaimsProjection,
  advocacyActionsProjection,
];
export const LEGAL_MIGRATIONS: MigrationSet = {
  schema: 'legal',
  migrations: [
    CreateBeneficiaryLegalCases1764100000003,
    CreateLegalCases1767300000016,
    AddLegalCaseExploitedIn1768400000001,
  ],
};
