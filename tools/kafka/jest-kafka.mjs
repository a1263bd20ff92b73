// The Kafka broker of a Jest run. Started by the global setup only when the run includes Kafka
// tests (a whole run, or paths naming kafka, relay or analytics), so that other runs pay nothing.
// KAFKA_BROKERS, when set, names a cluster to use instead. Tests find the brokers in
// HAVEN_TEST_KAFKA_BROKERS (libs/platform/kafka/src/testing.ts); when none was started, they fail
// saying why rather than skip.
import { startKafka } from './broker.mjs';

const KAFKA_TEST_PATHS = /kafka|relay|analytic/i;

/** Whether this run may include a Kafka test, from the paths it was given. */
export function runNeedsKafka(globalConfig) {
  const patterns = globalConfig?.testPathPatterns?.patterns ?? globalConfig?.nonFlagArgs ?? [];
  if (globalConfig?.selectProjects?.includes?.('unit')) return false;
  return patterns.length === 0 || patterns.some((pattern) => KAFKA_TEST_PATHS.test(pattern));
}

export async function startTestKafka(globalConfig) {
  if (process.env.KAFKA_BROKERS) {
    process.env.HAVEN_TEST_KAFKA_BROKERS = process.env.KAFKA_BROKERS;
    return;
  }
  if (!runNeedsKafka(globalConfig)) return;
  const started = Date.now();
  // Only errors: the broker's routine warnings (a fresh log's activation) are noise here.
  const log = (line) => line.startsWith('ERROR') && process.stderr.write(`[kafka] ${line}\n`);
  const kafka = await startKafka({ log });
  globalThis.__havenKafka = kafka;
  process.env.HAVEN_TEST_KAFKA_BROKERS = kafka.brokers.join(',');
  process.stderr.write(
    `\nApache Kafka for tests ready on ${kafka.brokers.join(',')} in ${Date.now() - started} ms\n`,
  );
}

export async function stopTestKafka() {
  await globalThis.__havenKafka?.stop();
}
