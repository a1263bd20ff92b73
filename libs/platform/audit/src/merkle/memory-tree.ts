import { assertCount, isHash, nodeHash } from './hashing';
import type { NodeSource } from './proofs';

/** Every perfect subtree of a list of leaf hashes, kept in memory: for tests and small logs. */
export class MemoryTree implements NodeSource {
  private readonly levels: Buffer[][] = [[]];

  constructor(leaves: readonly Buffer[] = []) {
    for (const leaf of leaves) this.append(leaf);
  }

  get size(): number {
    return this.levels[0].length;
  }

  append(leaf: Buffer): void {
    if (!isHash(leaf)) throw new TypeError('A leaf hash is 32 bytes.');
    this.levels[0].push(leaf);
    let level = 0;
    let index = this.levels[0].length - 1;
    while (index % 2 === 1) {
      const parent = nodeHash(this.levels[level][index - 1], this.levels[level][index]);
      level++;
      index = (index - 1) / 2;
      (this.levels[level] ??= []).push(parent);
    }
  }

  node(level: number, index: number): Buffer {
    assertCount(level, 'level');
    const hash = this.levels[level]?.[index];
    if (!hash) throw new RangeError(`No complete subtree at level ${level}, index ${index}.`);
    return hash;
  }
}

/**
 * Runs `work` twice: first against a source that only notes which nodes it asks for, then, once
 * `fetch` has loaded those, against them. Proof shapes depend on sizes alone, never on hash
 * values, so the stored tree is read in one round trip instead of one per node.
 */
export async function withFetchedNodes<T>(
  work: (source: NodeSource) => T,
  fetch: (keys: Array<{ level: number; index: number }>) => Promise<Map<string, Buffer>>,
): Promise<T> {
  const wanted = new Map<string, { level: number; index: number }>();
  const placeholder = Buffer.alloc(32);
  work({
    node(level, index) {
      wanted.set(nodeKey(level, index), { level, index });
      return placeholder;
    },
  });
  const found = await fetch([...wanted.values()]);
  return work({
    node(level, index) {
      const hash = found.get(nodeKey(level, index));
      if (!hash) throw new MissingNodeError(level, index);
      return hash;
    },
  });
}

export function nodeKey(level: number, index: number): string {
  return `${level}:${index}`;
}

/** The stored tree lacks a node a proof needs: it has not reached that size yet, or lost rows. */
export class MissingNodeError extends Error {
  constructor(
    readonly level: number,
    readonly index: number,
  ) {
    super(`The stored tree has no node at level ${level}, index ${index}.`);
    this.name = 'MissingNodeError';
  }
}
