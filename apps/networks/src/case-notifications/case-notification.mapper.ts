import type { CaseNotificationRow } from '@haven/networks/read-models';
import type { CaseNotification, MyCaseNotification } from './case-notification.types';

export const NOTIFICATION_CURSOR = 'notification';

/** Read-model row → GraphQL type, field by field: a column added later stays out until named here. */
export function toCaseNotification(row: CaseNotificationRow): CaseNotification {
  return {
    id: row.id,
    status: row.status,
    reportedBy: row.reportedBy,
    reporterReference: row.reporterReference,
    formOfExploitation: row.formOfExploitation,
    placeOfExploitation: row.placeOfExploitation,
    country: row.country as CaseNotification['country'],
    province: row.province,
    abroad: row.abroad,
    destination: row.destination,
    nationality: row.nationality,
    possibleVictims: row.possibleVictims,
    minors: row.minors,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    rejectionReason: row.rejectionReason,
    duplicateOf: row.duplicateOf,
    referredAt: row.referredAt,
  };
}

/** A submitter's view of their own notification: its status, nothing of what others decided. */
export function toMyCaseNotification(row: CaseNotificationRow): MyCaseNotification {
  return { id: row.id, status: row.status, submittedAt: row.submittedAt };
}
