import { closeSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ExportVerifier, type ExportReport, type ExportVerifierOptions } from './export-verifier';
import { feedBatch, lineText, prepareBatch, type PreparedBatch } from './prepared-batch';

export interface VerifyFileOptions extends ExportVerifierOptions {
  /**
   * Worker threads that read the lines (parse, structural checks, content digests, leaves);
   * the checks in order stay in this thread. 0 or 1: all in this thread. Default: the cores.
   */
  workers?: number;
  /**
   * The script a worker runs: one that calls `serveVerifyWorker()` when it is not the main
   * thread. Default: verify-worker next to this module. A bundled verifier passes itself.
   */
  workerScript?: string;
  /** Bytes per batch (default 1 MiB); small values let tests cut lines across batches. */
  batchBytes?: number;
}

/** Bytes per batch: about 1,400 events, a few milliseconds of work for a worker. */
const BATCH_BYTES = 1 << 20;
/** Bytes read at a time to find where a line runs on past its batch. */
const READ_ON_BYTES = 1 << 16;
const NEWLINE = 10;

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Verifies an export file: the same report as feeding its lines, split on newlines (a carriage
 * return before one dropped), to ExportVerifier, whichever number of workers reads them.
 * Rejects only when the file cannot be read, or a worker cannot run.
 */
export async function verifyExportFile(
  file: string,
  options: VerifyFileOptions = {},
): Promise<ExportReport> {
  const handle = await open(file, 'r');
  try {
    const workers = options.workers ?? defaultWorkers();
    const batchBytes = options.batchBytes ?? BATCH_BYTES;
    const verifier = new ExportVerifier(options);
    if (workers <= 1) {
      for await (const bytes of batches(handle, batchBytes)) {
        for (let start = 0; start < bytes.length;) {
          const newline = bytes.indexOf(NEWLINE, start);
          const end = newline < 0 ? bytes.length : newline;
          verifier.line(lineText(bytes, start, end));
          start = end + 1;
        }
      }
    } else {
      const { size } = await handle.stat();
      const script = options.workerScript ?? defaultWorkerScript();
      await inWorkers({ file, size, fd: handle.fd, batchBytes }, verifier, workers, script);
    }
    return verifier.finish();
  } finally {
    await handle.close();
  }
}

/** The file in batches of whole lines (the last may lack its newline); longer lines grow it. */
async function* batches(handle: FileHandle, batchBytes: number): AsyncGenerator<Buffer> {
  let buffer = Buffer.allocUnsafe(batchBytes);
  let filled = 0;
  for (;;) {
    if (filled === buffer.length) {
      // A line longer than the buffer: room to read on (a read of 0 bytes would end the file).
      const larger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(larger, 0, 0, filled);
      buffer = larger;
    }
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
    filled += bytesRead;
    if (bytesRead === 0) {
      if (filled > 0) yield buffer.subarray(0, filled);
      return;
    }
    const cut = buffer.lastIndexOf(NEWLINE, filled - 1) + 1;
    if (cut === 0) continue;
    const next = Buffer.allocUnsafe(Math.max(batchBytes, filled - cut));
    buffer.copy(next, 0, cut, filled);
    yield buffer.subarray(0, cut);
    buffer = next;
    filled -= cut;
  }
}

function defaultWorkerScript(): string {
  return path.join(__dirname, `verify-worker${path.extname(__filename)}`);
}

/** Read the lines that begin in [start, end) of the file: a batch, in a worker. */
interface BatchMessage {
  id: number;
  start: number;
  end: number;
}
type ResultMessage = PreparedBatch & { id: number };

/**
 * The file cut into ranges of bytes, each read by a worker (this thread reads nothing, but a line
 * to name a problem); each worker's lines checked here in the file's order.
 */
async function inWorkers(
  { file, size, fd, batchBytes }: { file: string; size: number; fd: number; batchBytes: number },
  verifier: ExportVerifier,
  count: number,
  script: string,
): Promise<void> {
  // A script in TypeScript (tests, `npm run audit:verify`) needs a loader in the worker too; a
  // bundled one needs none, and starts several times faster without.
  const execArgv = script.endsWith('.ts') ? ['--require', '@swc-node/register'] : [];
  const results = new Map<number, ResultMessage>();
  let closing = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    wake?.();
  };
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(script, { execArgv, workerData: { verifyExportFile: file } });
    worker.on('message', (result: ResultMessage) => {
      results.set(result.id, result);
      wake?.();
    });
    worker.on('error', fail);
    // Any exit before the end (a script that does not serve exits at once, with 0) would leave
    // its batches unanswered.
    worker.on('exit', (code) => {
      if (!closing) fail(new Error(`A verification worker stopped (exit code ${code}).`));
    });
    return worker;
  });
  const lineAt = (start: number, end: number) => {
    const bytes = readAt(fd, start, end - start);
    return lineText(bytes, 0, bytes.length);
  };
  try {
    const batchCount = Math.ceil(size / batchBytes);
    let sent = 0;
    for (let done = 0; done < batchCount; done++) {
      // Two batches ahead per worker: none waits while this thread checks.
      for (; sent < batchCount && sent - done < 2 * count; sent++) {
        const message: BatchMessage = {
          id: sent,
          start: sent * batchBytes,
          end: Math.min(size, (sent + 1) * batchBytes),
        };
        workers[sent % count].postMessage(message);
      }
      while (!results.has(done)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      feedBatch(verifier, results.get(done) as ResultMessage, lineAt);
      results.delete(done);
    }
  } finally {
    closing = true;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Reads `length` bytes at `position`, or fewer at the end of the file. */
function readAt(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const read = readSync(fd, bytes, filled, length - filled, position + filled);
    if (read === 0) break;
    filled += read;
  }
  return bytes.subarray(0, filled);
}

/**
 * The lines that begin in [start, end), whole, and where they start. A line begins at 0 or after
 * a newline; the last one may run past `end`, and is read to its newline or the end of the file.
 */
export function linesInRange(
  fd: number,
  start: number,
  end: number,
): { bytes: Buffer; offset: number } {
  // From the byte before `start`: whether a line begins right at `start`.
  const from = Math.max(0, start - 1);
  let bytes = readAt(fd, from, end - from);
  let first = start === 0 ? 0 : bytes.indexOf(NEWLINE) + 1;
  if (first === 0 && start > 0) return { bytes: bytes.subarray(0, 0), offset: start };
  if (bytes.length === end - from && bytes[bytes.length - 1] !== NEWLINE) {
    // The last line runs on: read on to its newline.
    const pieces = [bytes];
    for (let at = end; ;) {
      const more = readAt(fd, at, READ_ON_BYTES);
      const newline = more.indexOf(NEWLINE);
      pieces.push(newline < 0 ? more : more.subarray(0, newline + 1));
      if (newline >= 0 || more.length < READ_ON_BYTES) break;
      at += more.length;
    }
    bytes = Buffer.concat(pieces);
  }
  first = Math.min(first, bytes.length);
  return { bytes: bytes.subarray(first), offset: from + first };
}

/** Serves batches to `inWorkers` from a worker thread; does nothing on the main thread. */
export function serveVerifyWorker(): void {
  if (isMainThread || !parentPort) return;
  const port = parentPort;
  const fd = openSync((workerData as { verifyExportFile: string }).verifyExportFile, 'r');
  port.on('message', ({ id, start, end }: BatchMessage) => {
    const { bytes, offset } = linesInRange(fd, start, end);
    const batch = prepareBatch(bytes, offset);
    const result: ResultMessage = { id, ...batch };
    port.postMessage(result, [batch.records]);
  });
  port.once('close', () => closeSync(fd));
}
