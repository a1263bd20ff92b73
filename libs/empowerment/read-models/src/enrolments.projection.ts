import {
  ENROLMENT_CATEGORY,
  type EmpowermentIntegrationEvent,
  type Setting,
} from '@haven/empowerment/contracts';
import type { RecordedEvent } from '@haven/platform/event-store';
import { rowProjection } from '@haven/platform/projections';
import { EnrolmentRow } from './enrolment.entity';

export type RecordedEnrolmentEvent = {
  [Type in EmpowermentIntegrationEvent['type']]: RecordedEvent<
    Type,
    Extract<EmpowermentIntegrationEvent, { type: Type }>['data']
  >;
}[EmpowermentIntegrationEvent['type']];

type Handled = Extract<
  RecordedEnrolmentEvent,
  {
    type:
      | 'BeneficiaryEnrolled'
      | 'EnrolmentSettingChanged'
      | 'ReintegrationPlanAgreed'
      | 'FollowUpRecorded'
      | 'AgentOfChangeTrainingCompleted'
      | 'EnrolmentClosed';
  }
>;

export const ENROLMENT_ROW_EVENT_TYPES: readonly Handled['type'][] = [
  'BeneficiaryEnrolled',
  'EnrolmentSettingChanged',
  'ReintegrationPlanAgreed',
  'FollowUpRecorded',
  'AgentOfChangeTrainingCompleted',
  'EnrolmentClosed',
];

const settingColumns = (setting: Setting) => ({
  settingKind: setting.kind,
  shelterName: setting.shelterName,
  governmentRun: setting.governmentRun,
  province: setting.province,
  district: setting.district,
});

/** `empowerment.enrolments`: each enrolment, its plan and where its follow-ups stand. */
export const enrolmentsProjection = rowProjection<EnrolmentRow, Handled>({
  name: 'empowerment.enrolments',
  entity: EnrolmentRow,
  handles: ENROLMENT_ROW_EVENT_TYPES,
  categories: [ENROLMENT_CATEGORY],
  keyOf: (event) => event.data.enrolmentId,
  evolve(row, event) {
    switch (event.type) {
      case 'BeneficiaryEnrolled': {
        const { data } = event;
        return {
          id: data.enrolmentId,
          beneficiaryId: data.beneficiaryId,
          country: data.country,
          sex: data.sex,
          minor: data.minor,
          status: 'OPEN',
          ...settingColumns(data.setting),
          enrolledOn: data.enrolledOn,
          officerId: event.metadata.actorId,
          closureReason: null,
          closedOn: null,
          planGoals: [],
          followUpRhythm: null,
          reviewDates: [],
          lastFollowUpOn: null,
          nextFollowUpOn: null,
          consecutiveNotReached: 0,
          trainedOn: null,
          enrolledPosition: event.globalPosition,
        };
      }
      case 'EnrolmentSettingChanged':
        return row && { ...row, ...settingColumns(event.data.setting) };
      case 'ReintegrationPlanAgreed': {
        const { goals, followUpRhythm, reviewDates } = event.data;
        return row && { ...row, planGoals: goals, followUpRhythm, reviewDates };
      }
      case 'FollowUpRecorded': {
        const { followedUpOn, nextFollowUpOn, reached } = event.data;
        // A follow-up entered late (older than the latest) does not move the work list.
        if (!row || (row.lastFollowUpOn !== null && followedUpOn < row.lastFollowUpOn)) return row;
        return {
          ...row,
          lastFollowUpOn: followedUpOn,
          nextFollowUpOn,
          consecutiveNotReached: reached ? 0 : row.consecutiveNotReached + 1,
        };
      }
      case 'AgentOfChangeTrainingCompleted':
        return row && { ...row, trainedOn: event.data.completedOn };
      case 'EnrolmentClosed':
        return (
          row && {
            ...row,
            status: 'CLOSED',
            closureReason: event.data.reason,
            closedOn: event.data.closedOn,
          }
        );
      default: {
        const unknown: never = event;
        throw new Error(`cannot apply ${String((unknown as { type: unknown }).type)}`);
      }
    }
  },
});
