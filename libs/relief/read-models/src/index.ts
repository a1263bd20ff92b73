// Relief's read models, registered in one place: the app's DataSource takes the entities,
// its runners the projections, and tools/migrate.ts the migrations.
import type { MigrationSet } from '@haven/platform/database';
import type { Projection } from '@haven/platform/projections';
import { BeneficiaryReliefDistributions } from './beneficiary-relief-distributions.entity';
import { beneficiaryReliefDistributionsProjection } from './beneficiary-relief-distributions.projection';
import { KnownAgentOfChangeRow } from './known-agent-of-change.entity';
import { knownAgentsOfChangeProjection } from './known-agents-of-change.projection';
import { KnownBeneficiaryRow } from './known-beneficiary.entity';
import { knownBeneficiariesProjection } from './known-beneficiaries.projection';
import { CreateBeneficiaryReliefDistributions1764100000004 } from './migrations/1764100000004-create-beneficiary-relief-distributions';
import { CreateReliefResponses1767200000017 } from './migrations/1767200000017-create-relief-responses';
import { CreateRecipientAliasesAndAgentsOfChange1767400000018 } from './migrations/1767400000018-create-recipient-aliases-and-agents-of-change';
import { RecipientAliasRow } from './recipient-alias.entity';
import { recipientAliasesProjection } from './recipient-aliases.projection';
import { reliefEntriesProjection, RELIEF_ENTRY_EVENT_TYPES } from './relief-entries.projection';
import { ReliefEntryRow, ENTRY_TYPES, type EntryType } from './relief-entry.entity';
import { ReliefResponseRow } from './relief-response.entity';
import { reliefResponsesProjection } from './relief-responses.projection';

export {
  BeneficiaryReliefDistributions,
  beneficiaryReliefDistributionsProjection,
  ENTRY_TYPES,
  KnownAgentOfChangeRow,
  knownAgentsOfChangeProjection,
  KnownBeneficiaryRow,
  knownBeneficiariesProjection,
  RecipientAliasRow,
  recipientAliasesProjection,
  RELIEF_ENTRY_EVENT_TYPES,
  reliefEntriesProjection,
  ReliefEntryRow,
  ReliefResponseRow,
  reliefResponsesProjection,
  type EntryType,
};

export const RELIEF_ENTITIES = [
  BeneficiaryReliefDistributions,
  ReliefResponseRow,
  ReliefEntryRow,
  KnownBeneficiaryRow,
  RecipientAliasRow,
  KnownAgentOfChangeRow,
];
export const RELIEF_PROJECTIONS: Projection[] = [
  reliefResponsesProjection,
  reliefEntriesProjection,
  knownBeneficiariesProjection,
  beneficiaryReliefDistributionsProjection,
  recipientAliasesProjection,
  knownAgentsOfChangeProjection,
];
export const RELIEF_MIGRATIONS: MigrationSet = {
  schema: 'relief',
  migrations: [
    CreateBeneficiaryReliefDistributions1764100000004,
    CreateReliefResponses1767200000017,
    CreateRecipientAliasesAndAgentsOfChange1767400000018,
  ],
};
