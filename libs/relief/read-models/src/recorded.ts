import type { RecordedEvent } from '@haven/platform/event-store';
import type { ReliefResponseEvent } from '@haven/relief/domain';

/** A relief response event as the log records it. */
export type RecordedReliefEvent = {
  [Type in ReliefResponseEvent['type']]: RecordedEvent<
    Type,
    Extract<ReliefResponseEvent, { type: Type }>['data']
  >;
}[ReliefResponseEvent['type']];
