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
    // Two statements a batch, whatever its size. The cases first: a case is opened before its
    // victims are added, in the log and so in a batch, and an opening only adds a case.
    const referred: { caseIds: string[]; notificationIds: string[] } = {
      caseIds: [],
      notificationIds: [],
    };
    const victims: { caseIds: string[]; beneficiaryIds: string[] } = {
      caseIds: [],
      beneficiaryIds: [],
    };
    for (const event of events as readonly Handled[]) {
      if (event.type === 'ProtectionCaseOpened') {
        if (!event.data.sourceNotificationId) continue;
        referred.caseIds.push(event.data.caseId);
        referred.notificationIds.push(event.data.sourceNotificationId);
      } else if (event.type === 'VictimAddedToCase') {
        victims.caseIds.push(event.data.caseId);
        victims.beneficiaryIds.push(event.data.beneficiaryId);
      }
    }
    if (referred.caseIds.length > 0) {
      await manager.query(
        `INSERT INTO networks.referral_cases (case_id, notification_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[])
         ON CONFLICT (case_id) DO NOTHING`,
        [referred.caseIds, referred.notificationIds],
      );
    }
    if (victims.caseIds.length > 0) {
      // A victim counts once per referred case: referral_victims remembers whom each case
      // counted, so that an event applied again, or twice in a batch, never counts twice.
      await manager.query(
        `WITH added AS (
           SELECT DISTINCT case_id, beneficiary_id
             FROM unnest($1::uuid[], $2::uuid[]) AS added (case_id, beneficiary_id)
         ), linked AS (
           INSERT INTO networks.referral_victims (case_id, beneficiary_id)
           SELECT added.case_id, added.beneficiary_id
             FROM added JOIN networks.referral_cases USING (case_id)
           ON CONFLICT (case_id, beneficiary_id) DO NOTHING
           RETURNING beneficiary_id
         )
         INSERT INTO networks.beneficiary_case_notifications (beneficiary_id, count)
         SELECT beneficiary_id, count(*) FROM linked GROUP BY beneficiary_id
         ON CONFLICT (beneficiary_id)
         DO UPDATE SET count = networks.beneficiary_case_notifications.count + EXCLUDED.count`,
        [victims.caseIds, victims.beneficiaryIds],
      );
    }
  },
  async reset(manager: EntityManager) {
    await manager.query('DELETE FROM networks.referral_victims');
    await manager.query('DELETE FROM networks.referral_cases');
    await manager.query('DELETE FROM networks.beneficiary_case_notifications');
  },
};
