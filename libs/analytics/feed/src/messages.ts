import type { JsonObject, JsonValue, RecordedEvent } from '@haven/platform/event-store';
import type { OutgoingMessage } from '@haven/platform/kafka';
import { FieldError } from './fields';
import type { Pseudonymiser } from './pseudonyms';
import type { TopicDefinition } from './topic';

/** Headers every message carries: consumers deduplicate by the event id's pseudonym. */
export const HEADERS = {
  eventId: 'haven-event-id',
  eventType: 'haven-event-type',
  schemaVersion: 'haven-schema-version',
  keyId: 'haven-key-id',
} as const;

/** An event could not be turned into its message. Names the event and field, never a value. */
export class MessageMappingError extends Error {
  override name = 'MessageMappingError';
}

/** A message's value before it is serialised: what the relay validates against the schema. */
export interface MessageBody {
  type: string;
  schemaVersion: number;
  data: Record<string, JsonValue>;
}

/** A message as mapped, its value still an object (null for a tombstone). */
export interface MappedMessage {
  topic: string;
  key: string;
  body: MessageBody | null;
  headers: Record<string, string>;
}

/**
 * The messages an event publishes: one per topic that follows its category and lists its type,
 * plus a tombstone on each person-keyed topic when it erases a person. The event id is sent as a
 * pseudonym too: a UUID v7 holds the exact time it was made, which the dates' precision hides.
 */
export function messagesFor(
  event: RecordedEvent,
  topics: readonly TopicDefinition[],
  pseudonyms: Pseudonymiser,
): OutgoingMessage[] {
  return mappedMessagesFor(event, topics, pseudonyms).map(serialised);
}

/** The message as sent: its value serialised once, after it was validated as an object. */
export function serialised(message: MappedMessage): OutgoingMessage {
  return {
    topic: message.topic,
    key: message.key,
    value: message.body === null ? null : JSON.stringify(message.body),
    headers: message.headers,
  };
}

/** As messagesFor, with the values left as objects (the relay validates them before serialising). */
export function mappedMessagesFor(
  event: RecordedEvent,
  topics: readonly TopicDefinition[],
  pseudonyms: Pseudonymiser,
): MappedMessage[] {
  const messages: MappedMessage[] = [];
  let eventPseudonym: string | undefined;
  const headers = (topic: TopicDefinition) => ({
    [HEADERS.eventId]: (eventPseudonym ??= pseudonyms.pseudonym('event', event.eventId)),
    [HEADERS.eventType]: event.type,
    [HEADERS.schemaVersion]: String(topic.version),
    [HEADERS.keyId]: pseudonyms.key.id,
  });
  for (const topic of topics) {
    if (topic.category !== event.streamCategory) continue;
    const fields = topic.events[event.type];
    if (fields) {
      const data: Record<string, JsonValue> = {};
      for (const name in fields) {
        const field = fields[name];
        try {
          data[name] = field.map(valueAt(event.data as JsonObject, field.from), pseudonyms);
        } catch (error) {
          const reason = error instanceof FieldError ? error.message : 'it could not be mapped';
          throw new MessageMappingError(
            `${event.type} at position ${event.globalPosition}: field ${name} (${reason}).`,
          );
        }
      }
      const streamKey = event.streamId.slice(topic.category.length + 1);
      messages.push({
        topic: topic.name,
        key: pseudonyms.pseudonym(topic.keyKind, streamKey),
        body: { type: event.type, schemaVersion: topic.version, data },
        headers: headers(topic),
      });
    }
    if (topic.erasure?.eventType === event.type) {
      const personId = (event.data as JsonObject)[topic.erasure.personIdField];
      if (typeof personId !== 'string' || !personId) {
        throw new MessageMappingError(
          `${event.type} at position ${event.globalPosition}: no ${topic.erasure.personIdField}.`,
        );
      }
      messages.push({
        topic: topic.name,
        key: pseudonyms.pseudonym('person', personId),
        body: null,
        headers: headers(topic),
      });
    }
  }
  return messages;
}

/** A field of the event's data, or a dotted path into it; undefined where a step is missing. */
function valueAt(data: JsonObject, from: string): unknown {
  if (!from.includes('.')) return data[from];
  let value: unknown = data;
  for (const step of from.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as JsonObject)[step];
  }
  return value;
}

/** The stream categories the topics follow (an erasure event is in its topic's category). */
export function categoriesOf(topics: readonly TopicDefinition[]): string[] {
  return [...new Set(topics.map((topic) => topic.category))];
}
