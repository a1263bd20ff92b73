import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { principalOf, type GraphQLContext } from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import { ReportsPolicy } from '../policies';
import { ReportService } from './report.service';
import { ProgrammeReport, ProgrammeReportArgs } from './report.types';

@Resolver(() => ProgrammeReport)
export class ReportResolver {
  constructor(@Inject(ReportService) private readonly reports: ReportService) {}

  @Policy(ReportsPolicy.readReport)
  @Query(() => ProgrammeReport, {
    description:
      'Every figure of the annual report for a year, per country of operation and in total, ' +
      'counted by the day each fact occurred. Analysts and partners see cells below k suppressed.',
  })
  programmeReport(
    @Args() args: ProgrammeReportArgs,
    @Context() context: GraphQLContext,
  ): Promise<ProgrammeReport> {
    const requestId = context.req?.headers?.['x-request-id'];
    return this.reports.run(
      principalOf(context),
      { year: args.year, countries: args.countries, asOf: args.asOf },
      typeof requestId === 'string' ? requestId : null,
    );
  }
}
