import { createHash } from 'node:crypto';
import {
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  MemoryTree,
  nodeHash,
  MerkleFrontier,
  rootAt,
  compactRangeProof,
  RangeVerifier,
  verifyConsistency,
  verifyInclusion,
} from './index';

const hex = (b: Buffer) => b.toString('hex');
const unhex = (s: string) => Buffer.from(s, 'hex');

// The reference data of RFC 6962 / RFC 9162 implementations (Certificate Transparency, Trillian).
const ENTRIES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(unhex);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const INCLUSION = [
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
const CONSISTENCY = [
  {
    first: 2,
    second: 8,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    first: 6,
    second: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

const LEAVES = ENTRIES.map(leafHash);
const reference = new MemoryTree(LEAVES);

describe('the Merkle tree (RFC 9162 hashing)', () => {
  it('hashes a leaf of a stored hash and a node as SHA-256 of 0x00 ‖ entry and 0x01 ‖ left ‖ right', () => {
    const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
    for (let i = 0; i < 50; i++) {
      const [a, b] = [sha(Buffer.from(`a${i}`)), sha(Buffer.from(`b${i}`))];
      expect(leafHash(a)).toEqual(sha(Buffer.from([0]), a));
      expect(nodeHash(a, b)).toEqual(sha(Buffer.from([1]), a, b));
    }
  });

  it('gives the reference roots for every size from 0 to 8, from the stored tree and the frontier', () => {
    expect(hex(EMPTY_ROOT)).toBe(ROOTS[0]);
    const frontier = new MerkleFrontier();
    expect(hex(frontier.root())).toBe(ROOTS[0]);
    for (let size = 1; size <= 8; size++) {
      frontier.append(LEAVES[size - 1]);
      expect(hex(rootAt(size, reference))).toBe(ROOTS[size]);
      expect(hex(frontier.root())).toBe(ROOTS[size]);
    }
  });

  it('gives the reference inclusion and consistency proofs, and they verify', () => {
    for (const v of INCLUSION) {
      expect(inclusionProof(v.index, v.size, reference).map(hex)).toEqual(v.proof);
      expect(
        verifyInclusion(v.index, v.size, LEAVES[v.index], v.proof.map(unhex), unhex(ROOTS[v.size])),
      ).toBe(true);
    }
    for (const v of CONSISTENCY) {
      expect(consistencyProof(v.first, v.second, reference).map(hex)).toEqual(v.proof);
      expect(
        verifyConsistency(
          v.first,
          v.second,
          unhex(ROOTS[v.first]),
          unhex(ROOTS[v.second]),
          v.proof.map(unhex),
        ),
      ).toBe(true);
    }
  });

  const many = Array.from({ length: 70 }, (_, i) =>
    leafHash(createHash('sha256').update(`leaf ${i}`).digest()),
  );
  const tree = new MemoryTree(many);
  const roots = Array.from({ length: many.length + 1 }, (_, n) => rootAt(n, tree));

  it('proves and verifies every leaf of every size up to 70, and refuses a tampered proof', () => {
    for (let size = 1; size <= many.length; size++) {
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(index, size, tree);
        expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(size)));
        expect(verifyInclusion(index, size, many[index], proof, roots[size])).toBe(true);
        expect(verifyInclusion(index, size, many[(index + 1) % size], proof, roots[size])).toBe(
          size === 1,
        );
        if (proof.length === 0) continue;
        const flipped = proof.map((p) => Buffer.from(p));
        flipped[0][5] ^= 1;
        expect(verifyInclusion(index, size, many[index], flipped, roots[size])).toBe(false);
        expect(verifyInclusion(index, size, many[index], proof.slice(1), roots[size])).toBe(false);
        expect(verifyInclusion(index, size, many[index], [...proof, EMPTY_ROOT], roots[size])).toBe(
          false,
        );
      }
    }
  });

  it('proves every pair of sizes consistent, and refuses a rewritten history', () => {
    for (let second = 1; second <= many.length; second++) {
      for (let first = 0; first <= second; first++) {
        const proof = consistencyProof(first, second, tree);
        expect(verifyConsistency(first, second, roots[first], roots[second], proof)).toBe(true);
        if (first === 0 || first === second) continue;
        // The same sizes over a log whose leaf `first - 1` was rewritten.
        const rewritten = new MemoryTree(many.map((l, i) => (i === first - 1 ? EMPTY_ROOT : l)));
        const forged = consistencyProof(first, second, rewritten);
        expect(
          verifyConsistency(first, second, roots[first], rootAt(second, rewritten), forged),
        ).toBe(false);
        expect(verifyConsistency(first, second, roots[first], roots[second], proof.slice(1))).toBe(
          false,
        );
      }
    }
  });

  it('proves a run of leaves with O(log n) hashes, read in one pass; a changed, missing or moved leaf fails', () => {
    const size = many.length;
    for (const [first, end] of [
      [0, size],
      [0, 1],
      [3, 17],
      [31, 33],
      [64, 70],
      [69, 70],
      [5, 5],
    ]) {
      const proof = compactRangeProof(first, end, size, tree);
      expect(proof.left.length + proof.right.length).toBeLessThanOrEqual(2 * Math.log2(size) + 2);
      const rootOf = (leaves: Buffer[]) => {
        const verifier = new RangeVerifier(first, proof.left);
        for (const leaf of leaves) {
          verifier.append(leaf);
          expect(verifier.rootHere().equals(roots[verifier.size])).toBe(true);
        }
        return verifier.rootAt(size, proof.right);
      };
      const leaves = many.slice(first, end);
      expect(rootOf(leaves)?.equals(roots[size])).toBe(true);
      if (leaves.length === 0) continue;
      const verifier = new RangeVerifier(first, proof.left);
      for (const leaf of leaves.map((l, i) => (i === leaves.length - 1 ? EMPTY_ROOT : l)))
        verifier.append(leaf);
      expect(verifier.rootAt(size, proof.right)?.equals(roots[size])).toBeFalsy();
      if (leaves.length > 1) {
        const shorter = new RangeVerifier(first, proof.left);
        for (const leaf of leaves.slice(1)) shorter.append(leaf);
        expect(shorter.rootAt(size, proof.right)?.equals(roots[size])).toBeFalsy();
        const swapped = new RangeVerifier(first, proof.left);
        for (const leaf of [leaves[1], leaves[0], ...leaves.slice(2)]) swapped.append(leaf);
        expect(swapped.rootAt(size, proof.right)?.equals(roots[size])).toBeFalsy();
      }
    }
    expect(() => new RangeVerifier(3, [])).toThrow(RangeError);
  });

  it('hands back the perfect subtrees it completes, and resumes from a stored frontier', () => {
    const frontier = new MerkleFrontier();
    const created = many.slice(0, 8).flatMap((leaf) => frontier.append(leaf));
    expect(created.filter((n) => n.level === 3)).toEqual([
      { level: 3, index: 0, hash: tree.node(3, 0) },
    ]);
    expect(created).toHaveLength(15);
    const resumed = new MerkleFrontier(
      8,
      MerkleFrontier.nodesOf(8).map(({ level, index }) => ({
        level,
        index,
        hash: tree.node(level, index),
      })),
    );
    for (const leaf of many.slice(8, 45)) resumed.append(leaf);
    expect(resumed.root().equals(roots[45])).toBe(true);
    expect(() => new MerkleFrontier(8, [])).toThrow(RangeError);
  });
});
