import type { ReportModule } from '../programme-module';
import { empowermentModule } from './empowerment';
import { legalModule } from './legal';
import { networksModule } from './networks';
import { protectionModule } from './protection';
import { reliefModule } from './relief';

/** Every programme in the report, in the order it shows them. One line per programme. */
export const REPORT_MODULES: readonly ReportModule[] = [
  networksModule,
  protectionModule,
  empowermentModule,
  legalModule,
  reliefModule,
];
