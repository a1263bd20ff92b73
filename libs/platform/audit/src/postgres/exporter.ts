import {
  checkpointHash,
  signedCheckpointOf,
  type SignedCheckpoint,
} from '../checkpoints/checkpoint';
import { EXPORT_FORMAT, type EventLine, type ExportLine } from '../export/export-lines';
import { compactRangeProof, consistencyProof } from '../merkle';
import { EVENT_STORE_LEAVES } from './leaf-sources';
import { TreeStore, type AuditQueryable } from './tree-store';

export interface ExportOptions {
  /** First global position (inclusive, default 1). */
  fromPosition?: number;
  /** Last global position (inclusive; default and at most the newest checkpoint's). */
  toPosition?: number;
  /** The signer's public key and id, written in the header for convenience. */
  publicKeyPem: string;
  keyId: string;
  /** Prove against the checkpoint of this tree size instead of the newest one. */
  treeSize?: number;
  /** Events read per query (default 5000). */
  pageSize?: number;
  now?: () => Date;
}

/** The export cannot be made: no checkpoint yet, or a range outside the log. */
export class ExportRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportRangeError';
  }
}

const hex = (b: Buffer) => b.toString('hex');
const NO_LEAF = '0'.repeat(64);

interface StoredEventRow {
  global_position: string;
  event_id: string;
  stream_id: string;
  stream_version: string;
  type: string;
  schema_version: number;
  hash_version: number;
  data_text: string;
  metadata_text: string;
  recorded_micros: string;
  hash: Buffer;
}

/** Events with everything their hash covers, as stored (the text, not parsed JSON). */
const STORED_EVENTS_SQL = `SELECT global_position, event_id, stream_id, stream_version, type,
    schema_version, hash_version, data::text AS data_text, metadata::text AS metadata_text,
    (extract(epoch FROM recorded_at) * 1000000)::bigint::text AS recorded_micros, hash
  FROM event_store.events WHERE global_position >= $1 AND global_position <= $2
  ORDER BY global_position LIMIT $3`;

/** Where the events of an export stand: the next position to read, the next leaf expected. */
interface EventCursor {
  next: number;
  to: number;
  leaf: number;
}

/**
 * The lines of an audit export of the event log between two global positions (export-lines.ts),
 * proven against the newest checkpoint. Sealed personal fields stay as stored: sealed. Streams
 * lines one page at a time, so a whole log exports in constant memory.
 */
export async function* exportEventLog(
  db: AuditQueryable,
  options: ExportOptions,
): AsyncGenerator<ExportLine> {
  const store = new TreeStore(db, EVENT_STORE_LEAVES.log);
  const count = { lines: 0 };
  const cursor = yield* counting(prelude(db, store, options), count);
  yield* counting(eventLines(db, store, cursor, options.pageSize ?? 5000, Infinity), count);
  yield { kind: 'end', lines: count.lines };
}

/** One page of an export: its lines, and the cursor of the next page (null after the last). */
export interface ExportPage {
  lines: ExportLine[];
  events: number;
  nextPage: string | null;
}

/**
 * An export in pages of at most `maxEvents` events, for callers that cannot hold it whole (the
 * API). The pages' lines, in order, are exactly one export: every page after the first continues
 * from its cursor against the same checkpoint, and only the last holds the end line. The cursor
 * is opaque to the caller; one that does not decode, or names no checkpoint, is refused.
 */
export async function exportEventLogPage(
  db: AuditQueryable,
  options: ExportOptions & { maxEvents: number },
  after?: string | null,
): Promise<ExportPage> {
  const store = new TreeStore(db, EVENT_STORE_LEAVES.log);
  const lines: ExportLine[] = [];
  let start: EventCursor & { treeSize: number };
  let before = 0;
  if (after == null) {
    const opening = prelude(db, store, options);
    let step = await opening.next();
    for (; !step.done; step = await opening.next()) lines.push(step.value);
    start = step.value;
  } else {
    const cursor = decodeCursor(after);
    if (!(await store.checkpointOfSize(cursor.treeSize))) {
      throw new ExportRangeError('The page cursor names no checkpoint of this log.');
    }
    start = cursor;
    before = cursor.lines;
  }
  const pageSize = options.pageSize ?? 5000;
  const following = eventLines(db, store, start, pageSize, options.maxEvents);
  let events = 0;
  let step = await following.next();
  for (; !step.done; step = await following.next()) {
    if (step.value.kind === 'event') events++;
    lines.push(step.value);
  }
  const written = before + lines.length;
  if (step.value.done) {
    lines.push({ kind: 'end', lines: written });
    return { lines, events, nextPage: null };
  }
  const next = { ...step.value.cursor, treeSize: start.treeSize, lines: written };
  return { lines, events, nextPage: encodeCursor(next) };
}

/** What a page cursor carries: where the events stand, the checkpoint, the lines so far. */
interface PageCursor extends EventCursor {
  treeSize: number;
  lines: number;
}

function encodeCursor(cursor: PageCursor): string {
  const { next, to, leaf, treeSize, lines } = cursor;
  return Buffer.from(JSON.stringify([1, next, to, leaf, treeSize, lines])).toString('base64url');
}

function decodeCursor(text: string): PageCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  const fields = Array.isArray(value) ? value : [];
  const valid =
    fields.length === 6 &&
    fields[0] === 1 &&
    fields.every((n) => Number.isSafeInteger(n) && (n as number) >= 0) &&
    (fields[1] as number) <= (fields[2] as number) + 1;
  if (!valid) throw new ExportRangeError('The page cursor is not one this service gave.');
  const [, next, to, leaf, treeSize, lines] = fields as number[];
  return { next, to, leaf, treeSize, lines };
}

/** Passes a generator's lines through, counting them, and hands on what it returns. */
async function* counting<R>(
  lines: AsyncGenerator<ExportLine, R>,
  count: { lines: number },
): AsyncGenerator<ExportLine, R> {
  let step = await lines.next();
  for (; !step.done; step = await lines.next()) {
    count.lines++;
    yield step.value;
  }
  return step.value;
}

/** The lines before the events: header, checkpoints, proofs, anchors. Returns where events start. */
async function* prelude(
  db: AuditQueryable,
  store: TreeStore,
  options: ExportOptions,
): AsyncGenerator<ExportLine, EventCursor & { treeSize: number }> {
  const head =
    options.treeSize == null
      ? await store.latestCheckpoint()
      : await store.checkpointOfSize(options.treeSize);
  if (!head) {
    throw new ExportRangeError(
      options.treeSize == null
        ? 'No checkpoint has been signed yet: nothing can be proven.'
        : 'No checkpoint has this tree size.',
    );
  }
  const from = options.fromPosition ?? 1;
  const to = Math.min(options.toPosition ?? head.position, head.position);
  if (!Number.isSafeInteger(from) || from < 0 || !Number.isSafeInteger(to) || from > to) {
    throw new ExportRangeError(
      `The range must run from a position to a later one, at most ${head.position} (the newest checkpoint's).`,
    );
  }
  const firstLeaf = await store.leavesBelow(from);
  const endLeaf = Math.min(await store.leavesBelow(to + 1), head.size);
  const checkpoints = await store.checkpoints({ maxSize: head.size });
  const proofs = await store.withNodes((source) => ({
    range: compactRangeProof(firstLeaf, endLeaf, head.size, source),
    consistency: checkpoints
      .filter((c) => c.size < head.size)
      .map((c) => ({ fromSize: c.size, hashes: consistencyProof(c.size, head.size, source) })),
  }));

  yield {
    kind: 'header',
    format: EXPORT_FORMAT,
    log: head.log,
    fromPosition: from,
    toPosition: to,
    exportedAt: (options.now?.() ?? new Date()).toISOString(),
    publicKey: options.publicKeyPem,
    keyId: options.keyId,
  };
  for (const checkpoint of checkpoints)
    yield { kind: 'checkpoint', ...signedCheckpointOf(checkpoint) };
  for (const proof of proofs.consistency) {
    yield {
      kind: 'consistency',
      fromSize: proof.fromSize,
      toSize: head.size,
      hashes: proof.hashes.map(hex),
    };
  }
  yield {
    kind: 'range-proof',
    treeSize: head.size,
    firstLeaf,
    endLeaf,
    left: proofs.range.left.map(hex),
    right: proofs.range.right.map(hex),
  };
  if (firstLeaf > 0) {
    // Streams the range enters in the middle: their predecessor's stored hash.
    const { rows } = await db.query<{ stream_id: string; stream_version: string; hash: Buffer }>(
      `WITH firsts AS (
         SELECT DISTINCT ON (stream_id) stream_id, stream_version FROM event_store.events
          WHERE global_position BETWEEN $1 AND $2 ORDER BY stream_id, stream_version)
       SELECT p.stream_id, p.stream_version, p.hash FROM firsts f
         JOIN event_store.events p ON p.stream_id = f.stream_id AND p.stream_version = f.stream_version - 1
        ORDER BY p.stream_id`,
      [from, to],
    );
    for (const row of rows) {
      yield {
        kind: 'anchor',
        streamId: row.stream_id,
        streamVersion: Number(row.stream_version),
        hash: hex(row.hash),
      };
    }
  }
  return { next: from, to, leaf: firstLeaf, treeSize: head.size };
}

/**
 * Event lines (and the leaves whose event is gone, each in its place) from the cursor on, read
 * `pageSize` at a time, until `to` or `maxEvents` events. Returns whether the range is done and,
 * if not, where the next call starts.
 */
async function* eventLines(
  db: AuditQueryable,
  store: TreeStore,
  start: EventCursor,
  pageSize: number,
  maxEvents: number,
): AsyncGenerator<ExportLine, { done: boolean; cursor: EventCursor }> {
  const { to } = start;
  let next = start.next;
  let guessIndex = start.leaf;
  let left = maxEvents;
  for (;;) {
    const size = Math.min(pageSize, left);
    const { rows } = await db.query<StoredEventRow>(STORED_EVENTS_SQL, [next, to, size]);
    const full = rows.length === size;
    const upper = full ? Number(rows[rows.length - 1].global_position) : to;
    const leaves = await store.leavesBetween(next, upper);
    const present = new Set(rows.map((row) => Number(row.global_position)));
    // Leaves whose event is gone, each in its place by position.
    const gone = [...leaves.entries()]
      .filter(([position]) => !present.has(position))
      .sort((a, b) => a[0] - b[0]);
    let g = 0;
    for (const row of rows) {
      const position = Number(row.global_position);
      for (; g < gone.length && gone[g][0] < position; g++) yield missingLine(gone[g]);
      // The index the tree gave this position; an entry the tree never saw takes the next one.
      const leaf = leaves.get(position);
      const leafIndex = leaf?.index ?? guessIndex;
      guessIndex = leafIndex + 1;
      yield eventLine(row, leafIndex, leaf?.hash);
    }
    for (; g < gone.length; g++) yield missingLine(gone[g]);
    left -= rows.length;
    const cursor = { next: upper + 1, to, leaf: guessIndex };
    if (!full || upper >= to) return { done: true, cursor };
    if (left <= 0) return { done: false, cursor };
    next = upper + 1;
  }
}

function missingLine([position, leaf]: [number, { index: number; hash: Buffer }]): ExportLine {
  return {
    kind: 'missing',
    leafIndex: leaf.index,
    globalPosition: position,
    treeLeaf: hex(leaf.hash),
  };
}

function eventLine(
  row: StoredEventRow,
  leafIndex: number,
  treeLeaf: Buffer | undefined,
): EventLine {
  return {
    kind: 'event',
    leafIndex,
    globalPosition: Number(row.global_position),
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    type: row.type,
    schemaVersion: row.schema_version,
    hashVersion: row.hash_version,
    data: row.data_text,
    metadata: row.metadata_text,
    recordedAtMicros: row.recorded_micros,
    hash: hex(row.hash),
    treeLeaf: treeLeaf ? hex(treeLeaf) : NO_LEAF,
  };
}

/** The newest checkpoint and its hash (what an auditor keeps), or null. */
export async function latestCheckpointWithHash(
  db: AuditQueryable,
): Promise<{ checkpoint: SignedCheckpoint; hash: string } | null> {
  const checkpoint = await new TreeStore(db, EVENT_STORE_LEAVES.log).latestCheckpoint();
  return checkpoint ? { checkpoint, hash: checkpointHash(checkpoint) } : null;
}
