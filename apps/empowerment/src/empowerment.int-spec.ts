import { describeCountExtension } from '@haven/platform/nest/testing';
import { EMPOWERMENT_MIGRATIONS } from '@haven/empowerment/read-models';
import { AppModule } from './app.module';

describeCountExtension({
  module: AppModule,
  migrations: EMPOWERMENT_MIGRATIONS,
  service: 'empowerment',
  table: 'empowerment.beneficiary_empowerment_services',
  field: 'empowermentServiceCount',
});
