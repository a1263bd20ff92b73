import type { IncomingMessage, KafkaClientFactory } from './kafka-port';
import { platformaticKafka } from './platformatic';

/**
 * The brokers of this Jest run (tools/kafka/jest-kafka.mjs starts one, or KAFKA_BROKERS names a
 * cluster). Throws, rather than skipping, when there is none: a Kafka test that does not run
 * is a failure.
 */
export function testKafkaBrokers(): string[] {
  const brokers = process.env.HAVEN_TEST_KAFKA_BROKERS;
  if (!brokers) {
    throw new Error(
      'No Kafka broker for this test: run it through Jest with a path naming kafka, relay or analytics (the global setup then starts one), or set KAFKA_BROKERS.',
    );
  }
  return brokers.split(',');
}

export function testKafka(): KafkaClientFactory {
  return platformaticKafka({ brokers: testKafkaBrokers() });
}

/** Every message of the topics, from the beginning to their current end. */
export async function readAllMessages(
  kafka: KafkaClientFactory,
  topics: readonly string[],
): Promise<IncomingMessage[]> {
  const reader = kafka.reader('test-reader');
  const messages: IncomingMessage[] = [];
  try {
    await reader.read(topics, { onMessage: (message) => void messages.push(message) });
  } finally {
    await reader.close();
  }
  return messages;
}

/** Messages as one text (keys, values, headers), to search for strings that must not be there. */
export function messagesText(messages: readonly IncomingMessage[]): string {
  return JSON.stringify(messages, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
}
