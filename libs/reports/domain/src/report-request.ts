import { COUNTRIES } from '@haven/vocabulary';
import { domainError, InvalidValue } from '@haven/platform/domain';

/** The first year the alliance's records cover. */
export const FIRST_REPORT_YEAR = 1990;

/** k of small-cell suppression when HAVEN_REPORT_K is not set, as CTDC publishes its data. */
export const DEFAULT_REPORT_K = 11;

export const ReportNotAllowed = domainError(
  'forbidden',
  'REPORT_NOT_ALLOWED',
  'Your role may not see the programme report.',
);

export const ReportCountryOutOfScope = domainError(
  'forbidden',
  'OUT_OF_SCOPE',
  'You may see the report only for your own countries.',
);

/** Roles that see exact figures, and roles that see aggregates with small cells suppressed. */
export const EXACT_REPORT_ROLES = ['admin', 'country_manager', 'auditor'] as const;
export const SUPPRESSED_REPORT_ROLES = ['analyst', 'partner'] as const;

/**
 * A report request checked: a year from 1990 to next year, known countries of operation (all of
 * them by default), and an `asOf` not in the future (now by default). `now` is the request's time.
 */
export function checkReportRequest(
  input: { year: number; countries?: readonly string[] | null; asOf?: Date | null },
  now: Date,
): { year: number; countries: string[]; asOf: Date } {
  const nextYear = now.getUTCFullYear() + 1;
  if (!Number.isInteger(input.year) || input.year < FIRST_REPORT_YEAR || input.year > nextYear) {
    throw new InvalidValue('year', `must be a year from ${FIRST_REPORT_YEAR} to ${nextYear}`);
  }
  const countries = input.countries?.length ? [...new Set(input.countries)] : [...COUNTRIES];
  for (const country of countries) {
    if (!(COUNTRIES as readonly string[]).includes(country)) {
      throw new InvalidValue(
        'countries',
        `must be countries of operation (${COUNTRIES.join(', ')})`,
      );
    }
  }
  const asOf = input.asOf ?? now;
  if (Number.isNaN(asOf.getTime())) throw new InvalidValue('asOf', 'must be an ISO 8601 instant');
  if (asOf.getTime() > now.getTime()) throw new InvalidValue('asOf', 'must not be in the future');
  return {
    year: input.year,
    countries: COUNTRIES.filter((country) => countries.includes(country)),
    asOf,
  };
}
