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
 * Who works protection cases (opens them, records rescues, identifications, placements, returns,
 * notes, closes and reopens them): protection staff, each in the countries of their token (the
 * case's country), admins everywhere.
 */
export const CASE_WORKER_ROLES: readonly Role[] = [
  'admin',
  'country_manager',
  'protection_officer',
];

/**
 * Who reads cases, their victims, operations and timelines: the case workers; empowerment and
 * legal officers, read-only, since they take the victims over after protection; auditors, in
 * every country, for review. Never partners or watchdogs (a case names victims and places), nor
 * relief or network coordinators and analysts, who have no casework on it.
 */
export const CASE_READER_ROLES: readonly Role[] = [
  ...CASE_WORKER_ROLES,
  'empowerment_officer',
  'legal_officer',
  'auditor',
];

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
  /** Every case mutation. */
  workCases: allow(CASE_WORKER_ROLES),
  /** Case queries and fields, and the timelines of cases and beneficiaries. */
  readCases: allow(CASE_READER_ROLES),
  /**
   * Investigation notes and the guardian or shelter contact in clear: free text about persons,
   * for the case workers alone (not auditors or the read-only officers); every read is logged.
   */
  readCasePersonalData: allow(CASE_WORKER_ROLES, { personal: true }),
} as const;
