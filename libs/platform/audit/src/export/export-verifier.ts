import type { KeyObject } from 'node:crypto';
import {
  checkpointHash,
  NO_PREVIOUS_CHECKPOINT,
  type SignedCheckpoint,
} from '../checkpoints/checkpoint';
import { parsePublicKey, verifyCheckpointSignature } from '../checkpoints/signature';
import { RangeVerifier, verifyConsistency } from '../merkle';
import { ChainChecker } from '../verification/audit-event';
import { LeafOrder, type SkippedLeaves } from './leaf-order';
import { readExportLine, type PreparedEvent, type ReadLine } from './line-reading';
import {
  type CheckpointLine,
  type ConsistencyLine,
  type HeaderLine,
  type MissingLine,
  type RangeProofLine,
} from './export-lines';

/** One thing wrong with an export, named as precisely as the file allows. */
export interface ExportProblem {
  /** 1-based line number; null for what only the whole file shows. */
  line: number | null;
  reason: string;
  detail: string;
  eventId?: string;
  globalPosition?: number;
  streamId?: string;
  streamVersion?: number;
}

export interface ExportReport {
  ok: boolean;
  lines: number;
  events: number;
  checkpoints: number;
  /** The checkpoint the range was proven against. */
  head: { size: number; root: string; time: string } | null;
  /** The first problems (at most MAX_PROBLEMS), the first one first. */
  problems: ExportProblem[];
  /** How many problems there were in all. */
  problemCount: number;
  notes: string[];
}

export interface ExportVerifierOptions {
  /** The published public key (PEM). Without it, the header's key is used, and a note says so. */
  publicKeyPem?: string | null;
  /** A checkpoint the auditor kept from before: the export must extend it. */
  trustedCheckpoint?: SignedCheckpoint | null;
}

const MAX_PROBLEMS = 50;
const hex = (b: Buffer) => b.toString('hex');

/**
 * Verifies an audit export line by line, holding O(streams + log n) in memory: every hash chain
 * (with the event store's own hashing), the Merkle root at every checkpoint the range passes and
 * at the head, the checkpoints' signatures and chain, their consistency, and consistency with a
 * checkpoint the auditor kept. It never throws on bad input: every fault becomes a problem.
 */
export class ExportVerifier {
  private readonly problems: ExportProblem[] = [];
  private problemCount = 0;
  private readonly notes: string[] = [];
  private lineNumber = 0;
  private header: HeaderLine | null = null;
  private key: KeyObject | null = null;
  private readonly checkpoints: CheckpointLine[] = [];
  private readonly bySize = new Map<number, CheckpointLine>();
  private readonly consistency: ConsistencyLine[] = [];
  private rangeProof: RangeProofLine | null = null;
  private range: RangeVerifier | null = null;
  private readonly chains = new ChainChecker();
  private events = 0;
  /** Which leaves came early, late, or not at all (set with the range proof). */
  private order: LeafOrder<Partial<ExportProblem>> | null = null;
  private lastPosition = -1;
  private rootFaultReported = false;
  private ended = false;

  constructor(private readonly options: ExportVerifierOptions = {}) {
    if (options.publicKeyPem != null) {
      this.key = parsePublicKey(options.publicKeyPem);
      if (!this.key)
        this.problem(
          null,
          'bad_public_key',
          'the public key given is not an Ed25519 public key in PEM.',
        );
    }
  }

  /** Feeds the next line of the file (without its newline). */
  line(text: string): void {
    const n = ++this.lineNumber;
    if (this.ended) return this.problem(n, 'after_end', 'a line follows the end line.');
    this.take(n, readExportLine(text));
  }

  /**
   * Feeds the next line of the file, an event line that was read and checked on its own
   * elsewhere (`readExportLine`, in a worker): the same as `line` with its text.
   */
  preparedEvent(event: PreparedEvent): void {
    const n = ++this.lineNumber;
    if (this.ended) return this.problem(n, 'after_end', 'a line follows the end line.');
    if (n === 1) return this.problem(n, 'malformed', 'the first line must be the header.');
    this.onEvent(n, event);
  }

  private take(n: number, read: ReadLine): void {
    if (read.fault !== undefined) return this.problem(n, 'malformed', read.fault);
    const { line } = read;
    if (n === 1 && line.kind !== 'header')
      return this.problem(n, 'malformed', 'the first line must be the header.');
    if (n > 1 && line.kind === 'header') return this.problem(n, 'malformed', 'a second header.');
    switch (line.kind) {
      case 'header':
        return this.onHeader(line);
      case 'checkpoint':
        return this.onCheckpoint(n, line);
      case 'consistency':
        if (this.rangeProof)
          return this.problem(n, 'out_of_order', 'a consistency proof after the range proof.');
        this.consistency.push(line);
        return;
      case 'range-proof':
        return this.onRangeProof(n, line);
      case 'anchor':
        if (!this.range || this.events > 0)
          return this.problem(
            n,
            'out_of_order',
            'an anchor must come after the range proof and before the events.',
          );
        this.chains.anchor(line.streamId, line.streamVersion, Buffer.from(line.hash, 'hex'));
        return;
      case 'event':
        return this.onEvent(n, read.event as PreparedEvent);
      case 'missing':
        return this.onMissing(n, line);
      case 'end':
        this.ended = true;
        if (line.lines !== n - 1) {
          this.problem(
            n,
            'lines_missing',
            `the end line counts ${line.lines} lines before it, and the file has ${n - 1}.`,
          );
        }
        return;
    }
  }

  private onHeader(line: HeaderLine): void {
    this.header = line;
    if (!this.key && this.options.publicKeyPem == null) {
      this.key = parsePublicKey(line.publicKey);
      this.notes.push(
        "Signatures were checked against the key in the file's header: pass the published key (--public-key) to trust them.",
      );
      if (!this.key)
        this.problem(1, 'bad_public_key', "the header's key is not an Ed25519 public key.");
    }
  }

  private onCheckpoint(n: number, line: CheckpointLine): void {
    if (this.rangeProof)
      return this.problem(n, 'out_of_order', 'a checkpoint after the range proof.');
    const previous = this.checkpoints[this.checkpoints.length - 1];
    if (this.key && !verifyCheckpointSignature(line, this.key)) {
      this.problem(
        n,
        'bad_signature',
        `the signature of the checkpoint of size ${line.size} does not verify with the key.`,
      );
    }
    if (line.log !== this.header?.log)
      this.problem(n, 'wrong_log', 'the checkpoint is of another log.');
    const expectedPrevious = previous ? checkpointHash(previous) : NO_PREVIOUS_CHECKPOINT;
    if (line.previous !== expectedPrevious) {
      this.problem(
        n,
        'checkpoint_chain_broken',
        previous
          ? `the checkpoint of size ${line.size} does not name the one before it (size ${previous.size}): a checkpoint was removed, changed or moved.`
          : 'the first checkpoint names a predecessor: earlier checkpoints are missing.',
      );
    }
    if (previous && line.size < previous.size) {
      this.problem(
        n,
        'log_shrank',
        `the checkpoint of size ${line.size} follows one of size ${previous.size}.`,
      );
    }
    this.checkpoints.push(line);
    const sameSize = this.bySize.get(line.size);
    if (sameSize && sameSize.root !== line.root) {
      this.problem(n, 'fork', `two checkpoints of size ${line.size} have different roots.`);
    }
    this.bySize.set(line.size, line);
  }

  private onRangeProof(n: number, line: RangeProofLine): void {
    if (this.rangeProof) return this.problem(n, 'malformed', 'a second range proof.');
    this.rangeProof = line;
    const head = this.head();
    if (!head)
      return this.problem(
        n,
        'no_checkpoint',
        'the export holds no checkpoint to prove the range against.',
      );
    if (
      line.treeSize !== head.size ||
      line.endLeaf > line.treeSize ||
      line.firstLeaf > line.endLeaf
    ) {
      return this.problem(
        n,
        'bad_range_proof',
        'the range proof does not fit the head checkpoint.',
      );
    }
    try {
      this.range = new RangeVerifier(
        line.firstLeaf,
        line.left.map((h) => Buffer.from(h, 'hex')),
      );
      this.order = new LeafOrder(line.firstLeaf);
    } catch {
      this.problem(n, 'bad_range_proof', 'the range proof has the wrong number of hashes.');
    }
  }

  private onEvent(n: number, event: PreparedEvent): void {
    // Where a problem is, built only when there is one: most events have none.
    const at = () => ({
      eventId: event.eventId,
      globalPosition: event.globalPosition,
      streamId: event.streamId,
      streamVersion: event.streamVersion,
    });
    if (!this.range || !this.rangeProof) {
      return this.problem(n, 'out_of_order', 'an event before the range proof.', at());
    }
    const order = this.order as LeafOrder<Partial<ExportProblem>>;
    const expectedLeaf = order.expected;
    const { late, overflow } = order.see(event.leafIndex, n, at);
    if (overflow) this.reportMissing(overflow);
    if (late) {
      this.problem(
        n,
        'out_of_order',
        `leaf ${event.leafIndex} comes after leaf ${expectedLeaf - 1}: events are out of order.`,
        at(),
      );
    } else if (event.leafIndex === expectedLeaf && event.globalPosition <= this.lastPosition) {
      // Leaves in order, positions not: the lines were edited to match each other.
      this.problem(
        n,
        'out_of_order',
        `global position ${event.globalPosition} comes after ${this.lastPosition}.`,
        at(),
      );
    }
    const header = this.header as HeaderLine;
    if (event.globalPosition < header.fromPosition || event.globalPosition > header.toPosition) {
      this.problem(n, 'outside_range', 'the event lies outside the range the header names.', at());
    }
    this.lastPosition = Math.max(this.lastPosition, event.globalPosition);
    const broken = this.chains.link(event, event.digest, event.stored);
    if (broken) this.problem(n, broken.reason, broken.detail, at());
    if (event.treeLeaf === 'absent') {
      this.problem(
        n,
        'event_added',
        'the signed tree has no leaf for this event: it was added to the log behind the tree.',
        at(),
      );
    } else if (event.treeLeaf === 'differs') {
      this.problem(
        n,
        'leaf_differs',
        'the tree recorded another hash for this event when it was appended: the event was changed since.',
        at(),
      );
    }
    this.range.append(event.leaf);
    this.events++;
    this.checkRootHere(this.range, n, at);
  }

  /** A leaf the tree holds and the log does not: the event was removed. */
  private onMissing(n: number, line: MissingLine): void {
    if (!this.range)
      return this.problem(n, 'out_of_order', 'a missing leaf before the range proof.');
    this.problem(
      n,
      'event_removed',
      `the event at global position ${line.globalPosition} (leaf ${line.leafIndex}) is in the signed tree and no longer in the log.`,
      { globalPosition: line.globalPosition },
    );
    if (line.leafIndex === this.order?.expected && line.leafIndex === this.range.size) {
      // Its recorded leaf keeps the count right, so that later events are still checked in place.
      this.order.passExpected();
      this.range.append(Buffer.from(line.treeLeaf, 'hex'));
      this.events++;
      this.checkRootHere(this.range, n, () => ({ globalPosition: line.globalPosition }));
    }
  }

  /**
   * A skipped range that never came: missing, named at the line that skipped it, before any other
   * problem of that line (the first cause first).
   */
  private reportMissing(gap: SkippedLeaves<Partial<ExportProblem>>): void {
    this.problemCount++;
    const place = this.problems.findIndex((p) => p.line === null || p.line >= gap.line);
    this.problems.splice(place < 0 ? this.problems.length : place, 0, {
      line: gap.line,
      reason: 'event_missing',
      detail: `leaf ${gap.from}${gap.to > gap.from ? ` to ${gap.to}` : ''} is missing before this event (leaf ${gap.leafAfter}).`,
      ...gap.at,
    });
    this.problems.splice(MAX_PROBLEMS);
  }

  private checkRootHere(range: RangeVerifier, n: number, at: () => Partial<ExportProblem>): void {
    const checkpoint = this.bySize.get(range.size);
    if (checkpoint && !this.rootFaultReported && hex(range.rootHere()) !== checkpoint.root) {
      this.rootFaultReported = true;
      this.problem(
        n,
        'root_mismatch',
        `the log up to here does not give the root of the signed checkpoint of size ${checkpoint.size}: an event up to here was changed, removed or added since it was signed.`,
        at(),
      );
    }
  }

  private head(): CheckpointLine | undefined {
    return this.checkpoints[this.checkpoints.length - 1];
  }

  /** Ends the file: the whole-file checks, and the report. */
  finish(): ExportReport {
    for (const gap of this.order?.missing() ?? []) this.reportMissing(gap);
    const head = this.head();
    if (!this.header) this.problem(null, 'malformed', 'the file has no header.');
    else if (!this.ended)
      this.problem(null, 'truncated', 'the file has no end line: it was cut short.');
    if (head && this.range && this.rangeProof) {
      const expected = this.rangeProof.endLeaf - this.rangeProof.firstLeaf;
      if (this.events !== expected) {
        this.problem(
          null,
          'event_missing',
          `the range proof covers ${expected} events and the file holds ${this.events}.`,
        );
      }
      const root = this.range.rootAt(
        head.size,
        this.rangeProof.right.map((h) => Buffer.from(h, 'hex')),
      );
      if (!this.rootFaultReported && (!root || hex(root) !== head.root)) {
        this.problem(
          null,
          'root_mismatch',
          `the exported events and the range proof do not give the root of the head checkpoint (size ${head.size}).`,
        );
      }
    } else if (this.header && !this.rangeProof) {
      this.problem(null, 'no_range_proof', 'the file holds no range proof.');
    }
    if (head) this.checkConsistency(head);
    if (head && this.options.trustedCheckpoint)
      this.checkTrusted(head, this.options.trustedCheckpoint);
    return {
      ok: this.problemCount === 0,
      lines: this.lineNumber,
      events: this.events,
      checkpoints: this.checkpoints.length,
      head: head ? { size: head.size, root: head.root, time: head.time } : null,
      problems: this.problems,
      problemCount: this.problemCount,
      notes: this.notes,
    };
  }

  private checkConsistency(head: CheckpointLine): void {
    const proven = new Set<number>();
    for (const proof of this.consistency) {
      const from = this.bySize.get(proof.fromSize);
      if (!from || proof.toSize !== head.size) {
        this.problem(
          null,
          'bad_consistency_proof',
          `a consistency proof from size ${proof.fromSize} names no checkpoint of the file.`,
        );
        continue;
      }
      const ok = verifyConsistency(
        from.size,
        head.size,
        Buffer.from(from.root, 'hex'),
        Buffer.from(head.root, 'hex'),
        proof.hashes.map((h) => Buffer.from(h, 'hex')),
      );
      if (!ok)
        this.problem(
          null,
          'inconsistent',
          `the checkpoint of size ${from.size} and the head (size ${head.size}) are not consistent: the log was rewritten between them.`,
        );
      proven.add(from.size);
    }
    for (const checkpoint of this.checkpoints) {
      if (checkpoint.size < head.size && !proven.has(checkpoint.size)) {
        this.problem(
          null,
          'no_consistency_proof',
          `no consistency proof links the checkpoint of size ${checkpoint.size} to the head.`,
        );
      }
    }
  }

  private checkTrusted(head: CheckpointLine, trusted: SignedCheckpoint): void {
    if (!this.key || !verifyCheckpointSignature(trusted, this.key)) {
      return this.problem(
        null,
        'trusted_checkpoint_unsigned',
        'your checkpoint does not verify with the key.',
      );
    }
    if (trusted.size > head.size) {
      return this.problem(
        null,
        'trusted_checkpoint_newer',
        `your checkpoint (size ${trusted.size}) is newer than the export's head (size ${head.size}): export again.`,
      );
    }
    const same = this.bySize.get(trusted.size);
    if (same && same.root !== trusted.root) {
      return this.problem(
        null,
        'inconsistent_with_trusted',
        `the export's checkpoint of size ${trusted.size} has another root than yours: the log was rewritten since you kept it.`,
      );
    }
    if (trusted.size === head.size) return;
    const proof = this.consistency.find(
      (p) => p.fromSize === trusted.size && p.toSize === head.size,
    );
    if (!proof) {
      return this.problem(
        null,
        'no_consistency_proof',
        `the export proves nothing from your checkpoint's size (${trusted.size}).`,
      );
    }
    const ok = verifyConsistency(
      trusted.size,
      head.size,
      Buffer.from(trusted.root, 'hex'),
      Buffer.from(head.root, 'hex'),
      proof.hashes.map((h) => Buffer.from(h, 'hex')),
    );
    if (!ok) {
      this.problem(
        null,
        'inconsistent_with_trusted',
        `the log as exported does not extend your checkpoint of size ${trusted.size}: something in it was changed or removed since.`,
      );
    }
  }

  private problem(
    line: number | null,
    reason: string,
    detail: string,
    at: Partial<ExportProblem> = {},
  ): void {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ line, reason, detail, ...at });
  }
}
