import { createHash, hash } from 'node:crypto';

/**
 * RFC 9162 §2.1.1 hashing: a leaf is SHA-256(0x00 ‖ entry), an interior node
 * SHA-256(0x01 ‖ left ‖ right), the empty tree SHA-256(""). The prefixes keep a leaf from ever
 * passing for a node (second-preimage attacks on the tree).
 */
export const HASH_BYTES = 32;
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

// One-shot hashing over one buffer, the digest taken as a 'binary' (latin1) string, a byte per
// character, and turned back into bytes: the same bytes, at about a quarter of the cost of a
// createHash object or of `hash(..., 'buffer')`, whose Buffer costs more than the hashing (over
// a microsecond); it matters when a verifier hashes a million leaves and their nodes.
// The input is assembled in one reused buffer (hashing is synchronous, so nothing else can touch
// it meanwhile): no allocation per leaf or node.
const LEAF_INPUT = Buffer.alloc(1 + HASH_BYTES, 0x00);
const NODE_INPUT = Buffer.alloc(1 + 2 * HASH_BYTES, 0x01);

function sha256(input: Buffer): Buffer {
  return Buffer.from(hash('sha256', input, 'binary'), 'binary');
}

export function leafHash(entry: Uint8Array): Buffer {
  if (entry.length !== HASH_BYTES) return sha256(Buffer.concat([LEAF_PREFIX, entry]));
  LEAF_INPUT.set(entry, 1);
  return sha256(LEAF_INPUT);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== HASH_BYTES || right.length !== HASH_BYTES) {
    return sha256(Buffer.concat([NODE_PREFIX, left, right]));
  }
  NODE_INPUT.set(left, 1);
  NODE_INPUT.set(right, 1 + HASH_BYTES);
  return sha256(NODE_INPUT);
}

export function isHash(value: unknown): value is Buffer {
  return Buffer.isBuffer(value) && value.length === HASH_BYTES;
}

/** The largest power of two strictly below n (n ≥ 2): RFC 9162's split point `k`. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Whether n is a power of two (1, 2, 4, ...). */
export function isPowerOfTwo(n: number): boolean {
  return n >= 1 && Number.isSafeInteger(n) && 2 ** Math.round(Math.log2(n)) === n;
}

/** Checks a tree size or index: a safe non-negative integer. */
export function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer.`);
  }
}
