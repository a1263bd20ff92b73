import type { CommandMetadata } from '../command-metadata';
import { InvalidPreventionActivityData, PreventionActivityAlreadyRecorded } from '../errors';
import {
  count,
  isCalendarDate,
  isUuid,
  MAX_PLACE_LENGTH,
  occurredAt,
  oneOf,
  optionalLine,
  sameJson,
} from '../rules';
import {
  COUNTRIES,
  PARTICIPANT_ROLES,
  PREVENTION_ACTIVITY_KINDS,
  PREVENTION_TOPICS,
  SEXES,
  type Country,
  type ParticipantRole,
  type PreventionActivityKind,
  type PreventionTopic,
  type Sex,
} from '../vocabulary';

/** Stream category of a prevention activity (a training or a campaign): `preventionactivity-<uuid>`. */
export const PREVENTION_ACTIVITY_CATEGORY = 'preventionactivity';
export const preventionActivityStreamId = (id: string) => `${PREVENTION_ACTIVITY_CATEGORY}-${id}`;

/** The most people one line of participants or one campaign's reach may count. */
export const MAX_PARTICIPANTS = 100_000;
export const MAX_REACH = 100_000_000;

const fail = (field: string, reason: string) => new InvalidPreventionActivityData(field, reason);

/** How many participants of one sex and one role took part: counts, never names. */
export type ParticipantCount = { sex: Sex; role: ParticipantRole; count: number };

/**
 * A training or a campaign took place. Either its participants are counted by sex and role, or,
 * for an online campaign, its reach (how many people it reached) is given.
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
    /** ISO 8601 instant. */
    recordedAt: string;
  };
};

export type PreventionActivityEvent = PreventionActivityRecorded;

export type RecordPreventionActivity = {
  type: 'RecordPreventionActivity';
  data: Omit<PreventionActivityRecorded['data'], 'recordedAt'>;
  metadata: CommandMetadata;
};

export type PreventionActivityCommand = RecordPreventionActivity;

export type PreventionActivityState =
  | { status: 'NONE' }
  | { status: 'RECORDED'; facts: Omit<PreventionActivityRecorded['data'], 'recordedAt'> };

export function initialPreventionActivityState(): PreventionActivityState {
  return { status: 'NONE' };
}

function participantsOf(value: unknown): ParticipantCount[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw fail('participants', 'must count at least one group of participants.');
  }
  const seen = new Set<string>();
  const lines = value.map((line: Partial<ParticipantCount>, index) => {
    const field = `participants.${index}`;
    const sex = oneOf(SEXES, line?.sex, `${field}.sex`, fail);
    const role = oneOf(PARTICIPANT_ROLES, line?.role, `${field}.role`, fail);
    const key = `${role}/${sex}`;
    if (seen.has(key)) throw fail(field, 'counts a sex and role already counted.');
    seen.add(key);
    return {
      sex,
      role,
      count: count(line.count, `${field}.count`, { min: 1, max: MAX_PARTICIPANTS }, fail),
    };
  });
  // One order, so that a retry listing the same counts differently is recognised.
  const order = (line: ParticipantCount) =>
    PARTICIPANT_ROLES.indexOf(line.role) * SEXES.length + SEXES.indexOf(line.sex);
  return lines.sort((a, b) => order(a) - order(b));
}

function checkRecording({ data }: RecordPreventionActivity): RecordPreventionActivity['data'] {
  if (!isUuid(data.activityId)) throw fail('activityId', 'must be a lower-case UUID.');
  const kind = oneOf(PREVENTION_ACTIVITY_KINDS, data.kind, 'kind', fail);
  const topic = oneOf(PREVENTION_TOPICS, data.topic, 'topic', fail);
  if (!isCalendarDate(data.date)) throw fail('date', 'must be a date, YYYY-MM-DD, from 2000 on.');
  const country = oneOf(COUNTRIES, data.country, 'country', fail);
  if (typeof data.online !== 'boolean') throw fail('online', 'must be true or false.');
  const hasParticipants = data.participants !== null && data.participants !== undefined;
  const hasReach = data.reach !== null && data.reach !== undefined;
  if (hasParticipants === hasReach) {
    throw fail('participants', 'or reach must be given, one of them and not both.');
  }
  if (hasReach && !(kind === 'CAMPAIGN' && data.online)) {
    throw fail('reach', 'is for an online campaign only: count the participants of the others.');
  }
  return {
    activityId: data.activityId,
    kind,
    topic,
    date: data.date,
    country,
    province: optionalLine(data.province, 'province', MAX_PLACE_LENGTH, fail),
    district: optionalLine(data.district, 'district', MAX_PLACE_LENGTH, fail),
    online: data.online,
    participants: hasParticipants ? participantsOf(data.participants) : null,
    reach: hasReach ? count(data.reach, 'reach', { min: 1, max: MAX_REACH }, fail) : null,
  };
}

export function decidePreventionActivity(
  command: PreventionActivityCommand,
  state: PreventionActivityState,
): PreventionActivityEvent[] {
  const facts = checkRecording(command);
  const recordedAt = occurredAt(command.metadata.occurredAt, fail);
  if (state.status === 'RECORDED') {
    if (sameJson(state.facts, facts)) return [];
    throw new PreventionActivityAlreadyRecorded(facts.activityId);
  }
  return [{ type: 'PreventionActivityRecorded', data: { ...facts, recordedAt } }];
}

export function evolvePreventionActivity(
  _state: PreventionActivityState,
  event: PreventionActivityEvent,
): PreventionActivityState {
  const { recordedAt: _recordedAt, ...facts } = event.data;
  return { status: 'RECORDED', facts };
}

export const preventionActivityDecider = {
  decide: decidePreventionActivity,
  evolve: evolvePreventionActivity,
  initialState: initialPreventionActivityState,
};
