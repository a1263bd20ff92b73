// The analysts' feed for `npm start`: the Kafka broker and what the relay needs to reach it.
// HAVEN_KAFKA=local (the default) starts the local broker when Java is there, keeping its data in
// .data/kafka; KAFKA_BROKERS names a cluster to use instead; HAVEN_KAFKA=off runs without the feed.
// Nothing but the relay needs Kafka: without it, Haven runs and says how to turn the feed on.
import path from 'node:path';
import { javaAvailable, startKafka } from './broker.mjs';

/** The relay as `npm start` supervises it (tools/relay/main.ts; /health/ready on its port). */
export const RELAY = {
  name: 'relay',
  port: Number(process.env.HAVEN_RELAY_PORT || 4010),
  main: 'tools/relay/main.ts',
};

/**
 * Resolves with `{ relay, env, stop }` once the brokers are known, or null when the feed is off.
 * Never rejects: a broker that fails to start turns the feed off with one line saying why.
 */
export async function startAnalyticsFeed({ root, log }) {
  const mode = process.env.HAVEN_KAFKA ?? 'local';
  if (process.env.KAFKA_BROKERS) {
    log(`analysts' feed: using KAFKA_BROKERS (${process.env.KAFKA_BROKERS})`);
    return {
      relay: RELAY,
      env: { KAFKA_BROKERS: process.env.KAFKA_BROKERS },
      stop: async () => {},
    };
  }
  if (mode === 'off') {
    log(`analysts' feed off (HAVEN_KAFKA=off); unset it, with Java 17+ installed, to turn it on`);
    return null;
  }
  if (!javaAvailable()) {
    log(
      `analysts' feed off: no Java found. Install Java 17+ (e.g. apt-get install openjdk-17-jre-headless) ` +
        `and Maven, or set KAFKA_BROKERS=host:port, then npm start again`,
    );
    return null;
  }
  const started = Date.now();
  try {
    const kafka = await startKafka({
      dataDir: path.join(root, '.data', 'kafka'),
      port: Number(process.env.HAVEN_KAFKA_PORT || 9092),
      detached: true, // Ctrl-C reaches the supervisor, which stops the broker after the relay
      jvm: ['-Xms256m', '-Xmx1g'],
      log: (line) => !/^(WARN|INFO)/.test(line) && log(line), // errors, and the jars' first resolution
    });
    process.once('exit', () => void kafka.stop());
    log(
      `Apache Kafka on ${kafka.brokers.join(',')} after ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(data in .data/kafka); the relay publishes the analysts' feed to it`,
    );
    return {
      relay: RELAY,
      env: { KAFKA_BROKERS: kafka.brokers.join(',') },
      stop: () => kafka.stop(),
    };
  } catch (error) {
    log(`analysts' feed off: the Kafka broker did not start (${error.message.split('\n')[0]})`);
    return null;
  }
}
