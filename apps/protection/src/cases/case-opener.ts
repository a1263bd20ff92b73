import { Logger } from '@nestjs/common';
import {
  WrongExpectedVersionError,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
} from '@haven/platform/event-store';
import type { Projection } from '@haven/platform/projections';
import {
  CASE_NOTIFICATION_CATEGORY,
  CASE_NOTIFICATION_REFERRED,
  type CaseNotificationReferred,
} from '@haven/networks/contracts';
import {
  COUNTRIES,
  FORMS_OF_EXPLOITATION,
  protectionCaseIdForNotification,
  protectionCaseStreamId,
  type ProtectionCaseEvent,
} from '@haven/protection/contracts';
import { DomainError } from '@haven/platform/domain';
import { protectionCaseDecider } from '@haven/protection/domain';
import { v5 as uuidv5 } from 'uuid';

/** Who the events of the case opener are recorded as: the service itself, not a user. */
export const CASE_OPENER_ACTOR = { actorId: 'protection.case-opener', role: 'system' } as const;

// Fixed for ever: the opening event's id derives from the referral's, so a replay is a retry.
const OPENING_EVENT_NAMESPACE = '4f3c7b1e-2a6d-4e58-9c0b-8d1f5a7e3b92';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1F\x7F-\x9F]/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export interface CaseOpenerOptions {
  /** A referral that cannot open a case (told by position and field, never by its data). */
  onSkipped?: (position: number, reason: string) => void;
}

/**
 * Follows networks' referrals on the log and opens a protection case for each: protection
 * reacts to the integration event, networks never calls it.
 *
 * Run by a ProjectionRunner, so it is checkpointed like a projection. Its append goes through
 * the event store's own transaction, before the checkpoint's commits: delivery is at least once,
 * and a redelivery (a crash between the two, a rebuild, a second runner) or a second referral
 * of the same notification opens nothing more, because the case stream's id derives from the
 * notification id and the append expects `no_stream`.
 */
export function caseOpenerReactor(store: EventStore, options: CaseOpenerOptions = {}): Projection {
  return {
    name: 'protection.case-opener',
    handles: [CASE_NOTIFICATION_REFERRED],
    categories: [CASE_NOTIFICATION_CATEGORY],
    async apply(events) {
      for (const event of events) await openCaseFrom(store, event, options);
    },
    async reset() {
      // Nothing to empty: replayed referrals find their cases opened already.
    },
  };
}

async function openCaseFrom(
  store: EventStore,
  referral: RecordedEvent,
  options: CaseOpenerOptions,
): Promise<void> {
  const data = referral.data as Partial<CaseNotificationReferred['data']>;
  const notificationId = typeof data.notificationId === 'string' ? data.notificationId : '';
  const metadata: EventMetadata = {
    ...CASE_OPENER_ACTOR,
    organisationId: null,
    correlationId: referral.metadata.correlationId,
    causationId: referral.eventId,
    // The referral's time, not the clock's: a replay decides the same event.
    occurredAt:
      typeof data.referredAt === 'string' && ISO_INSTANT.test(data.referredAt)
        ? data.referredAt
        : referral.metadata.occurredAt,
  };
  let caseId: string;
  let events: ProtectionCaseEvent[];
  try {
    caseId = protectionCaseIdForNotification(notificationId);
    events = protectionCaseDecider.decide(
      {
        type: 'OpenProtectionCase',
        data: {
          caseId,
          // Networks' vocabulary may grow before protection's: an unknown value is OTHER.
          country: oneOf(data.country, COUNTRIES, 'OTHER'),
          province: label(data.province),
          abroad: data.abroad === true,
          formOfExploitation: oneOf(data.formOfExploitation, FORMS_OF_EXPLOITATION, 'OTHER'),
          sourceNotificationId: notificationId.toLowerCase(),
        },
        metadata,
      },
      protectionCaseDecider.initialState(),
    );
  } catch (error) {
    // A referral that can never open a case must not hold up every referral after it.
    if (!(error instanceof DomainError)) throw error;
    options.onSkipped?.(referral.globalPosition, error.message);
    return;
  }
  try {
    await store.append(
      protectionCaseStreamId(caseId),
      events.map(({ type, data }) => ({
        eventId: uuidv5(referral.eventId, OPENING_EVENT_NAMESPACE),
        type,
        data,
        metadata,
      })),
      'no_stream',
    );
  } catch (error) {
    // The case exists: this notification was referred before. Nothing more to open.
    if (!(error instanceof WrongExpectedVersionError)) throw error;
  }
}

function oneOf<T extends string>(value: unknown, values: readonly T[], otherwise: T): T {
  return (values as readonly unknown[]).includes(value) ? (value as T) : otherwise;
}

/** The province as a case holds it: a short single line, else unknown. */
function label(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed && trimmed.length <= 200 && !CONTROL.test(trimmed) ? trimmed : null;
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
