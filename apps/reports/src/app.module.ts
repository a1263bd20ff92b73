import { Module } from '@nestjs/common';
import { HavenServiceModule } from '@haven/platform/nest';
import {
  REPORTS_ENTITIES,
  REPORTS_PROJECTIONS,
  REPORTS_UPCASTERS,
} from '@haven/reports/read-models';
import { ReportResolver } from './report/report.resolver';
import { ReportService } from './report/report.service';

/**
 * Reports: the annual programme report, from every programme's integration events, projected
 * into its own fact tables. Its store reads the programmes' older event shapes as current ones.
 */
@Module({
  imports: [
    HavenServiceModule.forRoot({
      name: 'reports',
      database: {
        entities: REPORTS_ENTITIES,
        projections: REPORTS_PROJECTIONS,
        upcasters: REPORTS_UPCASTERS,
      },
    }),
  ],
  providers: [ReportService, ReportResolver],
})
export class AppModule {}
