import { checkpointProblem, type SignedCheckpoint } from '../checkpoints/checkpoint';
import type { AuditEvent } from '../verification/audit-event';

/**
 * An audit export is JSON Lines, in this order:
 *
 *   header        what the file holds, and the signer's public key (for convenience only: the
 *                 verifier trusts the key the auditor passes, when given)
 *   checkpoint    every signed checkpoint up to the head the range is proven against, oldest first
 *   consistency   a consistency proof from each earlier checkpoint to the head
 *   range-proof   the compact range proof of the exported leaves against the head
 *   anchor        for a stream the range enters in the middle: its predecessor's stored hash
 *   event         one per leaf, in global order, with the leaf the tree recorded for it
 *   missing       a leaf of the tree whose event the log no longer holds (a fact from the tree,
 *                 in its place among the events)
 *   end           the number of lines before it (a cut file is caught)
 */
export const EXPORT_FORMAT = 'haven-audit-export/1';

export interface HeaderLine {
  kind: 'header';
  format: typeof EXPORT_FORMAT;
  log: string;
  fromPosition: number;
  toPosition: number;
  exportedAt: string;
  publicKey: string;
  keyId: string;
}
export interface CheckpointLine extends SignedCheckpoint {
  kind: 'checkpoint';
}
export interface ConsistencyLine {
  kind: 'consistency';
  fromSize: number;
  toSize: number;
  hashes: string[];
}
export interface RangeProofLine {
  kind: 'range-proof';
  treeSize: number;
  firstLeaf: number;
  endLeaf: number;
  left: string[];
  right: string[];
}
export interface AnchorLine {
  kind: 'anchor';
  streamId: string;
  streamVersion: number;
  hash: string;
}
export interface EventLine extends AuditEvent {
  kind: 'event';
  leafIndex: number;
  /** The leaf the tree recorded for this position when it was appended (hex). */
  treeLeaf: string;
}
export interface MissingLine {
  kind: 'missing';
  leafIndex: number;
  globalPosition: number;
  treeLeaf: string;
}
export interface EndLine {
  kind: 'end';
  lines: number;
}
export type ExportLine =
  | HeaderLine
  | CheckpointLine
  | ConsistencyLine
  | RangeProofLine
  | AnchorLine
  | EventLine
  | MissingLine
  | EndLine;

const HEX64 = /^[0-9a-f]{64}$/;
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const isText = (v: unknown, max = 10_000_000) =>
  typeof v === 'string' && v.length > 0 && v.length <= max;
const isHashList = (v: unknown) =>
  Array.isArray(v) && v.length <= 128 && v.every((h) => typeof h === 'string' && HEX64.test(h));

/** Why a parsed line is not a well-formed export line, or null. Never echoes a value. */
export function lineProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'a line must be a JSON object';
  const line = value as Record<string, unknown>;
  switch (line.kind) {
    case 'header':
      if (line.format !== EXPORT_FORMAT) return `the format is not ${EXPORT_FORMAT}`;
      if (!isText(line.log, 40)) return 'the header names no log';
      if (!isCount(line.fromPosition) || !isCount(line.toPosition))
        return 'the header has no position range';
      if (!isText(line.publicKey, 1000) || !isText(line.keyId, 64))
        return 'the header has no public key';
      return null;
    case 'checkpoint':
      return checkpointProblem(line);
    case 'consistency':
      if (!isCount(line.fromSize) || !isCount(line.toSize)) return 'sizes must be counts';
      return isHashList(line.hashes) ? null : 'hashes must be a list of 64 hex digits';
    case 'range-proof':
      if (!isCount(line.treeSize) || !isCount(line.firstLeaf) || !isCount(line.endLeaf))
        return 'treeSize, firstLeaf and endLeaf must be counts';
      if (!isHashList(line.left) || !isHashList(line.right))
        return 'left and right must be lists of 64 hex digits';
      return null;
    case 'anchor':
      if (!isText(line.streamId, 300) || !isCount(line.streamVersion))
        return 'an anchor names a stream and a version';
      return typeof line.hash === 'string' && HEX64.test(line.hash)
        ? null
        : 'hash must be 64 hex digits';
    case 'event':
      if (!isCount(line.leafIndex) || !isCount(line.globalPosition))
        return 'leafIndex and globalPosition must be counts';
      if (!isText(line.eventId, 64) || !isText(line.streamId, 300) || !isText(line.type, 300))
        return 'an event needs an event id, a stream id and a type';
      if (!isCount(line.streamVersion) || !isCount(line.schemaVersion))
        return 'streamVersion and schemaVersion must be counts';
      if (line.hashVersion !== 1 && line.hashVersion !== 2) return 'hashVersion must be 1 or 2';
      if (!isText(line.data) || !isText(line.metadata))
        return 'data and metadata must be the stored JSON text';
      if (typeof line.recordedAtMicros !== 'string' || !/^-?\d{1,19}$/.test(line.recordedAtMicros))
        return 'recordedAtMicros must be an integer in a string';
      if (typeof line.hash !== 'string' || !HEX64.test(line.hash))
        return 'hash must be 64 hex digits';
      if (typeof line.treeLeaf !== 'string' || !HEX64.test(line.treeLeaf))
        return 'treeLeaf must be 64 hex digits';
      return null;
    case 'missing':
      if (!isCount(line.leafIndex) || !isCount(line.globalPosition))
        return 'leafIndex and globalPosition must be counts';
      return typeof line.treeLeaf === 'string' && HEX64.test(line.treeLeaf)
        ? null
        : 'treeLeaf must be 64 hex digits';
    case 'end':
      return isCount(line.lines) ? null : 'lines must be a count';
    default:
      return 'unknown kind of line';
  }
}
