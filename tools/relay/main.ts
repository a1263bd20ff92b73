/**
 * The analysts' feed relay: follows the global log and publishes the pseudonymised topics
 * (libs/analytics/feed). `npm start` runs it when a Kafka broker is there; alone:
 *
 *   DATABASE_URL=postgres://… KAFKA_BROKERS=127.0.0.1:9092 npm run relay
 *
 * GET /health/ready answers 200 while it publishes and the broker answers, 503 otherwise, with its
 * lag in positions and seconds. SIGTERM (or SIGINT) stops it after the batch in flight.
 */
import http from 'node:http';
import { Pool } from 'pg';
import pino from 'pino';
import { AnalyticsRelay, FEED_TOPICS, Pseudonymiser } from '@haven/analytics/feed';
import { PostgresEventStore } from '@haven/platform/event-store';
import { platformaticKafka } from '@haven/platform/kafka';
import { relayConfigFromEnv } from './config';

async function main() {
  const log = pino({ base: { service: 'relay' } });
  const config = relayConfigFromEnv(process.env);
  const store = new PostgresEventStore({ connectionString: config.databaseUrl, poolSize: 4 });
  const pool = new Pool({ connectionString: config.databaseUrl, max: 2 });
  const relay = new AnalyticsRelay({
    store,
    pool,
    kafka: platformaticKafka({ brokers: config.brokers }),
    topics: FEED_TOPICS,
    pseudonyms: new Pseudonymiser(config.key),
    log,
    batchSize: config.batchSize,
    topicSettings: config.topicSettings,
    topicPrefix: config.topicPrefix,
    workerDatabaseUrl: config.mapInWorker ? config.databaseUrl : undefined,
  });

  const server = http.createServer((request, response) => {
    void health(request.url ?? '', relay).then(({ status, body }) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(config.port, '127.0.0.1', resolve));
  log.info(
    {
      port: config.port,
      brokers: config.brokers.join(','),
      topics: FEED_TOPICS.length,
      keyId: config.key.id,
      mapInWorker: config.mapInWorker,
    },
    'analytics relay starting',
  );
  relay.start();

  const lagTimer = setInterval(() => {
    void relay
      .lag()
      .then((lag) =>
        log.info(
          { lagPositions: lag.positions, lagSeconds: Math.round(lag.seconds), ...relay.status() },
          'analytics relay lag',
        ),
      )
      .catch(() => undefined);
  }, config.lagLogMs);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(lagTimer);
    log.info({ signal }, 'analytics relay stopping');
    await relay.stop();
    server.close();
    await Promise.all([store.close(), pool.end()]);
    log.info({ checkpoint: relay.status().checkpoint }, 'analytics relay stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function health(
  url: string,
  relay: AnalyticsRelay,
): Promise<{ status: number; body: object }> {
  if (url === '/health/live') return { status: 200, body: { status: 'ok' } };
  if (url !== '/health/ready') return { status: 404, body: { error: 'not found' } };
  const lag = await relay.lag().catch(() => null);
  const ready = relay.ready() && lag !== null;
  return {
    status: ready ? 200 : 503,
    body: { status: ready ? 'ok' : 'unavailable', relay: relay.status(), lag },
  };
}

main().catch((error: Error) => {
  process.stderr.write(`The analytics relay did not start: ${error.name}: ${error.message}\n`);
  process.exit(1);
});
