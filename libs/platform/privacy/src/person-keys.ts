import type { ClientBase, Pool } from 'pg';
import { PersonKeyDestroyedError, KeyUnwrapError, UnknownMasterKeyError } from './errors';
import { DATA_KEY_BYTES, generateDataKey } from './field-cipher';
import type { MasterKey } from './key-wrapping';

/** A pg client or pool: pass the client of a transaction you hold open to act inside it. */
export type PrivacyQueryable = Pick<ClientBase, 'query'>;

export interface PersonKeyStoreOptions {
  /** Wraps new data keys, and unwraps those it wrapped. */
  masterKey: MasterKey;
  /** Earlier master keys, to unwrap data keys wrapped before a rotation. */
  previousMasterKeys?: readonly MasterKey[];
  /** How long an unwrapped key stays in this process's memory (default 30 s; 0 disables). */
  cacheTtlMs?: number;
  /** How many unwrapped keys are kept at most (default 10,000). */
  cacheSize?: number;
}

interface KeyRow {
  subject_id: string;
  wrapped_key: Buffer | null;
  master_key_id: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Each person's data key, in `privacy.person_keys`, wrapped by the master key. Destroying a key
 * crypto-shreds everything sealed with it, wherever it was copied (events, read models, backups).
 *
 * Unwrapped keys are cached in memory for `cacheTtlMs` so that reads do not pay a round trip per
 * decryption. `destroy` evicts this process's cache at once; other processes keep using a key
 * they already hold until their entry expires, so an erasure is complete everywhere within the
 * TTL (call `evict` on an erasure notice to be faster). Keys read or created through a caller's
 * `client` are not cached: that transaction may still roll back.
 *
 * Every key returned is the caller's own copy, free to wipe with `fill(0)` once used.
 *
 * Assumes READ COMMITTED (PostgreSQL's default); under REPEATABLE READ a concurrent first use
 * fails with a serialization error, to be retried like any other.
 */
export class PersonKeyStore {
  private readonly masterKey: MasterKey;
  private readonly masterKeys: ReadonlyMap<string, MasterKey>;
  private readonly cache: KeyCache;

  constructor(
    private readonly pool: Pool,
    options: PersonKeyStoreOptions,
  ) {
    this.masterKey = options.masterKey;
    this.masterKeys = new Map(
      [options.masterKey, ...(options.previousMasterKeys ?? [])].map((key) => [key.id, key]),
    );
    this.cache = new KeyCache(options.cacheTtlMs ?? 30_000, options.cacheSize ?? 10_000);
  }

  /**
   * The person's data key, created on first use. Throws `PersonKeyDestroyedError` once it was
   * destroyed: an erased person never gets a new key.
   */
  async keyFor(subjectId: string, client?: PrivacyQueryable): Promise<Buffer> {
    const id = normalize(subjectId);
    const cached = this.cache.get(id);
    if (cached) return cached;
    const db = client ?? this.pool;
    const existing = await selectKey(db, id);
    if (existing) return this.fromRow(existing, !client, true);

    const dataKey = generateDataKey();
    const wrapped = await this.masterKey.wrap(dataKey);
    // Concurrent first uses (here or in other processes) race on the primary key: one insert
    // wins, the others wait for it to commit, insert nothing and read the winner's key.
    const inserted = await db.query(
      `INSERT INTO privacy.person_keys (subject_id, wrapped_key, master_key_id, created_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (subject_id) DO NOTHING
       RETURNING subject_id`,
      [id, typeof wrapped === 'string' ? Buffer.from(wrapped, 'utf8') : wrapped, this.masterKey.id],
    );
    if (inserted.rowCount === 1) {
      if (!client) this.cache.set(id, dataKey);
      return dataKey;
    }
    dataKey.fill(0);
    const winner = await selectKey(db, id);
    if (!winner) throw new Error(`The data key row of subject ${id} vanished while it was made.`);
    return this.fromRow(winner, !client, true);
  }

  /** The person's data key, or null when they have none or it was destroyed. Never creates one. */
  async existingKey(subjectId: string, client?: PrivacyQueryable): Promise<Buffer | null> {
    const id = normalize(subjectId);
    const cached = this.cache.get(id);
    if (cached) return cached;
    const row = await selectKey(client ?? this.pool, id);
    return row ? this.fromRow(row, !client, false) : null;
  }

  /**
   * `existingKey` for many people in one query (for list reads), keyed by the ids as given.
   */
  async existingKeys(
    subjectIds: readonly string[],
    client?: PrivacyQueryable,
  ): Promise<Map<string, Buffer | null>> {
    const found = new Map<string, Buffer | null>();
    const missing = new Set<string>();
    for (const subjectId of subjectIds) {
      const id = normalize(subjectId);
      if (found.has(id)) continue;
      const cached = this.cache.get(id);
      if (cached) found.set(id, cached);
      else missing.add(id);
    }
    if (missing.size > 0) {
      const { rows } = await (client ?? this.pool).query<KeyRow>(
        `SELECT subject_id, wrapped_key, master_key_id FROM privacy.person_keys
          WHERE subject_id = ANY ($1::uuid[])`,
        [[...missing]],
      );
      const keys = await Promise.all(rows.map((row) => this.fromRow(row, !client, false)));
      rows.forEach((row, index) => found.set(row.subject_id, keys[index]));
    }
    return new Map(
      subjectIds.map((subjectId) => [subjectId, found.get(normalize(subjectId)) ?? null]),
    );
  }

  /**
   * Destroys the person's data key for good (crypto-shredding), leaving a tombstone so that no
   * new key is ever made for them; records a tombstone even if they never had a key. Idempotent:
   * returns true when this call destroyed it, false when it already was.
   *
   * PostgreSQL keeps the old row version until VACUUM, and backups keep it until they expire;
   * both hold the key only wrapped by the master key.
   */
  async destroy(subjectId: string, client?: PrivacyQueryable): Promise<boolean> {
    const id = normalize(subjectId);
    this.cache.delete(id);
    const result = await (client ?? this.pool).query(
      `INSERT INTO privacy.person_keys AS k
              (subject_id, wrapped_key, master_key_id, created_at, destroyed_at)
       VALUES ($1, NULL, NULL, now(), now())
       ON CONFLICT (subject_id) DO UPDATE
          SET wrapped_key = NULL, master_key_id = NULL, destroyed_at = now()
        WHERE k.destroyed_at IS NULL
       RETURNING subject_id`,
      [id],
    );
    // Again, in case a read in flight cached the key while the update ran.
    this.cache.delete(id);
    return result.rowCount === 1;
  }

  /** Whether the person's data key was destroyed (their personal data is erased). */
  async isDestroyed(subjectId: string, client?: PrivacyQueryable): Promise<boolean> {
    const { rows } = await (client ?? this.pool).query<{ destroyed: boolean }>(
      `SELECT destroyed_at IS NOT NULL AS destroyed FROM privacy.person_keys WHERE subject_id = $1`,
      [normalize(subjectId)],
    );
    return rows[0]?.destroyed ?? false;
  }

  /** Drops the person's key from this process's cache (e.g. on hearing of an erasure elsewhere). */
  evict(subjectId: string): void {
    this.cache.delete(normalize(subjectId));
  }

  private async fromRow(row: KeyRow, cache: boolean, refuseDestroyed: true): Promise<Buffer>;
  private async fromRow(
    row: KeyRow,
    cache: boolean,
    refuseDestroyed: false,
  ): Promise<Buffer | null>;
  private async fromRow(
    row: KeyRow,
    cache: boolean,
    refuseDestroyed: boolean,
  ): Promise<Buffer | null> {
    if (row.wrapped_key === null || row.master_key_id === null) {
      if (refuseDestroyed) throw new PersonKeyDestroyedError(row.subject_id);
      return null;
    }
    const master = this.masterKeys.get(row.master_key_id);
    if (!master) throw new UnknownMasterKeyError(row.master_key_id);
    const key = await master.unwrap(row.wrapped_key);
    if (key.length !== DATA_KEY_BYTES) throw new KeyUnwrapError(master.id);
    if (cache) this.cache.set(row.subject_id, key);
    return key;
  }
}

function selectKey(db: PrivacyQueryable, id: string): Promise<KeyRow | undefined> {
  return db
    .query<KeyRow>(
      `SELECT subject_id, wrapped_key, master_key_id FROM privacy.person_keys WHERE subject_id = $1`,
      [id],
    )
    .then(({ rows }) => rows[0]);
}

// PostgreSQL answers uuids in lower case: the cache and the results use that spelling.
function normalize(subjectId: string): string {
  if (typeof subjectId !== 'string' || !UUID.test(subjectId)) {
    throw new TypeError('A subject id must be a UUID.');
  }
  return subjectId.toLowerCase();
}

/**
 * Unwrapped keys for a short time. Entries are copies, wiped when they leave; callers get copies
 * too, so wiping or altering one never touches another's.
 */
class KeyCache {
  private readonly entries = new Map<string, { key: Buffer; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxSize: number,
  ) {}

  get(id: string): Buffer | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.delete(id);
      return undefined;
    }
    return Buffer.from(entry.key);
  }

  set(id: string, key: Buffer): void {
    if (this.ttlMs <= 0 || this.maxSize <= 0) return;
    this.delete(id);
    this.entries.set(id, { key: Buffer.from(key), expiresAt: Date.now() + this.ttlMs });
    // Oldest first: every entry expires soon anyway, so insertion order is good enough.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxSize) break;
      this.delete(oldest);
    }
  }

  delete(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.key.fill(0);
    this.entries.delete(id);
  }
}
