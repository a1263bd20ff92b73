import { COUNTRIES, SEXES, type Country, type Sex } from '@haven/vocabulary';

// Countries and sexes are the alliance's shared words (@haven/vocabulary): one list, so
// that both subgraphs declare the same enums.
export { COUNTRIES, SEXES, type Country, type Sex };

export const WATCHDOG_KINDS = [
  'INDIVIDUAL',
  'COMMUNITY_GROUP',
  'CSO',
  'GOVERNMENT_AGENCY',
  'VOLUNTEER_ABROAD',
] as const;
export type WatchdogKind = (typeof WATCHDOG_KINDS)[number];

export const PARTNER_ORGANISATION_KINDS = [
  'NGO',
  'LAW_FIRM',
  'EMBASSY',
  'POLICE',
  'PROSECUTOR',
  'SHELTER',
  'GOVERNMENT_AGENCY',
  'INTERNATIONAL_AGENCY',
  'BUSINESS',
  'OTHER',
] as const;
export type PartnerOrganisationKind = (typeof PARTNER_ORGANISATION_KINDS)[number];

export const PREVENTION_ACTIVITY_KINDS = ['TRAINING', 'CAMPAIGN'] as const;
export type PreventionActivityKind = (typeof PREVENTION_ACTIVITY_KINDS)[number];

export const PREVENTION_TOPICS = [
  'HUMAN_TRAFFICKING',
  'SEXUAL_EXPLOITATION',
  'ONLINE_SEXUAL_EXPLOITATION',
  'SAFE_MIGRATION',
  'FORCED_MARRIAGE',
  'FORCED_SURROGACY',
  'CASE_NOTIFICATION',
  'OTHER',
] as const;
export type PreventionTopic = (typeof PREVENTION_TOPICS)[number];

export const PARTICIPANT_ROLES = [
  'STUDENTS',
  'TEACHERS',
  'VILLAGERS',
  'PARENTS',
  'OFFICIALS',
  'OTHER',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
