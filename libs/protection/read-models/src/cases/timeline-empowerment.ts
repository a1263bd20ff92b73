import {
  EMPOWERMENT_INTEGRATION_EVENT_TYPES,
  ENROLMENT_CATEGORY,
  type EmpowermentIntegrationEvent,
} from '@haven/empowerment/contracts';
import type { RecordedEvent } from '@haven/platform/event-store';
import type { TimelineSummary } from './timeline-entry.entity';

/** Empowerment's integration events, on the timeline of the beneficiary they concern. */
export const EMPOWERMENT_TIMELINE_TYPES: readonly string[] = EMPOWERMENT_INTEGRATION_EVENT_TYPES;
export const EMPOWERMENT_TIMELINE_CATEGORY = ENROLMENT_CATEGORY;

type RecordedEmpowermentEvent = {
  [Type in EmpowermentIntegrationEvent['type']]: RecordedEvent<
    Type,
    Extract<EmpowermentIntegrationEvent, { type: Type }>['data']
  >;
}[EmpowermentIntegrationEvent['type']];

/**
 * The beneficiary an empowerment event is about, and what their timeline shows of it: an
 * allow-list of kinds, dates and amounts. No shelter name, no place, no free text.
 */
export function empowermentEntry(recorded: RecordedEvent): {
  subjects: Array<{
    subjectType: 'Beneficiary';
    subjectId: string;
    caseId: null;
    notificationId: null;
  }>;
  summary: TimelineSummary;
} {
  const event = recorded as RecordedEmpowermentEvent;
  const { enrolmentId, beneficiaryId } = event.data;
  const on = (summary: TimelineSummary) => ({
    subjects: [
      {
        subjectType: 'Beneficiary' as const,
        subjectId: beneficiaryId,
        caseId: null,
        notificationId: null,
      },
    ],
    summary: { enrolmentId, ...summary },
  });
  switch (event.type) {
    case 'BeneficiaryEnrolled': {
      const { country, setting, enrolledOn } = event.data;
      return on({
        country,
        setting: setting.kind,
        governmentRun: setting.governmentRun,
        enrolledOn,
      });
    }
    case 'EnrolmentSettingChanged':
      return on({ setting: event.data.setting.kind, changedOn: event.data.changedOn });
    case 'ReintegrationPlanAgreed': {
      const { goals, followUpRhythm, agreedOn } = event.data;
      return on({ goals: goals.join(','), followUpRhythm, agreedOn });
    }
    case 'EmpowermentServiceRecorded': {
      const { kind, mode, activity, outcome, providedOn } = event.data;
      return on({ kind, mode, activity, outcome, providedOn });
    }
    case 'FollowUpRecorded': {
      const { channel, reached, followedUpOn, nextFollowUpOn } = event.data;
      return on({ channel, reached, followedUpOn, nextFollowUpOn });
    }
    case 'SmallGrantApproved': {
      const { grantId, purpose, amount, approvedOn } = event.data;
      return on({
        grantId,
        purpose,
        amountMinor: amount.amountMinor,
        currency: amount.currency,
        approvedOn,
      });
    }
    case 'SmallGrantDisbursed': {
      const { grantId, amount, disbursedOn } = event.data;
      return on({
        grantId,
        amountMinor: amount.amountMinor,
        currency: amount.currency,
        disbursedOn,
      });
    }
    case 'AgentOfChangeTrainingCompleted':
      return on({ completedOn: event.data.completedOn });
    case 'EnrolmentClosed':
      return on({ reason: event.data.reason, closedOn: event.data.closedOn });
    default:
      // A type empowerment added since: on the timeline, with no facts until named here.
      return on({});
  }
}
