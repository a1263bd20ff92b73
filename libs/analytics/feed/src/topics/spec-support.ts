import type { JsonObject, RecordedEvent } from '@haven/platform/event-store';
import { mappedMessagesFor, type MappedMessage } from '../messages';
import { Pseudonymiser } from '../pseudonyms';
import { MessageValidator } from '../schemas';
import type { TopicDefinition } from '../topic';

/** A fixed key, so that the specs can compute the pseudonyms they expect. */
export const specPseudonyms = new Pseudonymiser({ id: 'spec', secret: Buffer.alloc(32, 9) });

/** An event as the event store hands it to the relay (its metadata names people: never sent). */
export function stored(
  streamId: string,
  type: string,
  data: Record<string, unknown>,
): RecordedEvent {
  return {
    eventId: '019300aa-0000-7000-8000-000000000001',
    streamId,
    streamCategory: streamId.slice(0, streamId.indexOf('-')),
    streamVersion: 1,
    globalPosition: 42,
    type,
    schemaVersion: 1,
    data: data as JsonObject,
    metadata: {
      actorId: 'user-Marker-Actor',
      role: 'officer',
      organisationId: 'org-Marker-Organisation',
      correlationId: 'correlation-Marker',
      causationId: null,
      occurredAt: '2026-03-14T09:26:53.589Z',
    },
    recordedAt: new Date('2026-03-14T09:26:53.589Z'),
  };
}

const validators = new Map<TopicDefinition, MessageValidator>();

/**
 * The one message an event publishes on the topic, after checking it against the topic's
 * published schema (as the relay does before sending).
 */
export function publishedMessage(topic: TopicDefinition, event: RecordedEvent): MappedMessage {
  const messages = mappedMessagesFor(event, [topic], specPseudonyms);
  if (messages.length !== 1) throw new Error(`${event.type}: ${messages.length} messages`);
  const validator = validators.get(topic) ?? new MessageValidator([topic]);
  validators.set(topic, validator);
  const violation = validator.check(topic.name, messages[0].body);
  if (violation) throw new Error(`${event.type}: ${violation.path} ${violation.rule}`);
  return messages[0];
}

/** Everything the message carries, as text: key, headers and value. */
export const messageText = (message: MappedMessage) =>
  JSON.stringify([message.key, message.headers, message.body]);
