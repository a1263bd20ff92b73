// Empowerment's own words, for other services and reports: where a person is supported, what
// they receive, and how an enrolment ends.

/** A shelter (rehabilitation) or the person's own community (reintegration). */
export const SETTING_KINDS = ['SHELTER', 'COMMUNITY'] as const;
export type SettingKind = (typeof SETTING_KINDS)[number];

export const CLOSURE_REASONS = [
  'GOALS_REACHED',
  'MOVED_AWAY',
  'DECLINED',
  'LOST_CONTACT',
  'DIED',
  'REFERRED_TO_PARTNER',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** Goals chosen with the beneficiary for their reintegration plan. */
export const PLAN_GOALS = [
  'SAFE_HOUSING',
  'EDUCATION',
  'VOCATIONAL_TRAINING',
  'EMPLOYMENT',
  'OWN_BUSINESS',
  'FAMILY_REUNIFICATION',
  'HEALTH',
  'WELLBEING',
  'AGENT_OF_CHANGE',
] as const;
export type PlanGoal = (typeof PLAN_GOALS)[number];

export const FOLLOW_UP_RHYTHMS = ['WEEKLY', 'FORTNIGHTLY', 'MONTHLY', 'QUARTERLY'] as const;
export type FollowUpRhythm = (typeof FOLLOW_UP_RHYTHMS)[number];

/**
 * Services an enrolment records (follow-ups, grants and agent-of-change training have events of
 * their own).
 */
export const SERVICE_KINDS = [
  'REHABILITATION',
  'INTENSIVE_REHABILITATION',
  'COUNSELLING',
  'FAMILY_ENGAGEMENT',
  'CAREER_ORIENTATION',
  'JOB_PLACEMENT',
  'CAREER_STARTED',
  'TUITION_FEES',
  'LIVING_ALLOWANCE',
  'HEALTH_CHECK',
  'SAFE_ACCOMMODATION',
  /** A course toward a trade (a sewing school): names the institution, and the period if known. */
  'VOCATIONAL_TRAINING',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** How a service was given; which modes a kind takes is the domain's rule. */
export const SERVICE_MODES = [
  'GROUP',
  'INDIVIDUAL',
  'WITH_PSYCHOLOGIST',
  'FAMILY_VISIT',
  'FAMILY_COUNSELLING',
] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

/** The kind of a rehabilitation activity. */
export const REHABILITATION_ACTIVITIES = [
  'RECREATIONAL',
  'ART_THERAPY',
  'SELF_REFLECTION_WRITING',
  'FUTURE_PLANNING',
  'OTHER',
] as const;
export type RehabilitationActivity = (typeof REHABILITATION_ACTIVITIES)[number];

export const SERVICE_OUTCOMES = ['COMPLETED', 'PARTLY_COMPLETED', 'NOT_COMPLETED'] as const;
export type ServiceOutcome = (typeof SERVICE_OUTCOMES)[number];

export const FOLLOW_UP_CHANNELS = ['IN_PERSON', 'PHONE', 'ONLINE'] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];

export const GRANT_PURPOSES = [
  'SMALL_BUSINESS',
  'LIVESTOCK',
  'AGRICULTURE',
  'TOOLS_AND_EQUIPMENT',
  'EDUCATION',
  'OTHER',
] as const;
export type GrantPurpose = (typeof GRANT_PURPOSES)[number];
