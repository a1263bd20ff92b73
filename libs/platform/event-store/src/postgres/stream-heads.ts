import { GENESIS_HASH } from '../hash-chain';

/** A stream's last committed version and that event's hash. */
export interface StreamHead {
  version: number;
  hash: Buffer;
}

const NEW_STREAM: StreamHead = { version: 0, hash: GENESIS_HASH };

/**
 * The heads of the streams this store last appended to, so that an append with an exact
 * expected version can chain from a known hash instead of looking the head up
 * (docs/adr/0011-stream-heads.md).
 *
 * Safe because a head is remembered only after its append committed, and a committed event is
 * never changed: "version v of stream s has hash h" stays true for ever. It may stop being the
 * head (another writer appended since), and then the append fails on the unique
 * (stream, version) index and is run again with a lookup. Bounded: the least recently used
 * heads are forgotten first.
 */
export class StreamHeads {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity = 10_000) {}

  /**
   * The head to append after, when `expected` (encoded: >= 0 exact, -2 no stream) is known to
   * be it; null when the store must look it up.
   */
  after(streamId: string, expected: number): StreamHead | null {
    if (this.capacity <= 0) return null;
    if (expected === 0 || expected === -2) return NEW_STREAM;
    if (expected < 0) return null;
    const head = this.heads.get(streamId);
    return head && head.version === expected ? head : null;
  }

  remember(streamId: string, version: number, hash: Buffer): void {
    if (this.capacity <= 0) return;
    this.heads.delete(streamId);
    this.heads.set(streamId, { version, hash });
    if (this.heads.size > this.capacity) {
      this.heads.delete(this.heads.keys().next().value as string);
    }
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}
