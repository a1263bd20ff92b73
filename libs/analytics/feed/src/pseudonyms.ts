import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What an id names; the kind is part of the keyed hash, so one id gets a different pseudonym per kind. */
export type PseudonymKind =
  | 'person'
  | 'case'
  | 'notification'
  | 'organisation'
  | 'event'
  | 'enrolment'
  | 'grant'
  | 'offender'
  | 'claim'
  | 'advocacy'
  | 'response';

/** The analysts' feed key: a secret and the id analysts see (header `haven-key-id`). */
export interface FeedKey {
  id: string;
  secret: Buffer;
}

/** The key's id and secret are misconfigured. Names the variable, never the value. */
export class FeedKeyError extends Error {
  override name = 'FeedKeyError';
}

/**
 * Keyed pseudonyms (HMAC-SHA256 with the feed's key, 128 bits, base64url): the same id always
 * gets the same pseudonym within the feed, and nobody without the key can link one to Haven's
 * ids, or compute one from an id they know. Rotating the key starts a new, unlinkable set.
 */
export class Pseudonymiser {
  /**
   * The secret imported once: createHmac with a Buffer imports the key on every call, which cost
   * 47 µs per pseudonym against 8 µs with a KeyObject (the relay makes three per event).
   */
  private readonly hmacKey: KeyObject;
  /**
   * Recent pseudonyms, in two generations: a lookup that misses the newer one tries the older,
   * and a full newer generation becomes the older. Evicting the oldest entry of one Map instead
   * (`keys().next()` after deletes) walked the deleted entries on every miss: 12 µs a pseudonym.
   */
  private newer = new Map<string, string>();
  private older = new Map<string, string>();

  constructor(
    readonly key: FeedKey,
    /** Pseudonyms per generation; 0 remembers none. */
    private readonly cacheSize = 10_000,
  ) {
    if (key.secret.length < 32)
      throw new FeedKeyError("The analysts' feed key must be at least 32 bytes.");
    this.hmacKey = createSecretKey(key.secret);
  }

  pseudonym(kind: PseudonymKind, id: string): string {
    const input = `${kind}:${id.toLowerCase()}`;
    // An event's id is pseudonymised once (its messages share it): remembering it would only
    // push out the streams' and people's ids, which repeat.
    if (kind === 'event' || this.cacheSize === 0) return this.keyedHash(input);
    const known = this.newer.get(input);
    if (known !== undefined) return known;
    const pseudonym = this.older.get(input) ?? this.keyedHash(input);
    if (this.newer.size >= this.cacheSize) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(input, pseudonym);
    return pseudonym;
  }

  private keyedHash(input: string): string {
    return createHmac('sha256', this.hmacKey)
      .update(input)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
  }
}

const DEV_KEY_FILE = 'analytics-feed-key.json';

/**
 * The feed key from HAVEN_ANALYTICS_KEY (`<key id>:<base64 secret of 32+ bytes>`). Outside
 * production, when unset, a development key is made once and kept in `keysDir` (.data/keys).
 */
export function feedKeyFromEnv(env: NodeJS.ProcessEnv, keysDir: string): FeedKey {
  const configured = env.HAVEN_ANALYTICS_KEY;
  if (configured) {
    const colon = configured.indexOf(':');
    const id = colon > 0 ? configured.slice(0, colon) : '';
    const secret = Buffer.from(configured.slice(colon + 1), 'base64');
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(id) || secret.length < 32) {
      throw new FeedKeyError(
        'HAVEN_ANALYTICS_KEY must be "<key id>:<base64 secret of at least 32 bytes>", e.g. "2026-12:" followed by `openssl rand -base64 32`.',
      );
    }
    return { id, secret };
  }
  if (env.NODE_ENV === 'production') {
    throw new FeedKeyError('In production HAVEN_ANALYTICS_KEY must be set.');
  }
  const file = path.join(keysDir, DEV_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(keysDir, { recursive: true, mode: 0o700 });
    const key = {
      id: `dev-${new Date().toISOString().slice(0, 10)}`,
      secret: randomBytes(32).toString('base64'),
    };
    writeFileSync(file, JSON.stringify(key, null, 2), { mode: 0o600, flag: 'wx' });
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { id: string; secret: string };
  return { id: stored.id, secret: Buffer.from(stored.secret, 'base64') };
}
