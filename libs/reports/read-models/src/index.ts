// Reports's read models, registered in one place: the app's DataSource takes the entities, its
// runners the projections, and tools/migrate.ts the migrations.
import { EMPOWERMENT_UPCASTERS } from '@haven/empowerment/contracts';
import type { MigrationSet } from '@haven/platform/database';
import type { Upcaster } from '@haven/platform/event-store';
import type { Projection } from '@haven/platform/projections';
import { PROTECTION_UPCASTERS } from '@haven/protection/contracts';
import { NETWORKS_UPCASTERS } from '@haven/networks/contracts';
import { factProjection } from './fact-projection';
import { CreateReportFacts1765000000000 } from './migrations/1765000000000-create-report-facts';
import { LeanFactsIndex1765100000000 } from './migrations/1765100000000-lean-facts-index';
import { CoveringFactsIndex1765200000000 } from './migrations/1765200000000-covering-facts-index';
import { SubjectCells1768100000000 } from './migrations/1768100000000-subject-cells';
import { NoIndexOfPersons1768200000000 } from './migrations/1768200000000-no-index-of-persons';
import { REPORT_MODULES } from './modules';
import { ReportFact, ReportSubject } from './report-fact.entity';

export * from './programme-module';
export * from './report-query';
export { factProjection } from './fact-projection';
export { countedFromCells } from './subject-cells';
export { REPORT_MODULES } from './modules';
export { ReportFact, ReportSubject } from './report-fact.entity';

export const REPORTS_ENTITIES: Array<new () => object> = [ReportFact, ReportSubject];
/** One projection per programme module: each rebuilds on its own. */
export const REPORTS_PROJECTIONS: Projection[] = REPORT_MODULES.map(factProjection);
export const REPORTS_MIGRATIONS: MigrationSet = {
  schema: 'reports',
  migrations: [
    CreateReportFacts1765000000000,
    LeanFactsIndex1765100000000,
    CoveringFactsIndex1765200000000,
    SubjectCells1768100000000,
    NoIndexOfPersons1768200000000,
  ],
};
/** The older shapes of the integration events the modules read, upcast to the current ones. */
export const REPORTS_UPCASTERS = [
  ...PROTECTION_UPCASTERS,
  ...NETWORKS_UPCASTERS,
  ...EMPOWERMENT_UPCASTERS,
] as readonly Upcaster[];
