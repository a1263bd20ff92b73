/**
 * `npm run bench:kafka`: the analysts' feed against a real Apache Kafka broker started for the run.
 *
 * 1. Relay throughput, the log pre-filled with HAVEN_BENCH_EVENTS (200,000) events, beside Kafka's
 *    own ProducerPerformance (same jars, same broker, same record count and size, acks=all,
 *    idempotence). Target: ≥ 80% of it. The relay maps in a worker thread, as `npm run relay`
 *    runs it; the same relay mapping in its own thread is measured too.
 * 2. Latency from append to a consumer's receipt, at 1,000 events/s for 10 s. Target: p99 ≤ 100 ms.
 * 3. The clients compared: the same prepared messages sent by @platformatic/kafka and kafkajs.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import {
  AnalyticsRelay,
  FEED_TOPICS,
  HEADERS,
  messagesFor,
  Pseudonymiser,
  type RelayLogger,
} from '@haven/analytics/feed';
import { migrateEventStore, PostgresEventStore, type NewEvent } from '@haven/platform/event-store';
import {
  platformaticKafka,
  type KafkaClientFactory,
  type OutgoingMessage,
} from '@haven/platform/kafka';
import { migrateProjections } from '@haven/platform/projections';

// Messages per send when the clients are compared: kafkajs sends a topic's batch as one request,
// and 5,000 of them can pass the broker's largest accepted message.
const CLIENT_BATCH = 1000;
const EVENTS = Number(process.env.HAVEN_BENCH_EVENTS || 200_000);
const databaseUrl = process.env.HAVEN_BENCH_DATABASE_URL as string;
const root = path.resolve(__dirname, '../..');
// The relay's progress lines would drown the figures; its warnings and errors explain a stall.
const quiet: RelayLogger = {
  info: () => {},
  warn: (_fields, message) => console.warn(`relay: ${message}`),
  error: (_fields, message) => console.error(`relay: ${message}`),
};
const pseudonyms = new Pseudonymiser({ id: 'bench', secret: randomBytes(32) });

function submitted(notificationId: string): NewEvent {
  return {
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
      possibleVictims: 2,
      minors: 1,
      submittedAt: new Date().toISOString(),
    },
    metadata: {
      actorId: 'bench',
      role: 'watchdog',
      organisationId: null,
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: new Date().toISOString(),
    },
  };
}

async function prefill(store: PostgresEventStore, count: number): Promise<void> {
  const perStream = 100;
  const streams = Math.ceil(count / perStream);
  let next = 0;
  const worker = async () => {
    while (next < streams) {
      const index = next++;
      const id = randomUUID();
      const size = Math.min(perStream, count - index * perStream);
      await store.append(
        `casenotification-${id}`,
        Array.from({ length: size }, () => submitted(id)),
        'no_stream',
      );
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

/**
 * Adds up the time the relay spends awaiting the publisher's sends (the broker's
 * acknowledgements), and notes when its first send started.
 */
function timeWaits(kafka: KafkaClientFactory) {
  const totals = { sendMs: 0, firstSendAt: NaN };
  const publisher = kafka.publisher.bind(kafka);
  kafka.publisher = (clientId) => {
    const made = publisher(clientId);
    const send = made.send.bind(made);
    made.send = async (messages) => {
      const started = performance.now();
      if (Number.isNaN(totals.firstSendAt)) totals.firstSendAt = started;
      try {
        return await send(messages);
      } finally {
        totals.sendMs += performance.now() - started;
      }
    };
    return made;
  };
  return { totals };
}

function cpuMicros(usage: NodeJS.CpuUsage): number {
  return usage.user + usage.system;
}

/** CPU used by this process's finished children (Linux /proc: cutime + cstime), in µs. */
function childrenCpuMicros(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command's closing parenthesis, fields start at 3 (state): cutime is 16, cstime 17.
    return ((Number(fields[13]) + Number(fields[14])) * 1_000_000) / 100;
  } catch {
    return NaN;
  }
}

/**
 * The machine's CPU time so far, all cores (Linux /proc/stat, in clock ticks), to tell how busy
 * the machine was over a span: the broker, PostgreSQL and this process included.
 */
function machineTicks(): { busy: number; total: number } {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const values = ticks.map(Number);
    const total = values.reduce((sum, value) => sum + value, 0);
    // Fields: user nice system idle iowait irq softirq steal …; idle and iowait are not busy.
    return { busy: total - values[3] - values[4], total };
  } catch {
    return { busy: NaN, total: NaN };
  }
}

/** The share of the machine's CPU that was busy since `from` (0 to 1). */
function busySince(from: { busy: number; total: number }): number {
  const now = machineTicks();
  return (now.busy - from.busy) / (now.total - from.total);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const broker = await import(path.join(root, 'tools/kafka/broker.mjs'));
  console.log('starting Apache Kafka…');
  const kafkaServer = await broker.startKafka({ jvm: ['-Xms512m', '-Xmx1g'] });
  const brokers: string[] = kafkaServer.brokers;
  const kafka = platformaticKafka({ brokers });
  await migrateEventStore(databaseUrl);
  await migrateProjections(databaseUrl);
  const store = new PostgresEventStore({ connectionString: databaseUrl });
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  try {
    // 1. Relay throughput.
    console.log(`pre-filling the log with ${EVENTS.toLocaleString('en')} events…`);
    await prefill(store, EVENTS);
    const head = await store.headPosition();
    const sample = (await store.readAll({ fromPosition: 1, limit: 100 })).flatMap((event) =>
      messagesFor(event, FEED_TOPICS, pseudonyms),
    );
    const recordSize = Math.round(
      sample.reduce((sum, message) => sum + Buffer.byteLength(message.value ?? ''), 0) /
        sample.length,
    );
    const relayOf = (name: string, inWorker: boolean) =>
      new AnalyticsRelay({
        store,
        pool,
        kafka,
        topics: FEED_TOPICS,
        pseudonyms,
        log: quiet,
        name,
        topicPrefix: `${name}.`,
        batchSize: 5000,
        workerDatabaseUrl: inWorker ? databaseUrl : undefined,
        // No pollIntervalMs: the relay's default, so that the latency below comes from its waking
        // on the store's notifications, not from polling.
      });
    // Until the relay has published the whole log: its rate, and the CPU of the whole process
    // (the worker thread's included).
    const catchUp = async (relay: AnalyticsRelay) => {
      const startedAt = performance.now();
      const cpu = process.cpuUsage();
      relay.start();
      let progressAt = Date.now();
      let lastCheckpoint = 0;
      while ((relay.status().checkpoint ?? 0) < head) {
        const status = relay.status();
        if (status.state === 'failed') throw new Error(status.error);
        if ((status.checkpoint ?? 0) > lastCheckpoint) {
          lastCheckpoint = status.checkpoint ?? 0;
          progressAt = Date.now();
        } else if (Date.now() - progressAt > 120_000) {
          throw new Error(`the relay made no progress for 2 minutes: ${JSON.stringify(status)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const endedAt = performance.now();
      const seconds = (endedAt - startedAt) / 1000;
      return {
        seconds,
        rate: EVENTS / seconds,
        cpuUs: cpuMicros(process.cpuUsage(cpu)) / EVENTS,
        startedAt,
        endedAt,
      };
    };
    // The relay as `npm run relay` runs it (mapping in a worker thread), and in one thread.
    const oneThread = relayOf('bench-thread', false);
    const thread = await catchUp(oneThread);
    await oneThread.stop();
    console.log(
      `relay mapping in its own thread: ${Math.round(thread.rate).toLocaleString('en')} events/s (${thread.seconds.toFixed(1)} s, ${thread.cpuUs.toFixed(1)} µs CPU per event)`,
    );
    const relay = relayOf('bench-relay', true);
    const waits = timeWaits(kafka);
    const machineBefore = machineTicks();
    const measured = await catchUp(relay);
    const relayMachineBusy = busySince(machineBefore);
    const relaySeconds = measured.seconds;
    const relayRate = measured.rate;
    const relayCpuUs = measured.cpuUs;
    const relayWaits = { ...waits.totals };
    // As ProducerPerformance times itself: from its first send, its start-up (here the worker
    // thread's, the topics' and the first batch's reading and mapping) left out.
    const startUpSeconds = (relayWaits.firstSendAt - measured.startedAt) / 1000;
    const fromFirstSendRate = EVENTS / ((measured.endedAt - relayWaits.firstSendAt) / 1000);
    console.log(
      `relay: ${(relayWaits.sendMs / 1000).toFixed(1)} s awaiting the broker's acknowledgements; first send ${startUpSeconds.toFixed(2)} s after start`,
    );
    console.log(
      `relay, mapping in a worker thread: ${Math.round(relayRate).toLocaleString('en')} events/s (${relaySeconds.toFixed(1)} s, ${recordSize} B per value, ${relayCpuUs.toFixed(1)} µs CPU per event in Node, both threads)`,
    );

    await kafka.admin('bench').ensureTopics([{ name: 'bench-perf', partitions: 3, config: {} }]);
    const childCpuBefore = childrenCpuMicros();
    const perfMachineBefore = machineTicks();
    const perfOutput: string = await broker.runKafkaTool(
      'org.apache.kafka.tools.ProducerPerformance',
      [
        '--topic',
        'bench-perf',
        '--num-records',
        String(EVENTS),
        '--record-size',
        String(recordSize),
        '--throughput',
        '-1',
        '--producer-props',
        `bootstrap.servers=${brokers.join(',')}`,
        'acks=all',
        'enable.idempotence=true',
      ],
    );
    const perfMachineBusy = busySince(perfMachineBefore);
    const summary = perfOutput.trim().split('\n').pop() ?? '';
    const perfRate = Number(/([\d.]+) records\/sec/.exec(summary)?.[1] ?? NaN);
    // The JVM's whole CPU (start-up and JIT included) over the records: an upper bound.
    const perfCpuUs = (childrenCpuMicros() - childCpuBefore) / EVENTS;
    console.log(
      `ProducerPerformance: ${Math.round(perfRate).toLocaleString('en')} records/s, ${perfCpuUs.toFixed(1)} µs CPU per record in the JVM (${summary})`,
    );

    // 2. Append → consumer latency at 1,000 events/s.
    const appendedAt = new Map<string, number>();
    const committedAt = new Map<string, number>();
    const latencies: number[] = [];
    const sinceCommit: number[] = [];
    const reader = kafka.reader('bench-latency');
    const topic = `bench-relay.${FEED_TOPICS[0].name}`;
    const total = 10_000;
    const reading = reader.read([topic], {
      untilEnd: false,
      onMessage: (message) => {
        const at = appendedAt.get(message.headers[HEADERS.eventId]);
        if (at !== undefined) latencies.push(performance.now() - at);
        const committed = committedAt.get(message.headers[HEADERS.eventId]);
        if (committed !== undefined) sinceCommit.push(performance.now() - committed);
        return latencies.length < total;
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the reader joins its group
    // One event per millisecond; `track` follows the event's append and commit.
    const appendPaced = async (count: number, track: boolean) => {
      const appends: Array<Promise<unknown>> = [];
      const started = performance.now();
      for (let i = 0; i < count; i++) {
        const wait = started + i - performance.now();
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
        const id = randomUUID();
        const event = submitted(id);
        const eventPseudonym = pseudonyms.pseudonym('event', event.eventId as string);
        if (track) appendedAt.set(eventPseudonym, performance.now());
        const append = store.append(`casenotification-${id}`, [event], 'no_stream');
        if (track) void append.then(() => committedAt.set(eventPseudonym, performance.now()));
        else appends.push(append);
      }
      await Promise.all(appends);
    };
    // A second at the same rate first, not timed: the store's pool closed its connections while
    // idle during the figures before (pg's 10 s idle timeout), and the first ~200 appends waited
    // up to 2 s for them to reopen. The figure is the steady state; ADR 15 notes the cold start.
    await appendPaced(1000, false);
    await appendPaced(total, true);
    await Promise.race([reading, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    await reader.close();
    await relay.stop();
    latencies.sort((a, b) => a - b);
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    sinceCommit.sort((a, b) => a - b);
    const commitP50 = percentile(sinceCommit, 50);
    const commitP99 = percentile(sinceCommit, 99);
    console.log(
      `append → consumer at 1,000/s: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (${latencies.length} received); from the append's commit: p50 ${commitP50.toFixed(1)} ms, p99 ${commitP99.toFixed(1)} ms`,
    );

    // 3. The clients, sending the same prepared messages.
    const prepared: OutgoingMessage[] = [];
    for (let from = 1; prepared.length < EVENTS; from += 5000) {
      const events = await store.readAll({ fromPosition: from, limit: 5000 });
      if (!events.length) break;
      for (const event of events) prepared.push(...messagesFor(event, FEED_TOPICS, pseudonyms));
    }
    prepared.length = Math.min(prepared.length, EVENTS);
    const clients: Record<string, number> = {};
    await kafka.admin('bench').ensureTopics([
      { name: 'bench-platformatic', partitions: 3, config: {} },
      { name: 'bench-kafkajs', partitions: 3, config: {} },
    ]);
    {
      const publisher = kafka.publisher('bench-platformatic');
      const t = performance.now();
      for (let i = 0; i < prepared.length; i += CLIENT_BATCH) {
        await publisher.send(
          prepared.slice(i, i + CLIENT_BATCH).map((m) => ({ ...m, topic: 'bench-platformatic' })),
        );
      }
      clients['@platformatic/kafka'] = prepared.length / ((performance.now() - t) / 1000);
      await publisher.close();
    }
    {
      const producer = new Kafka({ brokers, logLevel: logLevel.NOTHING }).producer({
        idempotent: true,
        maxInFlightRequests: 5,
      });
      await producer.connect();
      const t = performance.now();
      for (let i = 0; i < prepared.length; i += CLIENT_BATCH) {
        await producer.send({
          topic: 'bench-kafkajs',
          acks: -1,
          messages: prepared
            .slice(i, i + CLIENT_BATCH)
            .map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
        });
      }
      clients.kafkajs = prepared.length / ((performance.now() - t) / 1000);
      await producer.disconnect();
    }
    for (const [name, rate] of Object.entries(clients)) {
      console.log(
        `client ${name}: ${Math.round(rate).toLocaleString('en')} messages/s (${((rate / perfRate) * 100).toFixed(0)}% of ProducerPerformance)`,
      );
    }

    const ratio = relayRate / perfRate;
    console.log(
      `\nrelay / ProducerPerformance: ${(ratio * 100).toFixed(0)}% (target ≥ 80%: ${ratio >= 0.8 ? 'met' : 'missed'}); mapping in its own thread: ${((thread.rate / perfRate) * 100).toFixed(0)}%`,
    );
    console.log(
      `relay from its first send, as ProducerPerformance times itself: ${Math.round(fromFirstSendRate).toLocaleString('en')} events/s, ${((fromFirstSendRate / perfRate) * 100).toFixed(0)}% (its start-up took ${startUpSeconds.toFixed(2)} s)`,
    );
    console.log(
      `CPU per event: relay ${relayCpuUs.toFixed(1)} µs (Node, both threads: reading the log, mapping, pseudonyms, schema, client), ProducerPerformance ${perfCpuUs.toFixed(1)} µs (JVM): ${(relayCpuUs / perfCpuUs).toFixed(1)}×; load average ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
    console.log(
      `machine CPU busy (every process, all cores): ${(relayMachineBusy * 100).toFixed(0)}% while the relay caught up, ${(perfMachineBusy * 100).toFixed(0)}% while ProducerPerformance ran (its JVM's start included)`,
    );
    console.log(
      `latency p99: ${p99.toFixed(1)} ms (target ≤ 100 ms: ${p99 <= 100 ? 'met' : 'missed'})`,
    );
    const result = {
      at: new Date().toISOString(),
      events: EVENTS,
      recordSizeBytes: recordSize,
      relay: {
        eventsPerSecond: relayRate,
        seconds: relaySeconds,
        cpuMicrosPerEvent: relayCpuUs,
        startUpSeconds,
        fromFirstSend: { eventsPerSecond: fromFirstSendRate, ratio: fromFirstSendRate / perfRate },
      },
      relayInOneThread: {
        eventsPerSecond: thread.rate,
        seconds: thread.seconds,
        cpuMicrosPerEvent: thread.cpuUs,
        ratio: thread.rate / perfRate,
      },
      producerPerformance: { recordsPerSecond: perfRate, summary, cpuMicrosPerRecord: perfCpuUs },
      loadAverage: loadavg(),
      machineCpuBusy: { relay: relayMachineBusy, producerPerformance: perfMachineBusy },
      relayRatio: ratio,
      latencyMs: {
        p50,
        p99,
        received: latencies.length,
        ratePerSecond: 1000,
        fromCommit: { p50: commitP50, p99: commitP99 },
      },
      relaySendWaitMs: relayWaits.sendMs,
      clients,
      targets: { relayRatio: 0.8, latencyP99Ms: 100 },
    };
    const dir = path.join(root, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const stamp = result.at.replace(/[:.]/g, '-');
    writeFileSync(path.join(dir, `kafka-${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(path.join(dir, 'kafka-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await store.close();
    await pool.end();
    await kafkaServer.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench:kafka failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
