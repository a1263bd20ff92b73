import type { ExportVerifier } from './export-verifier';
import { readExportLine, type PreparedEvent, type TreeLeafMatch } from './line-reading';

/**
 * A batch of lines read on their own (in a worker thread), handed to the thread that checks them
 * in order as fixed-size binary records: no parsed object crosses threads. An event line whose
 * checks all fit a record is handed as its results; every other line (the header, checkpoints,
 * proofs, anchors, a malformed line, an event whose JSON does not parse or whose numbers do not
 * fit 64 bits) as its text, which the checking thread reads again itself, as in a single thread:
 * rare lines, and the same results by construction.
 *
 * A record: 8 float64 (kind, start, end, leafIndex, globalPosition, streamVersion, stream or
 * text, tree leaf), one int64 (recorded-at µs), then the stored hash, the content digest and
 * the leaf. Start and end are the line's place in the file, to read it again to name a problem.
 */
const FIELDS = 8;
const WORDS = FIELDS + 1 + 12; // 8-byte words: fields, recorded-at, three 32-byte hashes
const RECORD_BYTES = WORDS * 8;
const HASHES_AT = (FIELDS + 1) * 8;
const KIND_TEXT = 0;
const KIND_EVENT = 1;
const TREE_LEAF: readonly TreeLeafMatch[] = ['same', 'absent', 'differs'];
const MIN_INT64 = -(2n ** 63n);
const MAX_INT64 = 2n ** 63n - 1n;

export interface PreparedBatch {
  lines: number;
  records: ArrayBuffer;
  /** The batch's stream ids, each once: a record names its stream by index. */
  streams: string[];
  /** The text of every line that is not a prepared event: a record names it by index. */
  texts: string[];
}

/** Where each line of `bytes` ends (its newline, or the end of the batch for the last). */
function lineEnds(bytes: Buffer): number[] {
  const ends: number[] = [];
  for (let start = 0; start < bytes.length;) {
    const newline = bytes.indexOf(10, start);
    const end = newline < 0 ? bytes.length : newline;
    ends.push(end);
    start = end + 1;
  }
  return ends;
}

/** Decodes one line, a carriage return before its newline dropped (as readline does). */
export function lineText(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('utf8', start, end > start && bytes[end - 1] === 13 ? end - 1 : end);
}

/**
 * Each line of `bytes` (whole lines, split on newlines), read on its own; `offset` is where the
 * bytes start in the file. Never throws.
 */
export function prepareBatch(bytes: Buffer, offset = 0): PreparedBatch {
  const ends = lineEnds(bytes);
  const records = new ArrayBuffer(ends.length * RECORD_BYTES);
  const fields = new Float64Array(records);
  const micros = new BigInt64Array(records);
  const hashes = new Uint8Array(records);
  const streams: string[] = [];
  const texts: string[] = [];
  const streamIndex = new Map<string, number>();
  let start = 0;
  ends.forEach((end, i) => {
    const at = i * WORDS;
    fields[at + 1] = offset + start;
    fields[at + 2] = offset + end;
    const text = lineText(bytes, start, end);
    const { event } = readExportLine(text);
    start = end + 1;
    const packable =
      event != null &&
      event.digest != null &&
      event.recordedAtMicros >= MIN_INT64 &&
      event.recordedAtMicros <= MAX_INT64;
    if (!packable) {
      fields[at] = KIND_TEXT;
      fields[at + 6] = texts.push(text) - 1;
      return;
    }
    let stream = streamIndex.get(event.streamId);
    if (stream === undefined) {
      stream = streams.push(event.streamId) - 1;
      streamIndex.set(event.streamId, stream);
    }
    fields[at] = KIND_EVENT;
    fields[at + 3] = event.leafIndex;
    fields[at + 4] = event.globalPosition;
    fields[at + 5] = event.streamVersion;
    fields[at + 6] = stream;
    fields[at + 7] = TREE_LEAF.indexOf(event.treeLeaf);
    micros[at + FIELDS] = event.recordedAtMicros;
    const hashesAt = i * RECORD_BYTES + HASHES_AT;
    hashes.set(event.stored, hashesAt);
    hashes.set(event.digest as Buffer, hashesAt + 32);
    hashes.set(event.leaf, hashesAt + 64);
  });
  return { lines: ends.length, records, streams, texts };
}

/** Reads a line of the file again, from its place: to name the event of a problem. */
export type LineReader = (start: number, end: number) => string;

/** A prepared batch as the checking thread reads it. */
interface BatchView {
  records: ArrayBuffer;
  fields: Float64Array;
  micros: BigInt64Array;
  streams: string[];
  lineAt: LineReader;
}

/** An event as a record holds it; its id, needed only to name a problem, read from the line. */
class RecordedEvent implements PreparedEvent {
  readonly leafIndex: number;
  readonly globalPosition: number;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly recordedAtMicros: bigint;
  readonly stored: Buffer;
  readonly digest: Buffer;
  readonly leaf: Buffer;
  readonly treeLeaf: TreeLeafMatch;
  private readonly view: BatchView;
  private readonly at: number;

  constructor(view: BatchView, i: number) {
    const at = i * WORDS;
    const { fields, records } = view;
    this.view = view;
    this.at = at;
    this.leafIndex = fields[at + 3];
    this.globalPosition = fields[at + 4];
    this.streamVersion = fields[at + 5];
    this.streamId = view.streams[fields[at + 6]];
    this.treeLeaf = TREE_LEAF[fields[at + 7]];
    this.recordedAtMicros = view.micros[at + FIELDS];
    const hashesAt = i * RECORD_BYTES + HASHES_AT;
    // Views, not copies: the verifier copies a stream's head, and holds at most one leaf (the
    // tree's newest) until the next is appended, so at most one batch's records stay alive.
    this.stored = Buffer.from(records, hashesAt, 32);
    this.digest = Buffer.from(records, hashesAt + 32, 32);
    this.leaf = Buffer.from(records, hashesAt + 64, 32);
  }

  get eventId(): string {
    const { fields, lineAt } = this.view;
    const text = lineAt(fields[this.at + 1], fields[this.at + 2]);
    return (JSON.parse(text) as { eventId: string }).eventId;
  }
}

/** Feeds a prepared batch to the verifier, line by line, in order. */
export function feedBatch(
  verifier: ExportVerifier,
  batch: PreparedBatch,
  lineAt: LineReader,
): void {
  const { records, streams, texts } = batch;
  const fields = new Float64Array(records);
  const view: BatchView = { records, fields, streams, lineAt, micros: new BigInt64Array(records) };
  for (let i = 0; i < batch.lines; i++) {
    const at = i * WORDS;
    if (fields[at] === KIND_EVENT) verifier.preparedEvent(new RecordedEvent(view, i));
    else verifier.line(texts[fields[at + 6]]);
  }
}
