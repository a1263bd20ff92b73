import type { Field } from './fields';
import type { PseudonymKind } from './pseudonyms';

/** What one event type publishes: its fields, by the name analysts see (an allow-list). */
export type PublishedEvent = Readonly<Record<string, Field>>;

/**
 * One Kafka topic of the analysts' feed, declared next to the contract it publishes. The topic
 * name carries its version (`haven.<service>.<topic>.v<N>`): a breaking change is a new topic.
 */
export interface TopicDefinition {
  name: string;
  /** The version in the name, also sent in the `haven-schema-version` header. */
  version: number;
  description: string;
  /** The stream category this topic follows (one aggregate kind). */
  category: string;
  /**
   * Messages are keyed by the pseudonym of the stream's id, of this kind, so each stream keeps its
   * order. Topics keyed by `person` get a tombstone when that person is erased.
   */
  keyKind: PseudonymKind;
  /** The events published, by stored type. Events of the category not listed are not published. */
  events: Readonly<Record<string, PublishedEvent>>;
  /**
   * Person-keyed topics: the event (of any category) that erases a person, and the data field
   * holding the person's id. The relay then publishes a tombstone (null value) for their key.
   */
  erasure?: { eventType: string; personIdField: string };
  /** Partitions and retention unless the environment overrides them (tools/relay/config.ts). */
  partitions: number;
  retentionDays: number;
}

export function defineTopic(topic: TopicDefinition): TopicDefinition {
  const match = /^haven\.[a-z]+\.[a-z-]+\.v(\d+)$/.exec(topic.name);
  if (!match || Number(match[1]) !== topic.version) {
    throw new Error(
      `Topic ${topic.name}: the name must be haven.<service>.<topic>.v${topic.version}.`,
    );
  }
  if (topic.erasure && topic.keyKind !== 'person') {
    throw new Error(`Topic ${topic.name}: only person-keyed topics carry erasure tombstones.`);
  }
  return topic;
}
