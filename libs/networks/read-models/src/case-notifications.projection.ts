import {
  CASE_NOTIFICATION_CATEGORY,
  CASE_NOTIFICATION_EVENT_TYPES,
  type CaseNotificationEvent,
} from '@haven/networks/contracts';
import type { RecordedEvent } from '@haven/platform/event-store';
import { rowProjection } from '@haven/platform/projections';
import { CaseNotificationRow } from './case-notification.entity';

type RecordedCaseNotificationEvent = {
  [Type in CaseNotificationEvent['type']]: RecordedEvent<
    Type,
    Extract<CaseNotificationEvent, { type: Type }>['data']
  >;
}[CaseNotificationEvent['type']];

/** `networks.case_notifications`: one row per notification, its status as its events set it. */
export const caseNotificationsProjection = rowProjection<
  CaseNotificationRow,
  RecordedCaseNotificationEvent
>({
  name: 'networks.case_notifications',
  entity: CaseNotificationRow,
  handles: CASE_NOTIFICATION_EVENT_TYPES,
  categories: [CASE_NOTIFICATION_CATEGORY],
  keyOf: (event) => event.data.notificationId,
  evolve(row, event) {
    const decided = (at: string) => ({
      decidedAt: new Date(at),
      decidedBy: event.metadata.actorId,
    });
    switch (event.type) {
      case 'CaseNotificationSubmitted': {
        const { data, metadata } = event;
        return {
          id: data.notificationId,
          status: 'SUBMITTED',
          reportedBy: data.reportedBy,
          reporterReference: data.reporterReference,
          formOfExploitation: data.formOfExploitation,
          placeOfExploitation: data.placeOfExploitation ?? null,
          country: data.country,
          province: data.province,
          abroad: data.abroad,
          destination: data.destination ?? null,
          nationality: data.nationality ?? null,
          possibleVictims: data.possibleVictims,
          minors: data.minors,
          submittedAt: new Date(data.submittedAt),
          submittedBy: metadata.actorId,
          submitterRole: metadata.role,
          submitterOrganisationId: metadata.organisationId ?? null,
          decidedAt: null,
          decidedBy: null,
          rejectionReason: null,
          duplicateOf: null,
          referredAt: null,
          submittedPosition: event.globalPosition,
        };
      }
      case 'CaseNotificationValidated':
        return row && { ...row, status: 'VALIDATED', ...decided(event.data.validatedAt) };
      case 'CaseNotificationRejected':
        return (
          row && {
            ...row,
            status: 'REJECTED',
            rejectionReason: event.data.reason,
            ...decided(event.data.rejectedAt),
          }
        );
      case 'CaseNotificationMarkedDuplicate':
        return (
          row && {
            ...row,
            status: 'DUPLICATE',
            duplicateOf: event.data.duplicateOf,
            ...decided(event.data.markedAt),
          }
        );
      case 'CaseNotificationReferred':
        return row && { ...row, status: 'REFERRED', referredAt: new Date(event.data.referredAt) };
      default: {
        const unknown: never = event;
        throw new Error(
          `networks.case_notifications cannot apply ${String((unknown as { type: unknown }).type)}`,
        );
      }
    }
  },
});
