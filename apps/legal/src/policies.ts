import { allow, type Role } from '@haven/platform/security';

/**
 * Who works legal cases: legal officers in the countries of their token (the case's country),
 * country managers there, admins everywhere. Protection staff, partners (law firms included,
 * until referrals share cases with them by consent), watchdogs, analysts: nothing.
 */
export const LEGAL_CASE_WORKER_ROLES: readonly Role[] = [
  'admin',
  'country_manager',
  'legal_officer',
];

/** Who reads legal cases: the workers, and auditors for review. */
export const LEGAL_CASE_READER_ROLES: readonly Role[] = [...LEGAL_CASE_WORKER_ROLES, 'auditor'];

export const LegalPolicy = {
  workCases: allow(LEGAL_CASE_WORKER_ROLES),
  readCases: allow(LEGAL_CASE_READER_ROLES),
  /**
   * An offender's names, aliases and notes: legal officers and admins only, each read written to
   * the access log before the values leave the service.
   */
  readOffenderIdentity: allow(['admin', 'legal_officer'], { personal: true }),
  /** Erasing an offender's identity: admins only, as protection erases a beneficiary's data. */
  eraseOffenderIdentity: allow(['admin']),
} as const;
