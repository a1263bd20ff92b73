import { allow, NETWORK_MEMBER_ROLES, type Role } from '@haven/platform/security';

/** Staff who run the networks: each in the countries of their token (admins everywhere). */
export const NETWORK_MANAGER_ROLES: readonly Role[] = [
  'admin',
  'country_manager',
  'network_coordinator',
];

/**
 * Who may do what in networks. Each resolver names its policy from here; the record's scope is
 * checked by the resolver or handler that loads it:
 *
 * - A notification is in a country role's scope when its country is in the token's countries.
 *   A notification abroad has the country OTHER: it is reached by admins and auditors, and by
 *   the country roles whose token names OTHER (those who work with the partners abroad), as for
 *   protection's beneficiaries registered abroad. Staff submit only in their own countries.
 * - A partner reaches the notifications its own organisation submitted, whatever their country.
 * - A networks member (watchdog, women's group, agent of change) reaches none: it submits
 *   anywhere, as its own record (its token's subject), and sees the status of its own
 *   submissions only, through `myCaseNotifications`.
 * - Members and prevention activities are in scope by their country, like notifications.
 */
export const NetworksPolicy = {
  /** Register members, record activities, validate, reject, mark duplicates, refer. */
  manage: allow(NETWORK_MANAGER_ROLES),
  /** Members and prevention activities: managers, and auditors (all countries). */
  readNetworks: allow([...NETWORK_MANAGER_ROLES, 'auditor']),
  /** Whoever spots a case: staff in their countries, members and partners anywhere. */
  submitNotification: allow([...NETWORK_MANAGER_ROLES, ...NETWORK_MEMBER_ROLES, 'partner']),
  /**
   * Whole notifications: managers, protection officers (their countries), auditors, and a
   * partner for its organisation's own. Never a watchdog.
   */
  readNotifications: allow([...NETWORK_MANAGER_ROLES, 'protection_officer', 'auditor', 'partner']),
  /** The status of one's own submissions: whoever may submit. */
  readOwnSubmissions: allow([...NETWORK_MANAGER_ROLES, ...NETWORK_MEMBER_ROLES, 'partner']),
  /** A mutation's payload: whoever may make the mutation may read its plain fields. */
  payload: allow('any'),
} as const;
