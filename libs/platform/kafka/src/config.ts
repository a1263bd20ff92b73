/**
 * The brokers to use: KAFKA_BROKERS (comma-separated host:port), or null when none is set (the
 * caller then starts the local broker, or runs without the analysts' feed).
 */
export function kafkaBrokersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] | null {
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  return brokers.length ? brokers : null;
}
