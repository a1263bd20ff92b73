/**
 * What other services may rely on about networks' register of watchdogs: the stream naming, the
 * kinds, and the registration event on the log (the annual report counts watchdogs active and
 * new from it). Changing the shape means a new schema version and an upcaster, never an edit in
 * place. No personal data: a watchdog is its kind, its place and its dates, never a name.
 */
import type { Country } from '@haven/vocabulary';

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
] as const;
export type WatchdogKind = (typeof WATCHDOG_KINDS)[number];

/** A watchdog joined the network (schema version 1). */
export type WatchdogRegistered = {
  type: 'WatchdogRegistered';
  data: {
    watchdogId: string;
    kind: WatchdogKind;
    /** The country whose network it belongs to (a volunteer abroad: their home country's). */
    country: Country;
    /** Free text naming a place, when known. */
    province: string | null;
    /** YYYY-MM-DD. */
    joinedOn: string;
    /** Trained to spot and notify cases. */
    trained: boolean;
    /** ISO 8601 instant. */
    registeredAt: string;
  };
};

export const WATCHDOG_EVENT_TYPES: readonly WatchdogRegistered['type'][] = ['WatchdogRegistered'];
