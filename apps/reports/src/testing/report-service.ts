// The report service on its own, for its specs: events appended to the log as the programmes
// append them, and the report's lines read back through its GraphQL API.
import { ServiceDatabase } from '@haven/platform/nest';
import { startTestService, type TestService } from '@haven/platform/nest/testing';
import { REPORTS_MIGRATIONS } from '@haven/reports/read-models';
import { AppModule } from '../app.module';

export type ReportLine = {
  programme: string;
  figure: string;
  breakdown: string | null;
  key: string | null;
  total: number | null;
};

export interface ReportService {
  service: TestService;
  database: ServiceDatabase;
  /** Appends one event with expected version 'any'; returns its global position. */
  append(
    streamId: string,
    type: string,
    data: Record<string, unknown>,
    schemaVersion?: number,
  ): Promise<number>;
  /** Waits until the report's projections have applied the log up to `position`. */
  caughtUp(position: number): Promise<void>;
  /** The report's lines for a year and countries, as an admin reads them. */
  lines(year: number, countries: readonly string[]): Promise<ReportLine[]>;
  close(): Promise<void>;
}

export async function startReportService(metadata: {
  actorId: string;
  role: string;
  correlationId: string;
  occurredAt: string;
}): Promise<ReportService> {
  const service = await startTestService(AppModule, { migrations: [REPORTS_MIGRATIONS] });
  const database = service.app.get(ServiceDatabase);
  const recordedWith = { ...metadata, organisationId: null, causationId: null };
  return {
    service,
    database,
    async append(streamId, type, data, schemaVersion = 1) {
      const result = await database.eventStore.append(
        streamId,
        [{ type, data, schemaVersion, metadata: recordedWith } as never],
        'any',
      );
      return result.globalPositions[0];
    },
    caughtUp: (position) => database.waitForProjections(position, 20_000),
    async lines(year, countries) {
      const response = await service.graphql<{ programmeReport: { lines: ReportLine[] } }>(
        `query ($year: Int!, $countries: [Country!]) {
          programmeReport(year: $year, countries: $countries) {
            lines { programme figure breakdown key total }
          }
        }`,
        { year, countries },
      );
      expect(response.body.errors).toBeUndefined();
      return response.body.data!.programmeReport.lines;
    },
    close: () => service.close(),
  };
}

/** A line's total: the figure's total, or one breakdown key's. */
export function totalOf(
  lines: readonly ReportLine[],
  programme: string,
  figure: string,
  key: string | null = null,
): number | null | undefined {
  return lines.find(
    (line) => line.programme === programme && line.figure === figure && line.key === key,
  )?.total;
}
