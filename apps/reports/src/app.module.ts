import { Module } from '@nestjs/common';
import { EMPOWERMENT_UPCASTERS } from '@haven/empowerment/contracts';
import type { Upcaster } from '@haven/platform/event-store';
import { HavenServiceModule } from '@haven/platform/nest';
import { PROTECTION_UPCASTERS } from '@haven/protection/contracts';
import { REPORTS_ENTITIES, REPORTS_PROJECTIONS } from '@haven/reports/read-models';
import { ReportResolver } from './report/report.resolver';
import { ReportService } from './report/report.service';

/**
 * Reports: the annual programme report, from every programme's integration events, projected
 * into its own fact tables. Its store reads protection's and empowerment's older event shapes as current ones.
 */
@Module({
  imports: [
    HavenServiceModule.forRoot({
      name: 'reports',
      database: {
        entities: REPORTS_ENTITIES,
        projections: REPORTS_PROJECTIONS,
        upcasters: [...PROTECTION_UPCASTERS, ...EMPOWERMENT_UPCASTERS] as readonly Upcaster[],
      },
    }),
  ],
  providers: [ReportService, ReportResolver],
})
export class AppModule {}
