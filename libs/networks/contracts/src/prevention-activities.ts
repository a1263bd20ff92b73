/**
 * What other services may rely on about networks' prevention activities (trainings and
 * campaigns): the stream naming, the vocabulary and the event on the log (the annual report
 * counts sessions, places, participants by sex and role, and campaign reach from it). Changing
 * the shape means a new schema version and an upcaster, never an edit in place. No personal
 * data: participants are counted by sex and role, never named.
 */
import type { Country, Sex } from '@haven/vocabulary';

/** Stream category of a prevention activity: `preventionactivity-<uuid>`. */
export const PREVENTION_ACTIVITY_CATEGORY = 'preventionactivity';

export function preventionActivityStreamId(activityId: string): string {
  return `${PREVENTION_ACTIVITY_CATEGORY}-${activityId}`;
}

export const PREVENTION_ACTIVITY_KINDS = [
  'TRAINING',
  'CAMPAIGN',
  /** A meeting of the network: with watchdogs at home or abroad, with partners. */
  'MEETING',
  /** A focus group an agent of change leads with peers at risk (in sex work, say). */
  'FOCUS_GROUP',
] as const;
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
  'LAWYERS',
  'WATCHDOGS',
  /** People at risk of exploitation, such as those in sex work: counted, never named. */
  'PEERS_AT_RISK',
  'OTHER',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** How many participants of one sex and one role took part: counts, never names. */
export type ParticipantCount = { sex: Sex; role: ParticipantRole; count: number };

/**
 * A training, a campaign, a meeting or a focus group took place (schema version 1). Either its
 * participants are counted by sex and role, or, for an online campaign, its reach (how many
 * people it reached) is given.
 */
export type PreventionActivityRecorded = {
  type: 'PreventionActivityRecorded';
  data: {
    activityId: string;
    kind: PreventionActivityKind;
    topic: PreventionTopic;
    /** The day it took place, YYYY-MM-DD. */
    date: string;
    country: Country;
    province: string | null;
    district: string | null;
    online: boolean;
    /** Sorted by role, then sex; null when the reach is given instead. */
    participants: ParticipantCount[] | null;
    reach: number | null;
    /**
     * How many schools or other institutions took part ("566 students and teachers from 6
     * schools"), when counted: a number, never their names. Absent in activities recorded
     * before it was asked: read as null.
     */
    institutions?: number | null;
    /** ISO 8601 instant. */
    recordedAt: string;
  };
};

export const PREVENTION_ACTIVITY_EVENT_TYPES: readonly PreventionActivityRecorded['type'][] = [
  'PreventionActivityRecorded',
];
