import { assertCount, isHash, nodeHash } from './hashing';
import { MerkleFrontier } from './frontier';
import { rootAt, type NodeSource } from './proofs';
import { nodeKey } from './memory-tree';

/**
 * Proves that a run of consecutive leaves [first, end) belongs to the tree of `size` leaves:
 * `left` holds the perfect subtrees before the run (the frontier of a tree of `first` leaves),
 * `right` those after it, each the largest aligned subtree that fits. Both are O(log size)
 * hashes. A verifier starts a frontier from `left`, appends the run's leaves as it reads them
 * (one pass, nothing held), and knows the root at every size it passes, then at `size`.
 */
export interface CompactRangeProof {
  left: Buffer[];
  right: Buffer[];
}

/** The aligned perfect subtrees that tile [end, size), left to right. */
export function rightPieces(end: number, size: number): Array<{ level: number; index: number }> {
  const pieces: Array<{ level: number; index: number }> = [];
  let at = end;
  while (at < size) {
    let level = 0;
    while (at % 2 ** (level + 1) === 0 && at + 2 ** (level + 1) <= size) level++;
    pieces.push({ level, index: at / 2 ** level });
    at += 2 ** level;
  }
  return pieces;
}

export function compactRangeProof(
  first: number,
  end: number,
  size: number,
  source: NodeSource,
): CompactRangeProof {
  assertCount(first, 'first');
  if (end < first || end > size) throw new RangeError('The range must lie within the tree.');
  return {
    left: MerkleFrontier.nodesOf(first).map(({ level, index }) => source.node(level, index)),
    right: rightPieces(end, size).map(({ level, index }) => source.node(level, index)),
  };
}

/** Reads a run of leaves against a compact range proof. */
export class RangeVerifier {
  private readonly frontier: MerkleFrontier;

  /** Throws RangeError when `left` has the wrong number of hashes for `first`. */
  constructor(first: number, left: readonly Buffer[]) {
    const shape = MerkleFrontier.nodesOf(first);
    if (left.length !== shape.length || !left.every(isHash)) {
      throw new RangeError(`The proof's left side must hold ${shape.length} hashes.`);
    }
    this.frontier = new MerkleFrontier(
      first,
      shape.map((node, i) => ({ ...node, hash: left[i] })),
    );
  }

  /** Leaves read so far, counting those before the run. */
  get size(): number {
    return this.frontier.size;
  }

  append(leaf: Buffer): void {
    this.frontier.append(leaf);
  }

  /** The root of the tree as it stood after the leaves read so far. */
  rootHere(): Buffer {
    return this.frontier.root();
  }

  /** The root at `size`, completed with the proof's right side; null if it has the wrong shape. */
  rootAt(size: number, right: readonly Buffer[]): Buffer | null {
    const pieces = rightPieces(this.frontier.size, size);
    if (size < this.frontier.size || pieces.length !== right.length || !right.every(isHash))
      return null;
    const known = new Map<string, Buffer>();
    for (const node of this.frontier.snapshot())
      known.set(nodeKey(node.level, node.index), node.hash);
    pieces.forEach((piece, i) => known.set(nodeKey(piece.level, piece.index), right[i]));
    const merged: NodeSource = {
      node(level, index) {
        const hash = known.get(nodeKey(level, index));
        if (hash) return hash;
        if (level === 0) throw new RangeError('missing leaf');
        const combined = nodeHash(
          merged.node(level - 1, 2 * index),
          merged.node(level - 1, 2 * index + 1),
        );
        known.set(nodeKey(level, index), combined);
        return combined;
      },
    };
    try {
      return rootAt(size, merged);
    } catch {
      return null;
    }
  }
}
