import {
  check,
  type CommandMetadata,
  type Decider,
  refusingAs,
  sameJson,
} from '@haven/platform/domain';
import {
  PREVENTION_ACTIVITY_CATEGORY,
  preventionActivityStreamId,
  type ParticipantCount,
  type PreventionActivityRecorded,
} from '@haven/networks/contracts';
import { MAX_PLACE_LENGTH } from '../checks';
import { recorderOf, sameRecorder, type Recorder, type WithRecorder } from '../recorded-by';
import { InvalidPreventionActivityData, PreventionActivityAlreadyRecorded } from '../errors';
import {
  COUNTRIES,
  PARTICIPANT_ROLES,
  PREVENTION_ACTIVITY_KINDS,
  PREVENTION_TOPICS,
  SEXES,
} from '../vocabulary';

export { PREVENTION_ACTIVITY_CATEGORY, preventionActivityStreamId };

/** The most people one line of participants or one campaign's reach may count. */
export const MAX_PARTICIPANTS = 100_000;
export const MAX_REACH = 100_000_000;
/** The most schools or institutions one activity may count. */
export const MAX_INSTITUTIONS = 10_000;

const fail = (field: string, reason: string) => new InvalidPreventionActivityData(field, reason);

/** The activity's event is networks' contract: the report follows it on the log. */
export type { ParticipantCount, PreventionActivityRecorded };

export type PreventionActivityEvent = PreventionActivityRecorded;

export type RecordPreventionActivity = {
  type: 'RecordPreventionActivity';
  data: Omit<PreventionActivityRecorded['data'], 'recordedAt'>;
  metadata: CommandMetadata;
};

export type PreventionActivityCommand = RecordPreventionActivity;

export type PreventionActivityState =
  | { status: 'NONE' }
  | {
      status: 'RECORDED';
      facts: Omit<PreventionActivityRecorded['data'], 'recordedAt'>;
      /** Who recorded it (absent for an event read without its metadata). */
      recorder?: Recorder;
    };

/** An activity's event as the store returns it: with the metadata it was recorded with. */
export type RecordedPreventionActivityEvent = WithRecorder<PreventionActivityEvent>;

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
    const sex = check.oneOf(SEXES, line?.sex, `${field}.sex`);
    const role = check.oneOf(PARTICIPANT_ROLES, line?.role, `${field}.role`);
    const key = `${role}/${sex}`;
    if (seen.has(key)) throw fail(field, 'counts a sex and role already counted.');
    seen.add(key);
    return {
      sex,
      role,
      count: check.wholeNumber(line.count, `${field}.count`, { min: 1, max: MAX_PARTICIPANTS }),
    };
  });
  // One order, so that a retry listing the same counts differently is recognised.
  const order = (line: ParticipantCount) =>
    PARTICIPANT_ROLES.indexOf(line.role) * SEXES.length + SEXES.indexOf(line.sex);
  return lines.sort((a, b) => order(a) - order(b));
}

function checkRecording({ data }: RecordPreventionActivity): RecordPreventionActivity['data'] {
  const activityId = check.uuid(data.activityId, 'activityId');
  const kind = check.oneOf(PREVENTION_ACTIVITY_KINDS, data.kind, 'kind');
  const topic = check.oneOf(PREVENTION_TOPICS, data.topic, 'topic');
  const date = check.calendarDate(data.date, 'date');
  const country = check.oneOf(COUNTRIES, data.country, 'country');
  if (typeof data.online !== 'boolean') throw fail('online', 'must be true or false.');
  const hasParticipants = data.participants !== null && data.participants !== undefined;
  const hasReach = data.reach !== null && data.reach !== undefined;
  if (hasParticipants === hasReach) {
    throw fail('participants', 'or reach must be given, one of them and not both.');
  }
  if (hasReach && !(kind === 'CAMPAIGN' && data.online)) {
    throw fail('reach', 'is for an online campaign only: count the participants of the others.');
  }
  const institutions =
    data.institutions === null || data.institutions === undefined
      ? null
      : check.wholeNumber(data.institutions, 'institutions', { min: 1, max: MAX_INSTITUTIONS });
  return {
    activityId,
    kind,
    topic,
    date,
    country,
    province: check.optionalLine(data.province, 'province', MAX_PLACE_LENGTH),
    district: check.optionalLine(data.district, 'district', MAX_PLACE_LENGTH),
    online: data.online,
    participants: hasParticipants ? participantsOf(data.participants) : null,
    reach: hasReach ? check.wholeNumber(data.reach, 'reach', { min: 1, max: MAX_REACH }) : null,
    institutions,
  };
}

export function decidePreventionActivity(
  command: PreventionActivityCommand,
  state: PreventionActivityState,
): PreventionActivityEvent[] {
  const facts = checkRecording(command);
  const recordedAt = check.instant(command.metadata.occurredAt, 'occurredAt');
  if (state.status === 'RECORDED') {
    // Its recorder's identical retry changes nothing; anyone else is told the id is taken,
    // whatever the facts, so that an id is no oracle for another's activity.
    if (sameRecorder(state.recorder, command.metadata) && sameJson(state.facts, facts)) return [];
    throw new PreventionActivityAlreadyRecorded();
  }
  return [{ type: 'PreventionActivityRecorded', data: { ...facts, recordedAt } }];
}

export function evolvePreventionActivity(
  _state: PreventionActivityState,
  event: RecordedPreventionActivityEvent,
): PreventionActivityState {
  // An activity recorded before institutions were asked counted none.
  const { recordedAt: _recordedAt, ...recorded } = event.data;
  const facts = { ...recorded, institutions: recorded.institutions ?? null };
  const recorder = recorderOf(event);
  return recorder ? { status: 'RECORDED', facts, recorder } : { status: 'RECORDED', facts };
}

export const preventionActivityDecider: Decider<
  PreventionActivityCommand,
  RecordedPreventionActivityEvent,
  PreventionActivityState
> = {
  decide: (command, state) =>
    refusingAs(InvalidPreventionActivityData, () => decidePreventionActivity(command, state)),
  evolve: evolvePreventionActivity,
  initialState: initialPreventionActivityState,
};
