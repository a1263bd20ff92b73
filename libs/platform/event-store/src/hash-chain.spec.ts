import { createHash, randomBytes } from 'node:crypto';
import { chainHash, contentDigest, GENESIS_HASH } from './hash-chain';

/** The chain hash as first defined: a hash object and three updates (the stored bytes). */
function reference(previous: Buffer, digest: Buffer, v: bigint, p: bigint, r: bigint): Buffer {
  const numbers = Buffer.alloc(24);
  numbers.writeBigInt64BE(v, 0);
  numbers.writeBigInt64BE(p, 8);
  numbers.writeBigInt64BE(r, 16);
  return createHash('sha256').update(previous).update(digest).update(numbers).digest();
}

describe('the hash chain', () => {
  it('gives the bytes every stored event already carries', () => {
    const hash = chainHash(
      Buffer.alloc(32, 7),
      Buffer.alloc(32, 9),
      3n,
      1_234_567n,
      1_764_583_200_000_592n,
    );
    expect(hash.toString('hex')).toBe(
      'a89562f867a775e00b0c445ae74d2a0f13513ef456fd9fbd13d027204f498395',
    );
    expect(
      contentDigest({
        eventId: 'e1',
        streamId: 'case-1',
        type: 'SomethingHappened',
        schemaVersion: 1,
        dataJson: '{"n": 1}',
        metadataJson: '{"a": "é"}',
      }).toString('hex'),
    ).toBe('4c807c990bb531982920bee91e4a2c6d882b3c5b5f073540a34a1191a094032e');
  });

  it('matches the reference on random links, negative and extreme numbers included, and each result is its own buffer', () => {
    const numbers = [0n, 1n, -1n, 2n ** 63n - 1n, -(2n ** 63n), 1_764_583_200_000_000n];
    const results: Buffer[] = [];
    for (let i = 0; i < 200; i++) {
      const previous = i === 0 ? GENESIS_HASH : randomBytes(32);
      const digest = randomBytes(32);
      const [v, p, r] = [i, i + 1, i + 2].map((k) => numbers[k % numbers.length]);
      const hash = chainHash(previous, digest, v, p, r);
      expect(hash).toEqual(reference(previous, digest, v, p, r));
      results.push(hash);
    }
    expect(new Set(results.map((h) => h.toString('hex'))).size).toBe(results.length);
  });

  it('hashes a previous hash or digest of another length as the reference does', () => {
    const previous = randomBytes(20);
    const digest = randomBytes(33);
    expect(chainHash(previous, digest, 1n, 2n, 3n)).toEqual(
      reference(previous, digest, 1n, 2n, 3n),
    );
  });

  it('refuses a number beyond 64 bits, and the next link is still right', () => {
    expect(() => chainHash(GENESIS_HASH, GENESIS_HASH, 1n, 2n, 2n ** 63n)).toThrow(/out of range/);
    const digest = randomBytes(32);
    expect(chainHash(GENESIS_HASH, digest, 1n, 2n, 3n)).toEqual(
      reference(GENESIS_HASH, digest, 1n, 2n, 3n),
    );
  });
});
