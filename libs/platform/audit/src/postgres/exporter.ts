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

  let lines = 0;
  const line = (value: ExportLine): ExportLine => {
    lines++;
    return value;
  };
  yield line({
    kind: 'header',
    format: EXPORT_FORMAT,
    log: head.log,
    fromPosition: from,
    toPosition: to,
    exportedAt: (options.now?.() ?? new Date()).toISOString(),
    publicKey: options.publicKeyPem,
    keyId: options.keyId,
  });
  for (const checkpoint of checkpoints)
    yield line({ kind: 'checkpoint', ...signedCheckpointOf(checkpoint) });
  for (const proof of proofs.consistency) {
    yield line({
      kind: 'consistency',
      fromSize: proof.fromSize,
      toSize: head.size,
      hashes: proof.hashes.map(hex),
    });
  }
  yield line({
    kind: 'range-proof',
    treeSize: head.size,
    firstLeaf,
    endLeaf,
    left: proofs.range.left.map(hex),
    right: proofs.range.right.map(hex),
  });
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
      yield line({
        kind: 'anchor',
        streamId: row.stream_id,
        streamVersion: Number(row.stream_version),
        hash: hex(row.hash),
      });
    }
  }
  const pageSize = options.pageSize ?? 5000;
  let next = from;
  let guessIndex = firstLeaf;
  for (;;) {
    const { rows } = await db.query<StoredEventRow>(STORED_EVENTS_SQL, [next, to, pageSize]);
    const full = rows.length === pageSize;
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
      for (; g < gone.length && gone[g][0] < position; g++) yield line(missingLine(gone[g]));
      // The index the tree gave this position; an entry the tree never saw takes the next one.
      const leaf = leaves.get(position);
      const leafIndex = leaf?.index ?? guessIndex;
      guessIndex = leafIndex + 1;
      yield line(eventLine(row, leafIndex, leaf?.hash));
    }
    for (; g < gone.length; g++) yield line(missingLine(gone[g]));
    if (!full) break;
    next = upper + 1;
  }
  yield { kind: 'end', lines };
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
