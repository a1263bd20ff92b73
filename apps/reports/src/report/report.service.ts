import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessLog, type PrivacyQueryable } from '@haven/platform/privacy';
import type { Principal } from '@haven/platform/security';
import {
  checkReportRequest,
  DEFAULT_REPORT_K,
  EXACT_REPORT_ROLES,
  ReportCountryOutOfScope,
  ReportNotAllowed,
  SUPPRESSED_REPORT_ROLES,
  suppressSmallCells,
} from '@haven/reports/domain';
import {
  computeReport,
  REPORT_MODULES,
  type FigureTable,
  type Query,
} from '@haven/reports/read-models';
import type { Country } from '@haven/vocabulary';
import type { ProgrammeReport, ReportLine } from './report.types';

/** Work memory for one figure's query (ADR 19). */
export const REPORT_WORK_MEM = '64MB';

/** k from HAVEN_REPORT_K (a whole number ≥ 2), else 11. */
export function reportK(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.HAVEN_REPORT_K);
  return Number.isInteger(value) && value >= 2 ? value : DEFAULT_REPORT_K;
}

/**
 * Runs a report: checks the request and the caller's scope, computes every figure from the fact
 * tables, suppresses small cells for aggregate-only roles, and writes the run to the access log
 * before handing the figures out.
 */
@Injectable()
export class ReportService {
  private readonly accessLog: AccessLog;
  private readonly query: Query;

  constructor(@Inject(DataSource) dataSource: DataSource) {
    // Each figure groups up to a year's facts in hash tables: with PostgreSQL's default 4 MB of
    // work memory the larger ones spill to disk. The figures run side by side over the pool, which
    // already keeps the cores busy, so a figure starts no parallel workers of its own: on two
    // cores they cost a third of the report's time (ADR 19). Both settings are local to the
    // figure's transaction.
    this.query = (sql, parameters) =>
      dataSource.transaction(async (manager) => {
        await manager.query(
          `SET LOCAL work_mem = '${REPORT_WORK_MEM}'; SET LOCAL max_parallel_workers_per_gather = 0`,
        );
        return manager.query(sql, parameters);
      });
    this.accessLog = new AccessLog({
      query: (sql: string, parameters: unknown[]) => dataSource.query(sql, parameters),
    } as unknown as PrivacyQueryable);
  }

  async run(
    principal: Principal,
    input: { year: number; countries?: string[] | null; asOf?: Date | null },
    requestId: string | null,
  ): Promise<ProgrammeReport> {
    const exact = (EXACT_REPORT_ROLES as readonly string[]).includes(principal.role);
    if (!exact && !(SUPPRESSED_REPORT_ROLES as readonly string[]).includes(principal.role)) {
      throw new ReportNotAllowed();
    }
    const scoped = principal.role === 'country_manager' && principal.countries !== 'all';
    const mine = scoped ? (principal.countries as readonly string[]) : null;
    const request = checkReportRequest(
      { ...input, countries: input.countries?.length ? input.countries : mine },
      new Date(),
    );
    if (mine && request.countries.some((country) => !mine.includes(country))) {
      throw new ReportCountryOutOfScope();
    }
    const tables = await computeReport(this.query, REPORT_MODULES, request);
    await this.accessLog.record([
      {
        actorId: principal.subject,
        role: principal.role,
        organisationId: principal.organisationId,
        recordType: 'ProgrammeReport',
        recordId: `${request.year}:${request.countries.join(',')}:${request.asOf.toISOString()}`,
        fields: ['programmeReport'],
        purpose: null,
        breakGlass: false,
        requestId,
      },
    ]);
    const k = reportK();
    return {
      year: request.year,
      countries: request.countries as Country[],
      asOf: request.asOf,
      suppressed: !exact,
      k: exact ? null : k,
      programmes: REPORT_MODULES.map((module) => module.programme),
      lines: tables.flatMap((table) => linesOf(table, request.countries, exact ? null : k)),
    };
  }
}

function linesOf(table: FigureTable, countries: readonly string[], k: number | null): ReportLine[] {
  // Averages, minima and maxima are not additive and may single out one person: exact roles only.
  const withheld = ['average', 'minimum', 'maximum'].includes(table.measure);
  const lines =
    k === null
      ? table.rows
      : withheld
        ? table.rows.map((row) => ({
            ...row,
            byCountry: Object.fromEntries(countries.map((country) => [country, null])),
            total: null,
          }))
        : suppressSmallCells(table.rows, countries, k);
  return lines.map((line) => ({
    programme: table.programme,
    figure: table.name,
    measure: table.measure,
    breakdown: line.breakdown,
    key: line.key,
    values: countries.map((country) => line.byCountry[country]),
    total: line.total,
  }));
}
