import type { RecordedEvent } from '@haven/platform/event-store';
import {
  RELIEF_INTEGRATION_EVENT_TYPES,
  RELIEF_RESPONSE_CATEGORY,
  type ReliefIntegrationEvent,
} from '@haven/relief/contracts';
import type { TimelineSummary } from './timeline-entry.entity';

/** Relief's integration events, on the timelines they concern. */
export const RELIEF_TIMELINE_TYPES: readonly string[] = RELIEF_INTEGRATION_EVENT_TYPES;
export const RELIEF_TIMELINE_CATEGORY = RELIEF_RESPONSE_CATEGORY;

type RecordedReliefEvent = {
  [Type in ReliefIntegrationEvent['type']]: RecordedEvent<
    Type,
    Extract<ReliefIntegrationEvent, { type: Type }>['data']
  >;
}[ReliefIntegrationEvent['type']];

type Subject = {
  subjectType: 'Beneficiary' | 'CaseNotification';
  subjectId: string;
  caseId: null;
  notificationId: string | null;
};

/**
 * A distribution goes on the timeline of the registered beneficiary who received it (none for a
 * relief recipient not linked to one); a detection turned into a notification goes on that
 * notification's. Summaries are allow-lists of kinds, dates and amounts: no field worker, no
 * place, no alias.
 */
export function reliefEntry(recorded: RecordedEvent): {
  subjects: Subject[];
  summary: TimelineSummary;
} {
  const event = recorded as RecordedReliefEvent;
  switch (event.type) {
    case 'ReliefDistributed': {
      const { beneficiaryId, responseId, kind, amountMinor, currency, distributedOn } = event.data;
      return {
        subjects: beneficiaryId
          ? [
              {
                subjectType: 'Beneficiary',
                subjectId: beneficiaryId,
                caseId: null,
                notificationId: null,
              },
            ]
          : [],
        summary: { responseId, kind, amountMinor, currency, distributedOn },
      };
    }
    case 'ReliefDetectionNotified': {
      const { notificationId, detectionId, country, formOfExploitation, minor } = event.data;
      return {
        subjects: [
          {
            subjectType: 'CaseNotification',
            subjectId: notificationId,
            caseId: null,
            notificationId,
          },
        ],
        summary: { detectionId, country, formOfExploitation, minor },
      };
    }
    default:
      // A type relief added since: on no timeline until named here.
      return { subjects: [], summary: {} };
  }
}
