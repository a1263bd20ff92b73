import { createHmac } from 'node:crypto';
import { Pseudonymiser } from './pseudonyms';

const secret = Buffer.alloc(32, 7);
const key = { id: 'spec', secret };
/** The definition (ADR 15), written out independently of the class. */
const expected = (input: string) =>
  createHmac('sha256', secret).update(input).digest().subarray(0, 16).toString('base64url');

describe('Pseudonymiser', () => {
  it('given a key, when an id is pseudonymised, then it is HMAC-SHA256 of "<kind>:<id>" cut to 128 bits', () => {
    const pseudonyms = new Pseudonymiser(key);
    expect(pseudonyms.pseudonym('person', 'ABC-1')).toBe(expected('person:abc-1'));
    expect(pseudonyms.pseudonym('case', 'abc-1')).toBe(expected('case:abc-1'));
    expect(pseudonyms.pseudonym('case', 'abc-1')).not.toBe(pseudonyms.pseudonym('person', 'abc-1'));
  });

  it('given a small cache that overflows, when ids come back, then each keeps its pseudonym', () => {
    const cached = new Pseudonymiser(key, 3);
    const uncached = new Pseudonymiser(key, 0);
    const ids = Array.from({ length: 10 }, (_, i) => `id-${i}`);
    const sequence = [...ids, ...[...ids].reverse(), ...ids];
    const first = sequence.map((id) => cached.pseudonym('person', id));
    const again = sequence.map((id) => uncached.pseudonym('person', id));
    expect(first).toEqual(again);
    expect(new Set(first).size).toBe(10);
    expect(first.slice(0, 10)).toEqual(ids.map((id) => expected(`person:${id}`)));
    // Events' ids, never remembered, keep theirs too.
    expect(cached.pseudonym('event', 'id-1')).toBe(expected('event:id-1'));
  });

  it('given another key, when the same id is pseudonymised, then the pseudonym differs', () => {
    const other = new Pseudonymiser({ id: 'other', secret: Buffer.alloc(32, 8) });
    expect(other.pseudonym('person', 'abc-1')).not.toBe(
      new Pseudonymiser(key).pseudonym('person', 'abc-1'),
    );
  });
});
