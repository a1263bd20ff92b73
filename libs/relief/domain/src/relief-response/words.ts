/** A family's income project. */
export const MICRO_PROJECT_KINDS = [
  'SMALL_SHOP',
  'FOOD_VENDING',
  'LIVESTOCK',
  'AGRICULTURE',
  'HANDICRAFT',
  'ONLINE_SALES',
  'OTHER',
] as const;
export type MicroProjectKind = (typeof MICRO_PROJECT_KINDS)[number];

/** How a micro-project stood at a follow-up. */
export const FOLLOW_UP_STATUSES = ['RUNNING', 'STRUGGLING', 'STOPPED'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** Longest free line (a response name, a funder, a district). */
export const MAX_LINE = 200;
/** More than this in one household or one count is a typing error. */
export const MAX_COUNT = 10_000;
