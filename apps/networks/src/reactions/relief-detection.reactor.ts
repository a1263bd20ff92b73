import { caseNotificationStreamId } from '@haven/networks/contracts';
import { caseNotificationDecider, type CaseNotificationCommand } from '@haven/networks/domain';
import { reactor } from '@haven/platform/nest';
import { RELIEF_RESPONSE_CATEGORY, type ReliefDetectionNotified } from '@haven/relief/contracts';

/**
 * Relief's `ReliefDetectionNotified` on the log submits a case notification, once: its id is the
 * one relief derived from the detection (the link between the two), so a replay or redelivery
 * finds it submitted and changes nothing. Reported by staff: relief's coordinator decided it.
 */
export const reliefDetectionReactor = reactor({
  name: 'networks.relief-detection',
  handles: ['ReliefDetectionNotified'],
  categories: [RELIEF_RESPONSE_CATEGORY],
  decider: caseNotificationDecider,
  streamId: (event) =>
    caseNotificationStreamId((event.data as ReliefDetectionNotified['data']).notificationId),
  command(event, state, metadata): CaseNotificationCommand | null {
    if (state.status !== 'NONE') return null;
    const data = event.data as ReliefDetectionNotified['data'];
    return {
      type: 'SubmitCaseNotification',
      data: {
        notificationId: data.notificationId,
        reportedBy: 'STAFF',
        reporterReference: null,
        formOfExploitation: data.formOfExploitation,
        placeOfExploitation: null,
        country: data.country,
        province: data.province,
        possibleVictims: 1,
        minors: data.minor ? 1 : 0,
        reporterKnown: true,
      },
      metadata,
    };
  },
});
