import { describeCountExtension } from '@haven/platform/nest/testing';
import { RELIEF_MIGRATIONS } from '@haven/relief/read-models';
import { AppModule } from './app.module';

describeCountExtension({
  module: AppModule,
  migrations: RELIEF_MIGRATIONS,
  service: 'relief',
  table: 'relief.beneficiary_relief_distributions',
  field: 'reliefDistributionCount',
});
