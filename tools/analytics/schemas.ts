/**
 * `npm run analytics:schemas`: writes the JSON Schema of every topic of the analysts' feed to
 * libs/analytics/feed/schemas/<topic>.schema.json, the files analysts get. It refuses a change that
 * would break consumers of a published version: that needs a new topic version (a `.v2` topic).
 * `--check` writes nothing and fails when a file is missing or differs (CI, through the spec).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  breakingChanges,
  FEED_TOPICS,
  SCHEMAS_DIR,
  schemaFile,
  topicSchema,
  type JsonSchema,
} from '@haven/analytics/feed';

export interface SchemaFileStatus {
  topic: string;
  state: 'same' | 'new' | 'compatible' | 'breaking';
  problems: string[];
}

export function schemaText(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** How each topic's generated schema compares with its published file. */
export function compareSchemas(): SchemaFileStatus[] {
  return FEED_TOPICS.map((topic) => {
    const file = schemaFile(topic.name);
    const next = topicSchema(topic);
    if (!existsSync(file)) return { topic: topic.name, state: 'new', problems: [] };
    const text = readFileSync(file, 'utf8');
    if (text === schemaText(next)) return { topic: topic.name, state: 'same', problems: [] };
    const problems = breakingChanges(JSON.parse(text) as JsonSchema, next);
    return { topic: topic.name, state: problems.length ? 'breaking' : 'compatible', problems };
  });
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  let failed = false;
  mkdirSync(SCHEMAS_DIR, { recursive: true });
  for (const status of compareSchemas()) {
    const line = `${status.topic}: ${status.state}`;
    if (status.state === 'breaking') {
      failed = true;
      console.error(
        `${line}; publish it as a new topic version instead:\n  ${status.problems.join('\n  ')}`,
      );
    } else if (status.state !== 'same' && check) {
      failed = true;
      console.error(`${line}; run npm run analytics:schemas`);
    } else if (status.state !== 'same') {
      const topic = FEED_TOPICS.find((candidate) => candidate.name === status.topic);
      if (topic) writeFileSync(schemaFile(status.topic), schemaText(topicSchema(topic)));
      console.log(`${line}: written`);
    } else {
      console.log(line);
    }
  }
  process.exit(failed ? 1 : 0);
}
