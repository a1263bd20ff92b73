// Empowerment's GraphQL enums, registered once (Country, Sex and Currency are the platform's).
import { registerEnumType } from '@nestjs/graphql';
import {
  CLOSURE_REASONS,
  FOLLOW_UP_CHANNELS,
  FOLLOW_UP_RHYTHMS,
  GRANT_PURPOSES,
  PLAN_GOALS,
  REHABILITATION_ACTIVITIES,
  SERVICE_KINDS,
  SERVICE_MODES,
  SERVICE_OUTCOMES,
  SETTING_KINDS,
} from '@haven/empowerment/contracts';
import { NOTE_TOPICS } from '@haven/empowerment/domain';
import { enumObject } from '@haven/platform/nest';

export const SettingKindEnum = enumObject(SETTING_KINDS);
registerEnumType(SettingKindEnum, { name: 'EmpowermentSettingKind' });
export const ClosureReasonEnum = enumObject(CLOSURE_REASONS);
registerEnumType(ClosureReasonEnum, { name: 'EnrolmentClosureReason' });
export const PlanGoalEnum = enumObject(PLAN_GOALS);
registerEnumType(PlanGoalEnum, { name: 'ReintegrationGoal' });
export const FollowUpRhythmEnum = enumObject(FOLLOW_UP_RHYTHMS);
registerEnumType(FollowUpRhythmEnum, { name: 'FollowUpRhythm' });
export const ServiceKindEnum = enumObject(SERVICE_KINDS);
registerEnumType(ServiceKindEnum, { name: 'EmpowermentServiceKind' });
/** What a row of the services list is: a service kind, or a follow-up, grant or training. */
export const RecordKindEnum = enumObject([
  ...SERVICE_KINDS,
  'FOLLOW_UP',
  'SMALL_GRANT',
  'AGENT_OF_CHANGE_TRAINING',
] as const);
registerEnumType(RecordKindEnum, { name: 'EmpowermentRecordKind' });
export const ServiceModeEnum = enumObject(SERVICE_MODES);
registerEnumType(ServiceModeEnum, { name: 'EmpowermentServiceMode' });
export const RehabilitationActivityEnum = enumObject(REHABILITATION_ACTIVITIES);
registerEnumType(RehabilitationActivityEnum, { name: 'RehabilitationActivity' });
export const ServiceOutcomeEnum = enumObject(SERVICE_OUTCOMES);
registerEnumType(ServiceOutcomeEnum, { name: 'EmpowermentServiceOutcome' });
export const FollowUpChannelEnum = enumObject(FOLLOW_UP_CHANNELS);
registerEnumType(FollowUpChannelEnum, { name: 'FollowUpChannel' });
export const GrantPurposeEnum = enumObject(GRANT_PURPOSES);
registerEnumType(GrantPurposeEnum, { name: 'SmallGrantPurpose' });
export const NoteTopicEnum = enumObject(NOTE_TOPICS);
registerEnumType(NoteTopicEnum, { name: 'EmpowermentNoteTopic' });
export const WorkListEnum = enumObject(['DUE_THIS_WEEK', 'OVERDUE', 'NOT_REACHED'] as const);
registerEnumType(WorkListEnum, {
  name: 'FollowUpWorkList',
  description:
    'DUE_THIS_WEEK: next follow-up within 7 days from today; OVERDUE: before today; ' +
    'NOT_REACHED: the latest `attempts` follow-ups in a row did not reach the person.',
});
