import {
  CASE_NOTIFICATION_CATEGORY,
  CASE_NOTIFICATION_REJECTION_REASONS,
  FORMS_OF_EXPLOITATION,
  REPORTER_KINDS,
} from '@haven/networks/contracts';
import { COUNTRIES } from '@haven/protection/contracts';
import { dateOf, flag, integer, oneOf, pseudonymOf } from '../../fields';
import { defineTopic } from '../../topic';

const notification = pseudonymOf('notification', 'notificationId');
// The notification's facts analysts count by. Left out: the province (free text naming a place)
// and the reporter's networks record (it names a watchdog or an organisation).
const facts = {
  reportedBy: oneOf('reportedBy', REPORTER_KINDS),
  formOfExploitation: oneOf('formOfExploitation', FORMS_OF_EXPLOITATION),
  country: oneOf('country', COUNTRIES),
  abroad: flag('abroad'),
  possibleVictims: integer('possibleVictims'),
  minors: integer('minors'),
};

/** Case notifications, from submission to referral: where cases come from, and of what kind. */
export const CASE_NOTIFICATIONS_V1 = defineTopic({
  name: 'haven.networks.case-notifications.v1',
  version: 1,
  description:
    'Case notifications as networks records them: submitted, validated, rejected, marked duplicate, referred to protection. Keyed by the notification pseudonym.',
  category: CASE_NOTIFICATION_CATEGORY,
  keyKind: 'notification',
  events: {
    CaseNotificationSubmitted: {
      notification,
      ...facts,
      submittedOn: dateOf('submittedAt', 'day'),
    },
    CaseNotificationValidated: { notification, validatedOn: dateOf('validatedAt', 'day') },
    CaseNotificationRejected: {
      notification,
      reason: oneOf('reason', CASE_NOTIFICATION_REJECTION_REASONS),
      rejectedOn: dateOf('rejectedAt', 'day'),
    },
    CaseNotificationMarkedDuplicate: {
      notification,
      duplicateOf: pseudonymOf('notification', 'duplicateOf'),
      markedOn: dateOf('markedAt', 'day'),
    },
    CaseNotificationReferred: { notification, ...facts, referredOn: dateOf('referredAt', 'day') },
  },
  partitions: 3,
  retentionDays: 3650,
});
