import { allow, type Role } from '@haven/platform/security';

/** Staff who run relief responses, each in the countries of their token (admins everywhere). */
export const RELIEF_COORDINATOR_ROLES: readonly Role[] = [
  'admin',
  'country_manager',
  'relief_coordinator',
];

/**
 * Who may do what in relief. The record's scope (the response's country) is checked against the
 * folded stream by each command's `authorise`, and by the queries' filters:
 *
 * - Coordinators open and work the responses of their countries, link recipients, turn
 *   detections into case notifications, and read everything of their countries' responses.
 * - A field worker (an agent of change or a volunteer, country-scoped) records recipients,
 *   distributions, people at risk, migrated families and detections for its countries, and reads
 *   back only its own entries of the day.
 * - A relief recipient's alias is read by coordinators only, each read written to the access log
 *   first; auditors read entries, never an alias.
 * - Partners, watchdogs and analysts see nothing; auditors read.
 */
export const ReliefPolicy = {
  coordinate: allow(RELIEF_COORDINATOR_ROLES),
  recordInField: allow([...RELIEF_COORDINATOR_ROLES, 'field_worker']),
  read: allow([...RELIEF_COORDINATOR_ROLES, 'auditor']),
  /** Entries: readers, and a field worker for its own entries of the day. */
  readEntries: allow([...RELIEF_COORDINATOR_ROLES, 'auditor', 'field_worker']),
  /** A relief recipient's alias: coordinators of the response's country, through the access log. */
  readRecipientAlias: allow(RELIEF_COORDINATOR_ROLES),
  /** A mutation's payload: whoever may make the mutation may read its plain fields. */
  payload: allow('any'),
} as const;
