// The relay as `npm start` runs it: a process of its own, killed mid-batch, stopped by SIGTERM,
// and facing a broker that is not there yet, then goes away, then comes back.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { CASE_NOTIFICATIONS_V1, HEADERS, Pseudonymiser } from '@haven/analytics/feed';
import { metadata } from '@haven/analytics/feed/testing';
import { eventually } from '@haven/platform/testing';
import { migrateEventStore, PostgresEventStore, type NewEvent } from '@haven/platform/event-store';
import { platformaticKafka } from '@haven/platform/kafka';
import { readAllMessages, testKafkaBrokers } from '@haven/platform/kafka/testing';
import { migrateProjections } from '@haven/platform/projections';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { Pool } from 'pg';

const root = path.resolve(__dirname, '../..');
const secret = randomBytes(32);
const pseudonyms = new Pseudonymiser({ id: 'crash-test', secret });
const TOPIC = CASE_NOTIFICATIONS_V1.name;

let db: TestDatabase;
let store: PostgresEventStore;
let pool: Pool;

beforeAll(async () => {
  db = await createTestDatabase('relay_process');
  await migrateEventStore(db.url);
  await migrateProjections(db.url);
  store = new PostgresEventStore({ connectionString: db.url, poolSize: 4 });
  pool = new Pool({ connectionString: db.url, max: 2 });
});
afterAll(async () => {
  await store.close();
  await pool.end();
  await db.drop();
});

async function appendNotifications(count: number): Promise<string[]> {
  const eventIds: string[] = [];
  for (let start = 0; start < count; start += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, count - start) }, async () => {
        const notificationId = randomUUID();
        const event: NewEvent = {
          eventId: randomUUID(),
          type: 'CaseNotificationSubmitted',
          data: {
            notificationId,
            reportedBy: 'WATCHDOG',
            reporterReference: null,
            formOfExploitation: 'SEX_TRAFFICKING',
            country: 'TH',
            province: null,
            abroad: false,
            possibleVictims: 1,
            minors: 0,
            submittedAt: '2026-01-02T03:04:05.000Z',
          },
          metadata: metadata(),
        };
        await store.append(`casenotification-${notificationId}`, [event], 'no_stream');
        eventIds.push(event.eventId as string);
      }),
    );
  }
  return eventIds;
}

async function checkpoint(name: string): Promise<number> {
  const { rows } = await pool.query<{ position: string }>(
    'SELECT position FROM projections.checkpoints WHERE name = $1',
    [name],
  );
  return rows.length ? Number(rows[0].position) : 0;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface RelayChild {
  child: ChildProcess;
  port: number;
  output: string[];
  exited: Promise<number | null>;
}

async function startRelay(brokers: string[], prefix: string): Promise<RelayChild> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/relay/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      KAFKA_BROKERS: brokers.join(','),
      HAVEN_ANALYTICS_KEY: `crash-test:${secret.toString('base64')}`,
      HAVEN_RELAY_PORT: String(port),
      HAVEN_RELAY_BATCH_SIZE: '500',
      HAVEN_RELAY_LAG_LOG_SECONDS: '1',
      HAVEN_KAFKA_TOPIC_PREFIX: prefix,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => output.push(String(chunk)));
  child.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, port, output, exited };
}

/** A broker of this test's own (tools/kafka/broker.mjs), to stop and start again. */
async function startBroker(port: number, dataDir: string): Promise<{ stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['tools/kafka/broker.mjs', 'start', '--port', String(port), '--data-dir', dataDir],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stderr?.on('data', (chunk) => {
      output += String(chunk);
      if (output.includes('Apache Kafka on')) resolve();
    });
    void exited.then(() => reject(new Error(`the test broker exited:\n${output}`)));
  });
  return {
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function ready(
  relay: RelayChild,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`http://127.0.0.1:${relay.port}/health/ready`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function dedup(messages: Awaited<ReturnType<typeof readAllMessages>>): Set<string> {
  return new Set(messages.map((message) => message.headers[HEADERS.eventId]));
}

/**
 * How many events, in their partitions, came before an event that the log holds earlier. Only
 * the first copy of each counts: a batch sent again after a crash or an outage repeats what came
 * after it, and consumers deduplicating by id then still see each stream in the log's order.
 */
async function outOfLogOrder(
  messages: Awaited<ReturnType<typeof readAllMessages>>,
  fromPosition: number,
): Promise<number> {
  const events = await store.readAll({ fromPosition, limit: 10_000 });
  const positions = new Map(
    events.map((event) => [pseudonyms.pseudonym('event', event.eventId), event.globalPosition]),
  );
  const partitions = new Map<number, typeof messages>();
  for (const message of messages) {
    const inPartition = partitions.get(message.partition) ?? [];
    inPartition.push(message);
    partitions.set(message.partition, inPartition);
  }
  let outOfOrder = 0;
  for (const inPartition of partitions.values()) {
    inPartition.sort((a, b) => (a.offset < b.offset ? -1 : a.offset > b.offset ? 1 : 0));
    const seen = new Set<string>();
    let previous = 0;
    for (const message of inPartition) {
      const id = message.headers[HEADERS.eventId];
      if (seen.has(id)) continue;
      seen.add(id);
      const position = positions.get(id) ?? -1;
      if (position < previous) outOfOrder++;
      previous = Math.max(previous, position);
    }
  }
  return outOfOrder;
}

describe('the relay process', () => {
  it('killed mid-batch and restarted, has published every event, each exactly once after deduplication by id; SIGTERM stops it cleanly', async () => {
    const kafka = platformaticKafka({ brokers: testKafkaBrokers() });
    const prefix = `crash-${randomBytes(4).toString('hex')}.`;
    const from = (await store.headPosition()) + 1;
    const eventIds = await appendNotifications(6000);
    const last = await store.headPosition();

    const first = await startRelay(testKafkaBrokers(), prefix);
    await eventually(async () => expect(await checkpoint('analytics-relay')).toBeGreaterThan(0), {
      timeoutMs: 60_000,
    });
    first.child.kill('SIGKILL');
    await first.exited;
    const killedAt = await checkpoint('analytics-relay');
    expect(killedAt).toBeLessThan(last);

    const second = await startRelay(testKafkaBrokers(), prefix);
    try {
      await eventually(async () => expect(await checkpoint('analytics-relay')).toBe(last), {
        timeoutMs: 60_000,
      });
      await eventually(async () => {
        const { status, body } = await ready(second);
        expect(status).toBe(200);
        expect(body.lag).toEqual({ positions: 0, seconds: 0 });
      });
      // The lag is logged on a timer (every second here), which may not have fired yet when the
      // relay has already caught up.
      await eventually(async () => expect(second.output.join('')).toMatch(/"lagPositions":\d+/));

      const messages = await readAllMessages(kafka, [prefix + TOPIC]);
      const expected = new Set(eventIds.map((id) => pseudonyms.pseudonym('event', id)));
      expect(dedup(messages)).toEqual(expected);
      expect(messages.length).toBeGreaterThanOrEqual(eventIds.length);
      expect(await outOfLogOrder(messages, from)).toBe(0);
    } finally {
      // A relay left running would move the shared checkpoint under the next test.
      second.child.kill('SIGTERM');
    }
    expect(await second.exited).toBe(0);
    expect(second.output.join('')).toContain('analytics relay stopped');
  }, 180_000);

  it('waits for a broker that is not there yet, reports not ready, and loses nothing when the broker goes away mid-run and comes back', async () => {
    const port = await freePort();
    const dataDir = path.join(root, 'tmp', `kafka-outage-${randomBytes(4).toString('hex')}`);
    const prefix = `outage-${randomBytes(4).toString('hex')}.`;
    const brokers = [`127.0.0.1:${port}`];
    const before = await checkpoint('analytics-relay');
    const from = (await store.headPosition()) + 1;
    const firstIds = await appendNotifications(300);

    const relay = await startRelay(brokers, prefix);
    let broker: { stop(): Promise<void> } | undefined;
    try {
      await eventually(async () => {
        const { status, body } = await ready(relay);
        expect(status).toBe(503);
        expect((body.lag as { positions: number }).positions).toBeGreaterThan(0);
      });
      expect(await checkpoint('analytics-relay')).toBe(before);

      broker = await startBroker(port, dataDir);
      await eventually(async () => expect((await ready(relay)).status).toBe(200), {
        timeoutMs: 90_000,
      });

      // Several batches (of 500 here) meet the outage, and are sent again in order.
      await broker.stop();
      const secondIds = await appendNotifications(1500);
      await eventually(async () => expect((await ready(relay)).status).toBe(503), {
        timeoutMs: 60_000,
      });
      const stalled = await checkpoint('analytics-relay');

      broker = await startBroker(port, dataDir);
      const last = await store.headPosition();
      expect(stalled).toBeLessThan(last);
      await eventually(async () => expect(await checkpoint('analytics-relay')).toBe(last), {
        timeoutMs: 90_000,
      });
      expect((await ready(relay)).status).toBe(200);

      const messages = await readAllMessages(platformaticKafka({ brokers }), [prefix + TOPIC]);
      const expected = new Set(
        [...firstIds, ...secondIds].map((id) => pseudonyms.pseudonym('event', id)),
      );
      expect(dedup(messages)).toEqual(expected);
      expect(await outOfLogOrder(messages, from)).toBe(0);
      expect(relay.output.join('')).toContain('retrying');
    } finally {
      relay.child.kill('SIGTERM');
      await relay.exited;
      await broker?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
