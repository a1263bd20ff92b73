// Empowerment's read models, registered in one place: the app's DataSource takes the entities,
// its runners the projections (none yet), and tools/migrate.ts the migrations.
import type { MigrationSet } from '@haven/platform/database';
import type { Projection } from '@haven/platform/projections';
import { BeneficiaryEmpowermentServices } from './beneficiary-empowerment-services.entity';
import { CreateBeneficiaryEmpowermentServices1764100000002 } from './migrations/1764100000002-create-beneficiary-empowerment-services';

export { BeneficiaryEmpowermentServices };

export const EMPOWERMENT_ENTITIES = [BeneficiaryEmpowermentServices];
export const EMPOWERMENT_PROJECTIONS: Projection[] = [];
export const EMPOWERMENT_MIGRATIONS: MigrationSet = {
  schema: 'empowerment',
  migrations: [CreateBeneficiaryEmpowermentServices1764100000002],
};
