import type { RecordedEvent } from '@haven/platform/event-store';
import type { Projection } from '@haven/platform/projections';
import {
  PROTECTION_CASE_CATEGORY,
  type ProtectionCaseOpened,
  type VictimAddedToCase,
} from '@haven/protection/contracts';
import type { EntityManager } from 'typeorm';

type Handled =
  | RecordedEvent<'ProtectionCaseOpened', ProtectionCaseOpened['data']>
  | RecordedEvent<'VictimAddedToCase', VictimAddedToCase['data']>;

/**
 * `networks.beneficiary_case_notifications`, from protection's cases on the log: a notification
 * never names a victim, but protection opens one case per referred notification and adds its
 * victims to it. So a beneficiary added to a case opened from a notification is linked to that
 * notification, and the count is the number of such cases (one per notification).
 *
 * `networks.referral_cases` remembers which cases came from a notification, and
 * `networks.referral_victims` which beneficiary was counted in which, so that an event applied
 * again never counts twice. Only ids are kept: no personal data reaches networks.
 */
export const beneficiaryCaseNotificationsProjection: Projection = {
  name: 'networks.beneficiary_case_notifications',
  handles: ['ProtectionCaseOpened', 'VictimAddedToCase'],
  categories: [PROTECTION_CASE_CATEGORY],
  async apply(events, manager: EntityManager) {
    // In log order: a case is always opened before its victims are added.
    for (const event of events as readonly Handled[]) {
      if (event.type === 'ProtectionCaseOpened') {
        if (!event.data.sourceNotificationId) continue;
        await manager.query(
          `INSERT INTO networks.referral_cases (case_id, notification_id) VALUES ($1, $2)
           ON CONFLICT (case_id) DO NOTHING`,
          [event.data.caseId, event.data.sourceNotificationId],
        );
      } else if (event.type === 'VictimAddedToCase') {
        await manager.query(
          `WITH linked AS (
             INSERT INTO networks.referral_victims (case_id, beneficiary_id)
             SELECT case_id, $2 FROM networks.referral_cases WHERE case_id = $1
             ON CONFLICT (case_id, beneficiary_id) DO NOTHING
             RETURNING beneficiary_id
           )
           INSERT INTO networks.beneficiary_case_notifications (beneficiary_id, count)
           SELECT beneficiary_id, 1 FROM linked
           ON CONFLICT (beneficiary_id)
           DO UPDATE SET count = networks.beneficiary_case_notifications.count + 1`,
          [event.data.caseId, event.data.beneficiaryId],
        );
      }
    }
  },
  async reset(manager: EntityManager) {
    await manager.query('DELETE FROM networks.referral_victims');
    await manager.query('DELETE FROM networks.referral_cases');
    await manager.query('DELETE FROM networks.beneficiary_case_notifications');
  },
};
