import {
  COUNTRIES,
  COUNTRY_CODES,
  SEXES,
  type Country,
  type CountryCode,
  type Sex,
} from '@haven/vocabulary';

// Countries and sexes are the alliance's shared words (@haven/vocabulary): one list, so
// that both subgraphs declare the same enums.
export { COUNTRIES, COUNTRY_CODES, SEXES, type Country, type CountryCode, type Sex };

// The words of networks' integration events are its contracts'.
export {
  PARTICIPANT_ROLES,
  PREVENTION_ACTIVITY_KINDS,
  PREVENTION_TOPICS,
  WATCHDOG_KINDS,
  WATCHDOG_KINDS_ABROAD,
  type ParticipantRole,
  type PreventionActivityKind,
  type PreventionTopic,
  type WatchdogKind,
} from '@haven/networks/contracts';

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
