// Legal's read models, registered in one place: the app's DataSource takes the entities,
// its runners the projections (none yet), and tools/migrate.ts the migrations.
import type { MigrationSet } from '@haven/platform/database';
import type { Projection } from '@haven/platform/projections';
import { BeneficiaryLegalCases } from './beneficiary-legal-cases.entity';
import { CreateBeneficiaryLegalCases1764100000003 } from './migrations/1764100000003-create-beneficiary-legal-cases';

export { BeneficiaryLegalCases };

export const LEGAL_ENTITIES = [BeneficiaryLegalCases];
export const LEGAL_PROJECTIONS: Projection[] = [];
export const LEGAL_MIGRATIONS: MigrationSet = {
  schema: 'legal',
  migrations: [CreateBeneficiaryLegalCases1764100000003],
};
