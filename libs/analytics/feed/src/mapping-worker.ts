// The relay's worker thread (ADR 15): follows the log from the relay's checkpoint and maps each
// batch, handing it to the relay's thread, which sends it and checkpoints. It holds at most one
// batch the relay has not taken: it reads the next only after the relay asked for it.
import { parentPort, workerData } from 'node:worker_threads';
import { PostgresEventStore } from '@haven/platform/event-store';
import { BatchMapper, type MappedBatch } from './batch-mapper';
import { describeError } from './describe-error';
import { categoriesOf } from './messages';
import { Pseudonymiser } from './pseudonyms';
import { FEED_TOPICS } from './topics';

/** What the relay starts its worker with. */
export interface MappingWorkerData {
  connectionString: string;
  key: { id: string; secret: Uint8Array };
  topicPrefix: string;
  /** The relay's checkpoint: the worker reads from the position after it. */
  from: number;
  batchSize: number;
  firstBatchSize: number;
  pollIntervalMs?: number;
  /** Read by worker-register.cjs, before this file loads, when the relay runs as TypeScript. */
  swcOptions?: object;
}

/** What the worker tells the relay. */
export type MappingWorkerMessage =
  { type: 'batch'; batch: MappedBatch } | { type: 'stopped' } | { type: 'failed'; error: string };

function main(port: NonNullable<typeof parentPort>, data: MappingWorkerData): void {
  const store = new PostgresEventStore({ connectionString: data.connectionString, poolSize: 2 });
  const mapper = new BatchMapper(
    FEED_TOPICS,
    new Pseudonymiser({ id: data.key.id, secret: Buffer.from(data.key.secret) }),
    data.topicPrefix,
  );
  const post = (message: MappingWorkerMessage) => port.postMessage(message);
  let mappedUpTo = data.from;
  let wanted = 1;
  let wake: (() => void) | null = null;
  let halted = false;
  let stopping = false;
  const subscription = store.subscribeBatches(
    data.from + 1,
    async (events) => {
      // Past an event that halts the relay, nothing more is handed over: the relay stops it.
      if (halted || stopping) return;
      const batch = mapper.map(events, mappedUpTo);
      mappedUpTo = batch.upTo;
      while (wanted === 0 && !stopping) await new Promise<void>((resolve) => (wake = resolve));
      if (stopping) return;
      wanted--;
      post({ type: 'batch', batch });
      halted = batch.halt !== null;
    },
    {
      batchSize: data.batchSize,
      firstBatchSize: data.firstBatchSize,
      categories: categoriesOf(FEED_TOPICS),
      pollIntervalMs: data.pollIntervalMs,
    },
  );
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    wake?.();
    await subscription.stop();
    await store.close().catch(() => undefined);
    post({ type: 'stopped' });
  };
  port.on('message', (message: 'next' | 'stop') => {
    if (message === 'next') {
      wanted++;
      wake?.();
    } else void stop();
  });
  subscription.done.catch(async (error: unknown) => {
    await store.close().catch(() => undefined);
    post({ type: 'failed', error: describeError(error) });
  });
}

if (parentPort) main(parentPort, workerData as MappingWorkerData);
