import { assertCount, EMPTY_ROOT, isHash, nodeHash } from './hashing';

/** A perfect subtree: 2^level leaves from index·2^level on. */
export interface TreeNode {
  level: number;
  index: number;
  hash: Buffer;
}

/**
 * The right edge of an append-only Merkle tree: one perfect subtree per set bit of its size
 * (at most 64 hashes), enough to append leaves and compute the root without reading the tree.
 * `append` hands back every perfect subtree it completes, for storage, so that proofs can be
 * served later without rehashing.
 */
export class MerkleFrontier {
  private readonly nodes: TreeNode[];
  private count: number;

  /** `nodes`: the perfect subtrees of a tree of `size` leaves, largest first. */
  constructor(size = 0, nodes: readonly TreeNode[] = []) {
    assertCount(size, 'size');
    const expected = MerkleFrontier.nodesOf(size);
    if (
      nodes.length !== expected.length ||
      nodes.some(
        (node, i) =>
          node.level !== expected[i].level ||
          node.index !== expected[i].index ||
          !isHash(node.hash),
      )
    ) {
      throw new RangeError(`A frontier of ${size} leaves needs exactly its perfect subtrees.`);
    }
    this.count = size;
    this.nodes = nodes.map((node) => ({ ...node }));
  }

  /** Which perfect subtrees make up the frontier of a tree of `size` leaves, largest first. */
  static nodesOf(size: number): Array<{ level: number; index: number }> {
    const result: Array<{ level: number; index: number }> = [];
    let start = 0;
    for (let level = 63; level >= 0; level--) {
      const width = 2 ** level;
      if (width > size - start) continue;
      result.push({ level, index: start / width });
      start += width;
    }
    return result;
  }

  get size(): number {
    return this.count;
  }

  /** Adds a leaf hash; returns the perfect subtrees this completes, the leaf itself first. */
  append(leaf: Buffer): TreeNode[] {
    if (!isHash(leaf)) throw new TypeError('A leaf hash is 32 bytes.');
    const created: TreeNode[] = [{ level: 0, index: this.count, hash: leaf }];
    let node = created[0];
    while (this.nodes.length && this.nodes[this.nodes.length - 1].level === node.level) {
      const left = this.nodes.pop() as TreeNode;
      node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) };
      created.push(node);
    }
    this.nodes.push(node);
    this.count++;
    return created;
  }

  /** The tree head: MTH of every leaf appended so far. */
  root(): Buffer {
    if (this.nodes.length === 0) return EMPTY_ROOT;
    let root = this.nodes[this.nodes.length - 1].hash;
    for (let i = this.nodes.length - 2; i >= 0; i--) root = nodeHash(this.nodes[i].hash, root);
    return root;
  }

  snapshot(): TreeNode[] {
    return this.nodes.map((node) => ({ ...node }));
  }
}
