// Reports's read models, registered in one place: the app's DataSource takes the entities, its
// runners the projections, and tools/migrate.ts the migrations.
import type { MigrationSet } from '@haven/platform/database';
import type { Projection } from '@haven/platform/projections';
import { factProjection } from './fact-projection';
import { CreateReportFacts1765000000000 } from './migrations/1765000000000-create-report-facts';
import { REPORT_MODULES } from './modules';
import { ReportFact, ReportSubject } from './report-fact.entity';

export * from './programme-module';
export * from './report-query';
export { factProjection } from './fact-projection';
export { REPORT_MODULES } from './modules';
export { ReportFact, ReportSubject } from './report-fact.entity';

export const REPORTS_ENTITIES: Array<new () => object> = [ReportFact, ReportSubject];
/** One projection per programme module: each rebuilds on its own. */
export const REPORTS_PROJECTIONS: Projection[] = REPORT_MODULES.map(factProjection);
export const REPORTS_MIGRATIONS: MigrationSet = {
  schema: 'reports',
  migrations: [CreateReportFacts1765000000000],
};
