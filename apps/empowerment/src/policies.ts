import { allow, type Role } from '@haven/platform/security';

/**
 * Who works enrolments (enrols, records services, follow-ups, grants, training, notes, closes):
 * empowerment officers and country managers in the countries of their token, admins everywhere.
 */
export const ENROLMENT_WORKER_ROLES: readonly Role[] = [
  'admin',
  'country_manager',
  'empowerment_officer',
];

/**
 * Who reads enrolments and what each person received: the workers, and protection officers
 * (read-only: they placed the person and keep the case). Never partners, watchdogs or analysts.
 */
export const ENROLMENT_READER_ROLES: readonly Role[] = [
  ...ENROLMENT_WORKER_ROLES,
  'protection_officer',
];

/**
 * Who may do what in empowerment. Each resolver names its policy from here; the record's scope
 * (its country) is checked against the folded stream by the command, and by the queries.
 */
export const EmpowermentPolicy = {
  /** Every mutation. */
  work: allow(ENROLMENT_WORKER_ROLES),
  /** Enrolments, services, work lists, `Beneficiary.empowerment`. */
  read: allow(ENROLMENT_READER_ROLES),
  /** Counselling notes and family situations in clear: the workers alone; every read logged. */
  readNotes: allow(ENROLMENT_WORKER_ROLES, { personal: true }),
  /** A mutation's payload: whoever may make the mutation may read its plain fields. */
  payload: allow('any'),
} as const;
