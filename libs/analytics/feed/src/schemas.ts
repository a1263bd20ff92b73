import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import type { JsonSchema } from './fields';
import type { TopicDefinition } from './topic';
import { cachedValidator } from './validator-cache';

/** Where the published schemas live: one file per topic, named after it. */
export const SCHEMAS_DIR = path.resolve(__dirname, '../schemas');

export function schemaFile(topic: string): string {
  return path.join(SCHEMAS_DIR, `${topic}.schema.json`);
}

/**
 * The JSON Schema of a topic's message values, from its declaration: one branch per event type,
 * every field required (nullable ones say so), nothing else allowed.
 */
export function topicSchema(topic: TopicDefinition): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `urn:haven:analytics:${topic.name}`,
    title: topic.name,
    description: topic.description,
    oneOf: Object.entries(topic.events).map(([type, fields]) => ({
      type: 'object',
      additionalProperties: false,
      required: ['type', 'schemaVersion', 'data'],
      properties: {
        type: { const: type },
        schemaVersion: { const: topic.version },
        data: {
          type: 'object',
          additionalProperties: false,
          required: Object.keys(fields),
          properties: Object.fromEntries(
            Object.entries(fields).map(([name, field]) => [name, field.schema]),
          ),
        },
      },
    })),
  };
}

/** The schema as published (the committed file), which every message is validated against. */
export function publishedSchema(topic: string): JsonSchema {
  return JSON.parse(readFileSync(schemaFile(topic), 'utf8')) as JsonSchema;
}

export interface SchemaViolation {
  /** Where in the message (a JSON pointer) and which rule: never the value. */
  path: string;
  rule: string;
}

/** Validates message values against the published schemas of the given topics. */
export class MessageValidator {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(
    topics: readonly TopicDefinition[],
    schemaOf: (topic: string) => JsonSchema = publishedSchema,
  ) {
    for (const topic of topics)
      this.validators.set(topic.name, cachedValidator(schemaOf(topic.name)));
  }

  /** Null when the value is valid, else the first violation. */
  check(topic: string, value: unknown): SchemaViolation | null {
    const validate = this.validators.get(topic);
    if (!validate) return { path: '', rule: `no schema for topic ${topic}` };
    if (validate(value)) return null;
    // With oneOf, the most telling error is the deepest one.
    const errors = [...(validate.errors ?? [])].sort(
      (a, b) => b.instancePath.length - a.instancePath.length,
    );
    const error = errors[0];
    return {
      path: error?.instancePath || '/',
      rule: error ? `${error.keyword} (${error.schemaPath})` : 'invalid',
    };
  }
}
