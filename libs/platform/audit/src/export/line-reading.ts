import { leafHash } from '../merkle';
import { eventDigest } from '../verification/audit-event';
import { lineProblem, type EventLine, type ExportLine } from './export-lines';

/** A tree leaf of 64 zeros: the tree has no leaf for the event. */
export const NO_LEAF = '0'.repeat(64);

/** How the leaf recomputed from an event's stored hash compares with the one the tree recorded. */
export type TreeLeafMatch = 'same' | 'absent' | 'differs';

/**
 * An event line after the checks that need nothing but the line itself: its content digest and
 * Merkle leaf recomputed, the leaf compared with the tree's. What is left (order, the stream's
 * chain, the tree's roots) needs the lines before it: ExportVerifier does that, in order.
 */
export interface PreparedEvent {
  readonly leafIndex: number;
  readonly globalPosition: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly recordedAtMicros: bigint;
  /** The stored hash, as bytes. */
  readonly stored: Buffer;
  /** The store's content digest of the event; null when its stored JSON does not parse. */
  readonly digest: Buffer | null;
  /** The Merkle leaf of the stored hash. */
  readonly leaf: Buffer;
  readonly treeLeaf: TreeLeafMatch;
}

/** A line read alone: a fault (the line is malformed), or the line and, for an event, its checks. */
export type ReadLine =
  | { fault: string; line?: undefined; event?: undefined }
  | { fault?: undefined; line: ExportLine; event: PreparedEvent | null };

// The tree's leaf decoded into one reused buffer (lineProblem has checked it is 64 hex digits).
const TREE_LEAF = Buffer.alloc(32);

export function prepareEvent(line: EventLine): PreparedEvent {
  const stored = Buffer.from(line.hash, 'hex');
  const leaf = leafHash(stored);
  let treeLeaf: TreeLeafMatch = 'absent';
  if (line.treeLeaf !== NO_LEAF) {
    TREE_LEAF.write(line.treeLeaf, 'hex');
    treeLeaf = leaf.equals(TREE_LEAF) ? 'same' : 'differs';
  }
  return {
    leafIndex: line.leafIndex,
    globalPosition: line.globalPosition,
    eventId: line.eventId,
    streamId: line.streamId,
    streamVersion: line.streamVersion,
    recordedAtMicros: BigInt(line.recordedAtMicros),
    stored,
    digest: eventDigest(line),
    leaf,
    treeLeaf,
  };
}

/**
 * Reads one line of an export (without its newline) on its own: the same for every line wherever
 * it is, so it can run in any thread and any order. Never throws.
 */
export function readExportLine(text: string): ReadLine {
  if (text.trim() === '') return { fault: 'the line is empty.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { fault: 'the line is not valid JSON.' };
  }
  const fault = lineProblem(value);
  if (fault) return { fault: `${fault}.` };
  const line = value as ExportLine;
  return { line, event: line.kind === 'event' ? prepareEvent(line) : null };
}
