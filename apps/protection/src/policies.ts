import {
  allow,
  CASEWORK_ROLES,
  PERSONAL_DATA_ROLES,
  RECORD_READER_ROLES,
  type Role,
} from '@haven/platform/security';

/**
 * Casework staff who may ask to break the glass: not admins, who already reach everything, and
 * not partners, watchdogs, auditors or analysts, who never work a case outside their own.
 */
export const BREAK_GLASS_ROLES: readonly Role[] = CASEWORK_ROLES.filter((role) => role !== 'admin');

/**
 * Who may do what in protection. Each resolver names its policy from here; the record's scope
 * (country, or a partner's organisation) is checked by the resolver itself.
 */
export const ProtectionPolicy = {
  /** Staff who open and work cases register beneficiaries; so may a partner, for its own. */
  registerBeneficiary: allow(['admin', 'country_manager', 'protection_officer', 'partner']),
  /** Reading records (never their personal fields): casework staff, partners, auditors. */
  readBeneficiaries: allow(RECORD_READER_ROLES),
  casework: allow(CASEWORK_ROLES),
  /** Names, birth dates, contacts: only those who work with the person; every read is logged. */
  readPersonalData: allow(PERSONAL_DATA_ROLES, { personal: true }),
  /** Who read what: reviewed by admins and auditors. */
  reviewAccessLog: allow(['admin', 'auditor']),
  /** Erasure takes two admins (one requests, another confirms). */
  eraseBeneficiary: allow(['admin']),
  requestBreakGlass: allow(BREAK_GLASS_ROLES),
  /** Grants are reviewed by admins, auditors, and country managers for their own countries. */
  reviewBreakGlass: allow(['admin', 'auditor', 'country_manager']),
} as const;
