import {
  canonicalJson,
  chainHash,
  contentDigest,
  GENESIS_HASH,
  type JsonValue,
} from '@haven/platform/event-store/hashing';

/**
 * An event as stored, with everything its hash covers: the data and metadata as their exact
 * stored text (sealed personal fields stay sealed), the recorded-at in microseconds, the hash.
 */
export interface AuditEvent {
  globalPosition: number;
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  /** 1: digest over canonical JSON (before ADR 10); 2: over the stored text itself. */
  hashVersion: number;
  data: string;
  metadata: string;
  recordedAtMicros: string;
  /** The stored hash, hex. */
  hash: string;
}

export type ChainBreakReason = 'version_gap' | 'hash_mismatch' | 'missing_predecessor';

export interface ChainBreak {
  reason: ChainBreakReason;
  detail: string;
}

/** The event's content digest as the store computes it; null when its stored JSON does not parse. */
export function eventDigest(event: AuditEvent): Buffer | null {
  const exact = event.hashVersion === 2;
  try {
    return contentDigest({
      eventId: event.eventId,
      streamId: event.streamId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      dataJson: exact ? event.data : canonicalJson(JSON.parse(event.data) as JsonValue),
      metadataJson: exact ? event.metadata : canonicalJson(JSON.parse(event.metadata) as JsonValue),
    });
  } catch {
    return null;
  }
}

/** The event's hash as the store computes it, from its fields and its predecessor's hash. */
export function recomputeHash(event: AuditEvent, previous: Buffer): Buffer {
  const digest = eventDigest(event);
  if (!digest) throw new SyntaxError('The stored data or metadata is not valid JSON.');
  return chainHash(
    previous,
    digest,
    BigInt(event.streamVersion),
    BigInt(event.globalPosition),
    BigInt(event.recordedAtMicros),
  );
}

/** What a link of the chain is checked with, besides the content digest and the stored hash. */
export interface ChainLink {
  streamId: string;
  streamVersion: number;
  globalPosition: number;
  recordedAtMicros: bigint;
}

/**
 * Checks the hash chain of every stream met in a run of events in global order, with the store's
 * own hashing functions. A run that starts inside a stream needs its predecessor's hash (an
 * anchor): it is not trusted, since only the true predecessor reproduces the event's stored hash,
 * which the Merkle tree vouches for.
 */
export class ChainChecker {
  private readonly heads = new Map<string, { version: number; hash: Buffer }>();

  anchor(streamId: string, version: number, hash: Buffer): void {
    this.heads.set(streamId, { version, hash: Buffer.from(hash) });
  }

  /**
   * The first problem with this event's link, or null; the chain moves on either way. `stored`
   * is the event's hash as bytes, when the caller has decoded it already.
   */
  check(event: AuditEvent, stored: Buffer = Buffer.from(event.hash, 'hex')): ChainBreak | null {
    let micros: bigint | null = null;
    try {
      micros = BigInt(event.recordedAtMicros);
    } catch {
      // Not an integer: no hash can be recomputed, reported as a mismatch after the versions.
    }
    const link = { ...event, recordedAtMicros: micros ?? 0n };
    return this.link(link, micros === null ? null : eventDigest(event), stored);
  }

  /**
   * The same, from the event's content digest computed beforehand (null: its stored JSON does
   * not parse), so that the digests can be computed apart from the chain, in any order. `stored`
   * is copied, not kept.
   */
  link(event: ChainLink, digest: Buffer | null, stored: Buffer): ChainBreak | null {
    const head = this.heads.get(event.streamId);
    const broken = this.linkBreak(event, digest, stored, head);
    // One head per stream, moved on in place: no allocation per event.
    if (head) {
      head.version = event.streamVersion;
      if (head.hash.length === stored.length) head.hash.set(stored);
      else head.hash = Buffer.from(stored);
    } else {
      this.heads.set(event.streamId, { version: event.streamVersion, hash: Buffer.from(stored) });
    }
    return broken;
  }

  private linkBreak(
    event: ChainLink,
    digest: Buffer | null,
    stored: Buffer,
    head: { version: number; hash: Buffer } | undefined,
  ): ChainBreak | null {
    const previous = head?.hash;
    const previousVersion = head?.version ?? 0;
    if (!previous && event.streamVersion !== 1) {
      return {
        reason: 'missing_predecessor',
        detail: `version ${event.streamVersion} is the first of its stream here, and nothing gives the hash of version ${event.streamVersion - 1}.`,
      };
    }
    const expectedVersion = previousVersion + 1;
    if (event.streamVersion !== expectedVersion) {
      return {
        reason: 'version_gap',
        detail: `version ${expectedVersion} is missing: the next event of the stream is version ${event.streamVersion}.`,
      };
    }
    let recomputed: Buffer | null = null;
    try {
      if (digest)
        recomputed = chainHash(
          previous ?? GENESIS_HASH,
          digest,
          BigInt(event.streamVersion),
          BigInt(event.globalPosition),
          event.recordedAtMicros,
        );
    } catch {
      // A recorded-at beyond 64 bits: no stored event has one; reported as before.
    }
    if (!recomputed) {
      return { reason: 'hash_mismatch', detail: 'the stored data or metadata is not valid JSON.' };
    }
    if (!recomputed.equals(stored)) {
      return {
        reason: 'hash_mismatch',
        detail: 'the stored hash does not match the event and the hash of the event before it.',
      };
    }
    return null;
  }
}
