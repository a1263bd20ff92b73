import { allow } from '@haven/platform/security';
import { EXACT_REPORT_ROLES, SUPPRESSED_REPORT_ROLES } from '@haven/reports/domain';

/** Who may do what in reports: each resolver names its policy from here. */
export const ReportsPolicy = {
  /** A mutation's payload: whoever may make the mutation may read its plain fields. */
  payload: allow('any'),
  /**
   * The programme report: exact for admins, country managers (their countries) and auditors;
   * with small cells suppressed for analysts and partners (ADR 19). Nobody else.
   */
  readReport: allow([...EXACT_REPORT_ROLES, ...SUPPRESSED_REPORT_ROLES]),
} as const;
