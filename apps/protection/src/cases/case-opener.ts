import { Logger } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@haven/platform/event-store';
import { check } from '@haven/platform/domain';
import { reactor } from '@haven/platform/nest';
import type { Projection } from '@haven/platform/projections';
import {
  CASE_NOTIFICATION_CATEGORY,
  CASE_NOTIFICATION_REFERRED,
  type CaseNotificationReferred,
} from '@haven/networks/contracts';
import {
  COUNTRIES,
  FORMS_OF_EXPLOITATION,
  PLACES_OF_EXPLOITATION,
  protectionCaseIdForNotification,
  protectionCaseStreamId,
} from '@haven/protection/contracts';
import {
  MAX_LABEL_LENGTH,
  protectionCaseDecider,
  type OpenProtectionCase,
} from '@haven/protection/domain';
import { COUNTRY_CODES } from '@haven/vocabulary';

/** Who the events of the case opener are recorded as: the service itself, not a user. */
export const CASE_OPENER_ACTOR = { actorId: 'protection.case-opener', role: 'system' } as const;

export interface CaseOpenerOptions {
  /** A referral that cannot open a case (told by position and reason, never by its data). */
  onSkipped?: (position: number, reason: string) => void;
}

type Referral = Partial<CaseNotificationReferred['data']>;

/**
 * Follows networks' referrals on the log and opens a protection case for each: protection
 * reacts to the integration event, networks never calls it. On the kit's reactor path: the case
 * stream's id derives from the notification id and the event's id from the referral's, so a
 * redelivery (a crash before the checkpoint, a rebuild) or a second referral of the same
 * notification opens nothing more. A referral that can never open a case is skipped, reported
 * by position, and does not hold up the ones after it.
 */
export function caseOpenerReactor(store: EventStore, options: CaseOpenerOptions = {}): Projection {
  return reactor({
    name: CASE_OPENER_ACTOR.actorId,
    handles: [CASE_NOTIFICATION_REFERRED],
    categories: [CASE_NOTIFICATION_CATEGORY],
    decider: protectionCaseDecider,
    streamId: (event) =>
      protectionCaseStreamId(protectionCaseIdForNotification(notificationOf(event))),
    command(event, _state, metadata): OpenProtectionCase {
      const data = event.data as Referral;
      const notificationId = notificationOf(event);
      return {
        type: 'OpenProtectionCase',
        data: {
          caseId: protectionCaseIdForNotification(notificationId),
          // Networks' vocabulary may grow before protection's: an unknown value is OTHER.
          country: known(data.country, COUNTRIES, 'OTHER'),
          province: province(data.province),
          abroad: data.abroad === true,
          // Where abroad, when networks was told; a code protection does not know is unknown.
          destination: data.abroad === true ? known(data.destination, COUNTRY_CODES, null) : null,
          formOfExploitation: known(data.formOfExploitation, FORMS_OF_EXPLOITATION, 'OTHER'),
          // Absent from referrals recorded before networks asked for it: unknown.
          placeOfExploitation: placeOf(data),
          sourceNotificationId: notificationId,
        },
        // The referral's own time, not the clock's: a replay decides the same event.
        metadata: check.isInstant(data.referredAt)
          ? { ...metadata, occurredAt: data.referredAt }
          : metadata,
      };
    },
    onRefused: options.onSkipped,
  })(store);
}

/** The kind of place a referral names, if it names one protection knows; else unknown. */
function placeOf(data: object): OpenProtectionCase['data']['placeOfExploitation'] {
  const { placeOfExploitation } = data as { placeOfExploitation?: unknown };
  return placeOfExploitation == null
    ? null
    : known(placeOfExploitation, PLACES_OF_EXPLOITATION, 'OTHER');
}

function notificationOf(event: RecordedEvent): string {
  const { notificationId } = event.data as Referral;
  return typeof notificationId === 'string' ? notificationId.toLowerCase() : '';
}

function known<T extends string, Otherwise extends T | null>(
  value: unknown,
  values: readonly T[],
  otherwise: Otherwise,
): T | Otherwise {
  return (values as readonly unknown[]).includes(value) ? (value as T) : otherwise;
}

/** The province as a case holds it: one short line, else unknown. */
function province(value: unknown): string | null {
  try {
    return check.optionalLine(value, 'province', MAX_LABEL_LENGTH);
  } catch {
    return null;
  }
}

const logger = new Logger('ProtectionCaseOpener');

/**
 * The case opener as the service runs it (a reactor of its ServiceDatabase: started once the
 * database is connected, restarted after a failure, reported by /health/ready, stopped before
 * the database closes), logging a referral it must skip by position only.
 */
export function serviceCaseOpener(store: EventStore): Projection {
  return caseOpenerReactor(store, {
    onSkipped: (position, reason) =>
      logger.error(`the referral at position ${position} opens no case: ${reason}`),
  });
}
