import path from 'node:path';
import { feedKeyFromEnv, type FeedKey, type TopicDefinition } from '@haven/analytics/feed';
import { kafkaBrokersFromEnv } from '@haven/platform/kafka';

/** The relay's settings, from the environment (README "For analysts"). */
export interface RelayConfig {
  databaseUrl: string;
  brokers: string[];
  key: FeedKey;
  /** Port of /health/live and /health/ready (HAVEN_RELAY_PORT, default 4010). */
  port: number;
  batchSize: number;
  /** How often the lag is logged (HAVEN_RELAY_LAG_LOG_SECONDS, default 30). */
  lagLogMs: number;
  /** HAVEN_KAFKA_TOPIC_PREFIX: before every topic name, for installations sharing a cluster. */
  topicPrefix: string;
  topicSettings: (topic: TopicDefinition) => { partitions: number; config: Record<string, string> };
  /** Read and map the log in a worker thread (HAVEN_RELAY_WORKER, default on; `0` turns it off). */
  mapInWorker: boolean;
}

const DEFAULT_KEYS_DIR = path.resolve(__dirname, '../../.data/keys');

export class RelayConfigError extends Error {
  override name = 'RelayConfigError';
}

export function relayConfigFromEnv(env: NodeJS.ProcessEnv): RelayConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new RelayConfigError('DATABASE_URL must be set.');
  const brokers = kafkaBrokersFromEnv(env);
  if (!brokers)
    throw new RelayConfigError('KAFKA_BROKERS must name the Kafka brokers (host:port,...).');
  const number = (name: string, fallback: number) => {
    const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
    if (!Number.isSafeInteger(value) || value <= 0)
      throw new RelayConfigError(`${name} must be a positive integer.`);
    return value;
  };
  // Topic settings: HAVEN_KAFKA_PARTITIONS and HAVEN_KAFKA_RETENTION_DAYS apply to every topic
  // (docker-compose.yml sets the same); otherwise each topic's declared defaults.
  const partitions = env.HAVEN_KAFKA_PARTITIONS ? number('HAVEN_KAFKA_PARTITIONS', 1) : null;
  const retentionDays = env.HAVEN_KAFKA_RETENTION_DAYS
    ? number('HAVEN_KAFKA_RETENTION_DAYS', 1)
    : null;
  return {
    databaseUrl,
    brokers,
    key: feedKeyFromEnv(env, env.HAVEN_KEYS_DIR || DEFAULT_KEYS_DIR),
    port: number('HAVEN_RELAY_PORT', 4010),
    batchSize: number('HAVEN_RELAY_BATCH_SIZE', 2000),
    lagLogMs: number('HAVEN_RELAY_LAG_LOG_SECONDS', 30) * 1000,
    topicPrefix: env.HAVEN_KAFKA_TOPIC_PREFIX ?? '',
    mapInWorker: mapInWorker(env.HAVEN_RELAY_WORKER),
    topicSettings: (topic) => ({
      partitions: partitions ?? topic.partitions,
      config: {
        'retention.ms': String((retentionDays ?? topic.retentionDays) * 86_400_000),
        'cleanup.policy': 'delete',
      },
    }),
  };
}

function mapInWorker(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '1') return true;
  if (value === '0') return false;
  throw new RelayConfigError('HAVEN_RELAY_WORKER must be 1 (the default) or 0.');
}
