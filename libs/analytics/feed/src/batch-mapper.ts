import type { RecordedEvent } from '@haven/platform/event-store';
import type { OutgoingMessage } from '@haven/platform/kafka';
import { mappedMessagesFor, MessageMappingError, serialised } from './messages';
import type { Pseudonymiser } from './pseudonyms';
import { MessageValidator } from './schemas';
import type { TopicDefinition } from './topic';

/**
 * A batch of the log as the relay sends it: its messages, the last position they cover, and, when
 * an event cannot be published, why the relay halts there (naming the event and the rule, never a
 * value). Plain data, so that a worker thread can hand it over.
 */
export interface MappedBatch {
  messages: OutgoingMessage[];
  upTo: number;
  halt: string | null;
}

/** Maps, validates and serialises batches of events for the feed's topics. */
export class BatchMapper {
  private readonly validator: MessageValidator;

  constructor(
    private readonly topics: readonly TopicDefinition[],
    private readonly pseudonyms: Pseudonymiser,
    private readonly topicPrefix = '',
  ) {
    this.validator = new MessageValidator(topics);
  }

  /** The batch's messages up to the first event that cannot be published; `upTo` starts at `from`. */
  map(events: readonly RecordedEvent[], from: number): MappedBatch {
    const messages: OutgoingMessage[] = [];
    let upTo = from;
    for (const event of events) {
      const halt = this.messagesOf(event, messages);
      if (halt) return { messages, upTo, halt };
      upTo = event.globalPosition;
    }
    return { messages, upTo, halt: null };
  }

  /** Adds the event's messages to `messages`, or returns why the relay must halt at it. */
  private messagesOf(event: RecordedEvent, messages: OutgoingMessage[]): string | null {
    let produced;
    try {
      produced = mappedMessagesFor(event, this.topics, this.pseudonyms);
    } catch (error) {
      if (error instanceof MessageMappingError) return error.message;
      throw error;
    }
    // Validated as objects, then serialised once. The same as validating the sent text: values
    // come from JSON event data, and a field mapped to undefined is missing in both.
    for (const message of produced) {
      if (message.body === null) continue;
      const violation = this.validator.check(message.topic, message.body);
      if (violation) {
        return (
          `${event.type} at position ${event.globalPosition} does not match the schema of ` +
          `${message.topic}: ${violation.path} breaks ${violation.rule}. Nothing from this event on is published.`
        );
      }
    }
    for (const message of produced) {
      const outgoing = serialised(message);
      if (this.topicPrefix) outgoing.topic = this.topicPrefix + outgoing.topic;
      messages.push(outgoing);
    }
    return null;
  }
}
