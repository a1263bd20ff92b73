import { describeCountExtension } from '@haven/platform/nest/testing';
import { LEGAL_MIGRATIONS } from '@haven/legal/read-models';
import { AppModule } from './app.module';

describeCountExtension({
  module: AppModule,
  migrations: LEGAL_MIGRATIONS,
  service: 'legal',
  table: 'legal.beneficiary_legal_cases',
  field: 'legalCaseCount',
});
