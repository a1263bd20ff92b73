// Shared by the programme report's specs (programme-report-*.int-spec.ts): the report service on
// its own database with a year of the programmes' events projected (programme-year-events.ts),
// the report read through its GraphQL API, and its figures' values.
import type { ServiceDatabase } from '@haven/platform/nest';
import type { TestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import {
  appendProgrammeYear,
  programmeYearIds,
  type ProgrammeYearIds,
} from './programme-year-events';
import { startReportService, type ReportService } from './report-service';

const REPORT = `query ($year: Int!, $countries: [Country!], $asOf: DateTime) {
  programmeReport(year: $year, countries: $countries, asOf: $asOf) {
    year countries suppressed k programmes
    lines { programme figure measure breakdown key values total }
  }
}`;

type Line = {
  programme: string;
  figure: string;
  breakdown: string | null;
  key: string | null;
  values: Array<number | null>;
  total: number | null;
};
export type Report = {
  year: number;
  countries: string[];
  suppressed: boolean;
  k: number | null;
  lines: Line[];
};

/** A figure of the report, with the country columns it was asked for. */
export function figure(data: Report, programme: string, name: string) {
  const lines = data.lines.filter((l) => l.programme === programme && l.figure === name);
  if (!lines.length) throw new Error(`no figure ${programme}.${name}`);
  return { countries: data.countries, lines };
}

/** A figure's value: its total, or one breakdown key's, in total or for one country. */
export function value(
  table: ReturnType<typeof figure>,
  key: string | null = null,
  country?: string,
): number | null {
  const line = table.lines.find((l) => l.key === key);
  if (!line) return 0;
  return country ? line.values[table.countries.indexOf(country)] : line.total;
}

export interface ProgrammeReportSpecHarness {
  /** The running service: read it inside tests and hooks, never at a file's top level. */
  readonly service: TestService;
  /** The service's database (event store, projections, data source): inside tests only. */
  readonly database: ServiceDatabase;
  /** The year's records (known at once: usable anywhere). */
  readonly ids: ProgrammeYearIds;
  /** Appends one more event, as the year's were appended; returns its global position. */
  append: ReportService['append'];
  /** Runs the programme report, as the test admin unless `as` names another principal. */
  report(
    variables: Record<string, unknown>,
    as?: Principal,
  ): Promise<{ data?: Report; errors?: Array<{ extensions?: Record<string, unknown> }> }>;
}

/**
 * Starts the report service on its own database before the file's tests, with the programme
 * year's events appended and projected, and closes it after them. Call it once, at the top level
 * of a spec file.
 */
export function useProgrammeReportService(): ProgrammeReportSpecHarness {
  const ids = programmeYearIds();
  let reports: ReportService | undefined;

  beforeAll(async () => {
    reports = await startReportService({
      actorId: 'officer-1',
      role: 'protection_officer',
      correlationId: 'report-spec',
      occurredAt: '2021-01-03T09:00:00.000Z',
    });
    await reports.caughtUp(await appendProgrammeYear(reports.append, ids));
  });

  afterAll(async () => {
    await reports?.close();
  });

  const started = () => {
    if (!reports) {
      throw new Error(
        'useProgrammeReportService: the service starts in beforeAll; use it in tests',
      );
    }
    return reports;
  };

  return {
    get service() {
      return started().service;
    },
    get database() {
      return started().database;
    },
    ids,
    append(streamId, type, data, schemaVersion) {
      return started().append(streamId, type, data, schemaVersion);
    },
    async report(variables, as) {
      const response = await started().service.graphql<{ programmeReport: Report }>(
        REPORT,
        variables,
        {},
        as ? { as } : {},
      );
      return { data: response.body.data?.programmeReport, errors: response.body.errors };
    },
  };
}
