// What the contract's tests build on: event metadata and new events, waiting a while, and reading
// the whole log.
import type { EventMetadata, EventStore, NewEvent, RecordedEvent } from '../../event-store';

export const metadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actorId: 'user-7',
  role: 'protection_officer',
  organisationId: 'org-th-1',
  correlationId: 'corr-1',
  causationId: null,
  occurredAt: '2026-03-01T08:00:00.000Z',
  ...overrides,
});

export const event = (
  type: string,
  data: Record<string, unknown> = {},
  extra: Partial<NewEvent> = {},
): NewEvent => ({ type, data, metadata: metadata(), ...extra }) as NewEvent;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function allEvents(store: EventStore): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for (;;) {
    const batch = await store.readAll({
      fromPosition: (out.at(-1)?.globalPosition ?? -1) + 1,
      limit: 1000,
    });
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}
