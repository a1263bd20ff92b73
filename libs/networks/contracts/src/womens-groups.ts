/**
 * What other services may rely on about networks' register of women's groups: the stream naming
 * and the registration event on the log (the annual report counts the groups active and new).
 * Changing the shape means a new schema version and an upcaster, never an edit in place. No
 * personal data: a group is its place, its dates and how many members it has.
 */
import type { Country } from '@haven/vocabulary';

/** Stream category of a women's group: `womensgroup-<uuid>`. */
export const WOMENS_GROUP_CATEGORY = 'womensgroup';

export function womensGroupStreamId(womensGroupId: string): string {
  return `${WOMENS_GROUP_CATEGORY}-${womensGroupId}`;
}

/** Former victims and women at risk who report cases, not trained yet (schema version 1). */
export type WomensGroupRegistered = {
  type: 'WomensGroupRegistered';
  data: {
    womensGroupId: string;
    country: Country;
    province: string | null;
    /** YYYY-MM-DD. */
    joinedOn: string;
    /** How many members, when known. */
    memberCount: number | null;
    registeredAt: string;
  };
};

export const WOMENS_GROUP_EVENT_TYPES: readonly WomensGroupRegistered['type'][] = [
  'WomensGroupRegistered',
];
