import { assertCount, EMPTY_ROOT, isHash, isPowerOfTwo, nodeHash, splitPoint } from './hashing';

/**
 * The hashes of the tree's perfect subtrees: `node(level, index)` is the root of the 2^level
 * leaves from index·2^level on (level 0: the leaf hashes). Such a subtree never changes once its
 * last leaf is in, so one store serves proofs for every tree size.
 */
export interface NodeSource {
  node(level: number, index: number): Buffer;
}

/** MTH(D[lo:hi]) (RFC 9162 §2.1.1), from the perfect subtrees that make up the range. */
export function rangeHash(lo: number, hi: number, source: NodeSource): Buffer {
  const size = hi - lo;
  if (size <= 0) return EMPTY_ROOT;
  if (isPowerOfTwo(size) && lo % size === 0) return source.node(Math.log2(size), lo / size);
  const k = splitPoint(size);
  return nodeHash(rangeHash(lo, lo + k, source), rangeHash(lo + k, hi, source));
}

/** The root of the first `size` leaves. */
export function rootAt(size: number, source: NodeSource): Buffer {
  assertCount(size, 'size');
  return rangeHash(0, size, source);
}

/** RFC 9162 §2.1.3.1: the audit path of leaf `index` in the tree of `size` leaves. */
export function inclusionProof(index: number, size: number, source: NodeSource): Buffer[] {
  assertCount(index, 'index');
  assertCount(size, 'size');
  if (index >= size) throw new RangeError('The leaf index must be below the tree size.');
  const path: Buffer[] = [];
  const walk = (m: number, lo: number, hi: number): void => {
    if (hi - lo <= 1) return;
    const k = splitPoint(hi - lo);
    if (m < k) {
      walk(m, lo, lo + k);
      path.push(rangeHash(lo + k, hi, source));
    } else {
      walk(m - k, lo + k, hi);
      path.push(rangeHash(lo, lo + k, source));
    }
  };
  walk(index, 0, size);
  return path;
}

/** RFC 9162 §2.1.4.1: proves the tree of `second` leaves extends the tree of `first`. */
export function consistencyProof(first: number, second: number, source: NodeSource): Buffer[] {
  assertCount(first, 'first');
  assertCount(second, 'second');
  if (first > second) throw new RangeError('The first size must not exceed the second.');
  if (first === 0 || first === second) return [];
  const proof: Buffer[] = [];
  const sub = (m: number, lo: number, hi: number, complete: boolean): void => {
    if (m === hi - lo) {
      if (!complete) proof.push(rangeHash(lo, hi, source));
      return;
    }
    const k = splitPoint(hi - lo);
    if (m <= k) {
      sub(m, lo, lo + k, complete);
      proof.push(rangeHash(lo + k, hi, source));
    } else {
      sub(m - k, lo + k, hi, false);
      proof.push(rangeHash(lo, lo + k, source));
    }
  };
  sub(first, 0, second, true);
  return proof;
}

function validProof(proof: unknown): proof is Buffer[] {
  return Array.isArray(proof) && proof.every(isHash);
}

/** RFC 9162 §2.1.3.2: whether `proof` shows `leaf` at `index` in the tree of `size` with `root`. */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Buffer,
  proof: readonly Buffer[],
  root: Buffer,
): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size)
    return false;
  if (!isHash(leaf) || !isHash(root) || !validProof(proof)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: whether `proof` shows the tree `second`/`secondRoot` extends `first`/`firstRoot`. */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Buffer,
  secondRoot: Buffer,
  proof: readonly Buffer[],
): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second)) return false;
  if (first < 0 || first > second) return false;
  if (!isHash(firstRoot) || !isHash(secondRoot) || !validProof(proof)) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  // Every tree extends the empty one.
  if (first === 0) return proof.length === 0 && firstRoot.equals(EMPTY_ROOT);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}
