/**
 * Who is acting, as the gateway verified it: the roles of DOMAIN.md, and the countries and
 * organisation that scope what the role may reach.
 */
export const ROLES = [
  'admin',
  'country_manager',
  'protection_officer',
  'empowerment_officer',
  'legal_officer',
  'relief_coordinator',
  /** An agent of change or volunteer recording relief in the field (country-scoped). */
  'field_worker',
  'network_coordinator',
  'partner',
  'watchdog',
  /** A women's group of the networks, reporting cases: its token's subject is the group's id. */
  'womens_group',
  /** An agent of change (a former beneficiary) reporting cases: its subject is their networks id. */
  'agent_of_change',
  'auditor',
  'analyst',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles whose records are limited to the countries in their token. */
export const COUNTRY_SCOPED_ROLES: ReadonlySet<Role> = new Set<Role>([
  'country_manager',
  'protection_officer',
  'empowerment_officer',
  'legal_officer',
  'relief_coordinator',
  'field_worker',
  'network_coordinator',
]);

/**
 * The networks' members who report cases, each with a token of its own: its subject is the id of
 * the member's record in networks' register, so that it submits as that record and no other.
 * They reach no record (see inScope): they see the status of their own submissions only.
 */
export const NETWORK_MEMBER_ROLES: readonly Role[] = [
  'watchdog',
  'womens_group',
  'agent_of_change',
];

export interface Principal {
  /** The token's subject: a stable user id, never a name. */
  subject: string;
  role: Role;
  /** ISO country codes the role works in; `all` for admin, auditor and analyst. */
  countries: readonly string[] | 'all';
  /** The organisation a partner (or a watchdog group) belongs to. */
  organisationId: string | null;
}

/** Why a set of claims is not an identity Haven accepts (a message with no claim values). */
export class InvalidIdentityError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'InvalidIdentityError';
  }
}

const COUNTRY = /^[A-Z]{2}$|^OTHER$/;
const PLAIN_ID = /^[A-Za-z0-9._:@|-]{1,200}$/;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * The principal named by token claims: `sub`, `role`, `countries` (ISO codes) and `org`. Refuses
 * claims that would make the scope ambiguous: a country role without countries, a partner
 * without an organisation.
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const { sub, role, countries, org } = claims;
  if (typeof sub !== 'string' || !PLAIN_ID.test(sub)) {
    throw new InvalidIdentityError('The token has no usable subject (sub).');
  }
  if (!isRole(role)) throw new InvalidIdentityError('The token names no Haven role.');
  const organisationId =
    typeof org === 'string' && PLAIN_ID.test(org) ? org : org == null ? null : undefined;
  if (organisationId === undefined) {
    throw new InvalidIdentityError('The token has a malformed organisation (org).');
  }
  if (role === 'partner' && !organisationId) {
    throw new InvalidIdentityError('A partner token must name its organisation (org).');
  }
  if (role === 'admin' || role === 'auditor' || role === 'analyst') {
    return { subject: sub, role, countries: 'all', organisationId };
  }
  const list = countries ?? [];
  if (
    !Array.isArray(list) ||
    !list.every((code) => typeof code === 'string' && COUNTRY.test(code))
  ) {
    throw new InvalidIdentityError('The token has malformed countries.');
  }
  if (COUNTRY_SCOPED_ROLES.has(role) && list.length === 0) {
    throw new InvalidIdentityError(`A ${role} token must name the countries it works in.`);
  }
  return {
    subject: sub,
    role,
    countries: Object.freeze([...new Set(list as string[])]),
    organisationId,
  };
}

/** The claims that carry a principal (the inverse of principalFromClaims). */
export function claimsOf(principal: Principal): Record<string, unknown> {
  return {
    sub: principal.subject,
    role: principal.role,
    countries: principal.countries === 'all' ? undefined : [...principal.countries],
    org: principal.organisationId ?? undefined,
  };
}

/** The record a scope is checked against: where it is, and which organisation holds it. */
export interface ScopedRecord {
  country: string;
  organisationId?: string | null;
}

/**
 * Whether a principal's scope reaches a record: admins, auditors and analysts everywhere; country
 * roles in their countries; a partner only its own organisation's records; a networks member
 * (watchdog, women's group, agent of change) none.
 * Which fields of the record a role may read is the fields' policies' business.
 */
export function inScope(principal: Principal, record: ScopedRecord): boolean {
  if (principal.countries === 'all') return true;
  if (NETWORK_MEMBER_ROLES.includes(principal.role)) return false;
  if (principal.role === 'partner') {
    return !!record.organisationId && record.organisationId === principal.organisationId;
  }
  return principal.countries.includes(record.country);
}

/** The countries a list query may return for a principal: `all`, or a (possibly empty) list. */
export function countriesInScope(principal: Principal): readonly string[] | 'all' {
  if (NETWORK_MEMBER_ROLES.includes(principal.role) || principal.role === 'partner') return [];
  return principal.countries;
}

/** Staff who work on cases, each in their own countries. */
export const CASEWORK_ROLES: readonly Role[] = [
  'admin',
  'country_manager',
  'protection_officer',
  'empowerment_officer',
  'legal_officer',
  'relief_coordinator',
  'network_coordinator',
];

/** Who may read a beneficiary's record (not its personal fields): casework, partners, auditors. */
export const RECORD_READER_ROLES: readonly Role[] = [...CASEWORK_ROLES, 'partner', 'auditor'];

/** Who may read personal fields (names, birth dates, contact…): those who work with the person. */
export const PERSONAL_DATA_ROLES: readonly Role[] = [
  'admin',
  'country_manager',
  'protection_officer',
  'empowerment_officer',
  'legal_officer',
];
