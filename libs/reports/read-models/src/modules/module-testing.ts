// What the report modules' specs share: an event as the store would hand it to a module, and a
// subject book kept in memory, as the fact projection keeps one per batch.
import type { RecordedEvent } from '@haven/platform/event-store';
import type { SubjectAttributes, SubjectBook } from '../programme-module';

export function recorded(type: string, data: Record<string, unknown>): RecordedEvent {
  return { type, data } as unknown as RecordedEvent;
}

export function book(): SubjectBook {
  const subjects = new Map<string, SubjectAttributes>();
  return { get: (key) => subjects.get(key), set: (key, value) => void subjects.set(key, value) };
}
