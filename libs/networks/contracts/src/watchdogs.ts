/**
 * What other services may rely on about networks' register of watchdogs: the stream naming, the
 * kinds, and the registration event on the log (the annual report counts watchdogs active and
 * new from it). Changing the shape means a new schema version and an upcaster, never an edit in
 * place. No personal data: a watchdog is its kind, its place and its dates, never a name.
 */
import { COUNTRY_CODES, type Country, type CountryCode } from '@haven/vocabulary';

/** Stream category of a watchdog: `watchdog-<uuid>`. */
export const WATCHDOG_CATEGORY = 'watchdog';

export function watchdogStreamId(watchdogId: string): string {
  return `${WATCHDOG_CATEGORY}-${watchdogId}`;
}

export const WATCHDOG_KINDS = [
  'INDIVIDUAL',
  'COMMUNITY_GROUP',
  'CSO',
  'GOVERNMENT_AGENCY',
  'VOLUNTEER_ABROAD',
  /** An organisation abroad (an NGO in Belgium, say) that passes on cases of the network's nationals. */
  'ORGANISATION_ABROAD',
] as const;
export type WatchdogKind = (typeof WATCHDOG_KINDS)[number];

/** The kinds that live outside their network's country by definition. */
export const WATCHDOG_KINDS_ABROAD: readonly WatchdogKind[] = [
  'VOLUNTEER_ABROAD',
  'ORGANISATION_ABROAD',
];

/**
 * Where a watchdog lives when no one said: its network's country, or unknown (null) for a kind
 * that lives abroad, or a network that is no country (OTHER). Registrations and version 1 events
 * read the same way.
 */
export function defaultResidence(kind: WatchdogKind, network: Country): CountryCode | null {
  if (WATCHDOG_KINDS_ABROAD.includes(kind)) return null;
  return (COUNTRY_CODES as readonly string[]).includes(network) ? (network as CountryCode) : null;
}

/**
 * A watchdog joined the network (schema version 2). Version 2 added `livesIn`; version 1 events
 * are read through `NETWORKS_UPCASTERS`.
 */
export type WatchdogRegistered = {
  type: 'WatchdogRegistered';
  schemaVersion?: 2;
  data: {
    watchdogId: string;
    kind: WatchdogKind;
    /** The country whose network it belongs to (a volunteer abroad: their home country's). */
    country: Country;
    /** Free text naming a place, when known. */
    province: string | null;
    /**
     * The country it lives or works in (ISO 3166-1): its network's own for most, another for a
     * volunteer abroad or a community across a border; null when not known.
     */
    livesIn: CountryCode | null;
    /** YYYY-MM-DD. */
    joinedOn: string;
    /** Trained to spot and notify cases. */
    trained: boolean;
    /** ISO 8601 instant. */
    registeredAt: string;
  };
};

export const WATCHDOG_EVENT_TYPES: readonly WatchdogRegistered['type'][] = ['WatchdogRegistered'];
