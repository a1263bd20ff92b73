import { describeCountExtension } from '@haven/platform/nest/testing';
import { NETWORKS_MIGRATIONS } from '@haven/networks/read-models';
import { AppModule } from './app.module';

describeCountExtension({
  module: AppModule,
  migrations: NETWORKS_MIGRATIONS,
  service: 'networks',
  table: 'networks.beneficiary_case_notifications',
  field: 'caseNotificationCount',
});
