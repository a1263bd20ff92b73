// Protection's read models, registered in one place: the app's DataSource takes the entities,
// its runners the projections, and tools/migrate.ts the migrations.
import type { MigrationSet } from '@haven/platform/database';
import { beneficiariesProjection } from './beneficiaries.projection';
import {
  BeneficiaryRow,
  type ConsentRecord,
  type PossibleDuplicateRecord,
} from './beneficiary.entity';
import { InvestigationNoteRow } from './cases/investigation-note.entity';
import {
  ProtectionCaseRow,
  type CaseVictimRecord,
  type GuardianContactRecord,
  type RescueOperationRecord,
} from './cases/protection-case.entity';
import {
  investigationNotesProjection,
  protectionCasesProjection,
} from './cases/protection-cases.projection';
import {
  TimelineEntryRow,
  type TimelineSubject,
  type TimelineSummary,
} from './cases/timeline-entry.entity';
import { NOTIFICATION_TIMELINE_TYPES, timelineProjection } from './cases/timeline.projection';
import { AddCaseIntercepted1768400000000 } from './migrations/1768400000000-add-case-intercepted';
import { CreateBeneficiaries1764100000000 } from './migrations/1764100000000-create-beneficiaries';
import { AddBeneficiaryOrganisation1764300000000 } from './migrations/1764300000000-add-beneficiary-organisation';
import { AddBeneficiaryPersonalData1764500000000 } from './migrations/1764500000000-add-beneficiary-personal-data';
import { CreateBreakGlassGrants1764600000000 } from './migrations/1764600000000-create-break-glass-grants';
import { CreateProtectionCases1764700000000 } from './migrations/1764700000000-create-protection-cases';
import { AddBeneficiaryConsentsAndDuplicates1764800000000 } from './migrations/1764800000000-add-beneficiary-consents-and-duplicates';
import { AddCasePlaceOfExploitation1767600000001 } from './migrations/1767600000001-add-case-place-of-exploitation';
import { AddBeneficiaryRegisteredOn1767600000002 } from './migrations/1767600000002-add-beneficiary-registered-on';

export {
  BeneficiaryRow,
  beneficiariesProjection,
  InvestigationNoteRow,
  investigationNotesProjection,
  NOTIFICATION_TIMELINE_TYPES,
  ProtectionCaseRow,
  protectionCasesProjection,
  TimelineEntryRow,
  timelineProjection,
  type CaseVictimRecord,
  type ConsentRecord,
  type GuardianContactRecord,
  type PossibleDuplicateRecord,
  type RescueOperationRecord,
  type TimelineSubject,
  type TimelineSummary,
};

export const PROTECTION_ENTITIES = [
  BeneficiaryRow,
  ProtectionCaseRow,
  InvestigationNoteRow,
  TimelineEntryRow,
];
export const PROTECTION_PROJECTIONS = [
  beneficiariesProjection,
  protectionCasesProjection,
  investigationNotesProjection,
  timelineProjection,
];
export const PROTECTION_MIGRATIONS: MigrationSet = {
  schema: 'protection',
  migrations: [
    CreateBeneficiaries1764100000000,
    AddBeneficiaryOrganisation1764300000000,
    AddBeneficiaryPersonalData1764500000000,
    CreateBreakGlassGrants1764600000000,
    CreateProtectionCases1764700000000,
    AddBeneficiaryConsentsAndDuplicates1764800000000,
    AddCasePlaceOfExploitation1767600000001,
    AddBeneficiaryRegisteredOn1767600000002,
    AddCaseIntercepted1768400000000,
  ],
};
/** Break-glass grants (write-side state, see its migration). */
/** Blind match keys of registered beneficiaries (write-side state, see its migration). */
export const BENEFICIARY_MATCH_KEYS_TABLE = 'protection.beneficiary_match_keys';
export const BREAK_GLASS_GRANTS_TABLE = 'protection.break_glass_grants';
/** The sequence reference codes are numbered from (see the migration). */
export const BENEFICIARY_REFERENCE_SEQUENCE = 'protection.beneficiary_reference_numbers';
