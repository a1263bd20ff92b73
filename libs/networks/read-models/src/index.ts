// Networks's read models, registered in one place: the app's DataSource takes the entities,
// its runners the projections (none yet), and tools/migrate.ts the migrations.
import type { MigrationSet } from '@haven/platform/database';
import type { Projection } from '@haven/platform/projections';
import { BeneficiaryCaseNotifications } from './beneficiary-case-notifications.entity';
import { CreateBeneficiaryCaseNotifications1764100000001 } from './migrations/1764100000001-create-beneficiary-case-notifications';

export { BeneficiaryCaseNotifications };

export const NETWORKS_ENTITIES = [BeneficiaryCaseNotifications];
export const NETWORKS_PROJECTIONS: Projection[] = [];
export const NETWORKS_MIGRATIONS: MigrationSet = {
  schema: 'networks',
  migrations: [CreateBeneficiaryCaseNotifications1764100000001],
};
