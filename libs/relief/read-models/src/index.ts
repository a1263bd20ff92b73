// Relief's read models, registered in one place: the app's DataSource takes the entities,
// its runners the projections (none yet), and tools/migrate.ts the migrations.
import type { MigrationSet } from '@haven/platform/database';
import type { Projection } from '@haven/platform/projections';
import { BeneficiaryReliefDistributions } from './beneficiary-relief-distributions.entity';
import { CreateBeneficiaryReliefDistributions1764100000004 } from './migrations/1764100000004-create-beneficiary-relief-distributions';

export { BeneficiaryReliefDistributions };

export const RELIEF_ENTITIES = [BeneficiaryReliefDistributions];
export const RELIEF_PROJECTIONS: Projection[] = [];
export const RELIEF_MIGRATIONS: MigrationSet = {
  schema: 'relief',
  migrations: [CreateBeneficiaryReliefDistributions1764100000004],
};
