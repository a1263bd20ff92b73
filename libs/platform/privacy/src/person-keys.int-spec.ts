import { randomBytes, randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import {
  FieldDecryptionError,
  PersonKeyDestroyedError,
  PersonKeyMissingError,
  UnknownMasterKeyError,
} from './errors';
import { decryptField, encryptField } from './field-cipher';
import { LocalMasterKey } from './key-wrapping';
import { migratePrivacy } from './migrations';
import { PersonKeyStore, type PersonKeyStoreOptions } from './person-keys';
import { openPersonalFields, sealPersonalFields } from './personal-data';

// One database for the file: every test works on its own fresh subject ids.
let db: TestDatabase;
let pool: Pool;
const master = new LocalMasterKey(randomBytes(32));

beforeAll(async () => {
  db = await createTestDatabase('privacy');
  await migratePrivacy(db.url);
  pool = new Pool({ connectionString: db.url, max: 16 });
});

afterAll(async () => {
  await pool.end();
  await db.drop();
});

/** A store with a cache of its own, as another process would have. */
function freshStore(options: Partial<PersonKeyStoreOptions> = {}): PersonKeyStore {
  return new PersonKeyStore(pool, { masterKey: master, ...options });
}

interface StoredRow {
  wrapped_key: Buffer | null;
  master_key_id: string | null;
  destroyed_at: Date | null;
}

async function storedRows(subjectId: string): Promise<StoredRow[]> {
  const { rows } = await pool.query<StoredRow>(
    'SELECT wrapped_key, master_key_id, destroyed_at FROM privacy.person_keys WHERE subject_id = $1',
    [subjectId],
  );
  return rows;
}

async function inTransaction<T>(
  work: (client: PoolClient) => Promise<T>,
  end: 'COMMIT' | 'ROLLBACK',
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query(end);
    return result;
  } finally {
    client.release();
  }
}

/**
 * Runs `count` first uses so that all of them have found no key and wait at their INSERT at the
 * same moment: a lock that lets SELECTs through but not INSERTs is held until they all queue.
 */
async function allAtTheInsert<T>(count: number, use: () => Promise<T>): Promise<T[]> {
  const blocker = await pool.connect();
  let uses: Promise<T[]>;
  try {
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE privacy.person_keys IN SHARE ROW EXCLUSIVE MODE');
    uses = Promise.all(Array.from({ length: count }, use));
    await waitForLockWaiters(count);
    await blocker.query('COMMIT');
  } finally {
    blocker.release();
  }
  return uses;
}

async function waitForLockWaiters(count: number): Promise<void> {
  // Up to 30 s: on a loaded 2-core machine, ten connections can take a while to line up.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const { rows } = await pool.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0].waiting >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Fewer than ${count} sessions ever waited at the INSERT.`);
}

describe('PersonKeyStore', () => {
  it('given a first use, makes a key and stores it only wrapped by the master key', async () => {
    const subjectId = randomUUID();

    const key = await freshStore().keyFor(subjectId);

    expect(key).toHaveLength(32);
    const [row] = await storedRows(subjectId);
    expect(row.master_key_id).toBe(master.id);
    expect(row.destroyed_at).toBeNull();
    expect(row.wrapped_key).not.toEqual(key);
    expect(row.wrapped_key!.includes(key)).toBe(false);
    expect(await master.unwrap(row.wrapped_key!)).toEqual(key);
  });

  it('given a person with a key, gives the same key again, in this process and in another', async () => {
    const subjectId = randomUUID();
    const store = freshStore();

    const key = await store.keyFor(subjectId);

    expect(await store.keyFor(subjectId)).toEqual(key);
    expect(await freshStore().keyFor(subjectId)).toEqual(key);
    expect(await freshStore().existingKey(subjectId.toUpperCase())).toEqual(key);
    expect(await storedRows(subjectId)).toHaveLength(1);
  });

  it('gives each caller its own copy, so wiping one leaves the cached key intact', async () => {
    const subjectId = randomUUID();
    const store = freshStore();
    const key = await store.keyFor(subjectId);
    const copy = Buffer.from(key);

    key.fill(0);

    expect(await store.keyFor(subjectId)).toEqual(copy);
  });

  it('given a person without a key, existingKey answers null and makes none', async () => {
    const subjectId = randomUUID();

    expect(await freshStore().existingKey(subjectId)).toBeNull();
    expect(await freshStore().isDestroyed(subjectId)).toBe(false);
    expect(await storedRows(subjectId)).toHaveLength(0);
  });

  it('given 10 concurrent first uses through one store, all get the same single key', async () => {
    const subjectId = randomUUID();
    const store = freshStore();

    const keys = await allAtTheInsert(10, () => store.keyFor(subjectId));

    for (const key of keys) expect(key).toEqual(keys[0]);
    expect(await storedRows(subjectId)).toHaveLength(1);
  });

  it('given 10 concurrent first uses from 10 processes, all get the same single key', async () => {
    const subjectId = randomUUID();

    const keys = await allAtTheInsert(10, () => freshStore().keyFor(subjectId));

    for (const key of keys) expect(key).toEqual(keys[0]);
    const [row] = await storedRows(subjectId);
    expect(await master.unwrap(row.wrapped_key!)).toEqual(keys[0]);
  });

  describe('destroy', () => {
    it('erases the key for good: no key, no new key, and the wrapped bytes are gone from the row', async () => {
      const subjectId = randomUUID();
      const store = freshStore();
      const key = await store.keyFor(subjectId);

      expect(await store.destroy(subjectId)).toBe(true);

      expect(await store.existingKey(subjectId)).toBeNull();
      expect(await store.isDestroyed(subjectId)).toBe(true);
      const refusal = store.keyFor(subjectId);
      await expect(refusal).rejects.toBeInstanceOf(PersonKeyDestroyedError);
      await expect(refusal).rejects.toMatchObject({ subjectId, code: 'PERSON_KEY_DESTROYED' });
      await expect(freshStore().keyFor(subjectId)).rejects.toBeInstanceOf(PersonKeyDestroyedError);
      const rows = await storedRows(subjectId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ wrapped_key: null, master_key_id: null });
      expect(rows[0].destroyed_at).toBeInstanceOf(Date);
      const { rows: anywhere } = await pool.query(
        `SELECT 1 FROM privacy.person_keys WHERE position($1::bytea IN coalesce(wrapped_key, ''::bytea)) > 0`,
        [key],
      );
      expect(anywhere).toHaveLength(0);
    });

    it('is idempotent, and answers whether this call destroyed the key', async () => {
      const subjectId = randomUUID();
      const store = freshStore();
      await store.keyFor(subjectId);

      expect(await store.destroy(subjectId)).toBe(true);
      expect(await store.destroy(subjectId)).toBe(false);
      expect(await freshStore().destroy(subjectId)).toBe(false);
      expect(await storedRows(subjectId)).toHaveLength(1);
    });

    it('given a person who never had a key, leaves a tombstone so none is ever made', async () => {
      const subjectId = randomUUID();
      const store = freshStore();

      expect(await store.destroy(subjectId)).toBe(true);

      expect(await store.isDestroyed(subjectId)).toBe(true);
      await expect(store.keyFor(subjectId)).rejects.toBeInstanceOf(PersonKeyDestroyedError);
    });

    it('makes data sealed before it impossible to open afterwards, in any process', async () => {
      const subjectId = randomUUID();
      const sealed = await sealPersonalFields(freshStore(), subjectId, {
        fullName: 'Lan Nguyen',
        phone: '+84 90 000 0000',
        alias: null,
      });
      expect(await openPersonalFields(freshStore(), subjectId, sealed)).toEqual({
        erased: false,
        values: { fullName: 'Lan Nguyen', phone: '+84 90 000 0000', alias: null },
      });

      await freshStore().destroy(subjectId);

      expect(await openPersonalFields(freshStore(), subjectId, sealed)).toEqual({
        erased: true,
        values: { fullName: null, phone: null, alias: null },
      });
      await expect(
        sealPersonalFields(freshStore(), subjectId, { fullName: 'x' }),
      ).rejects.toBeInstanceOf(PersonKeyDestroyedError);
      // Nothing left in the database can open it: the only stored key material is gone.
      const { rows } = await pool.query<{ wrapped_key: Buffer | null }>(
        'SELECT wrapped_key FROM privacy.person_keys WHERE wrapped_key IS NOT NULL',
      );
      for (const { wrapped_key } of rows) {
        const candidate = await master.unwrap(wrapped_key!);
        expect(() =>
          decryptField(candidate, sealed.fullName, { subjectId, field: 'fullName' }),
        ).toThrow(FieldDecryptionError);
      }
    });

    it('evicts the key from this process at once; another process stops using it within its TTL', async () => {
      const subjectId = randomUUID();
      const here = freshStore();
      const elsewhere = freshStore({ cacheTtlMs: 200 });
      const key = await here.keyFor(subjectId);
      expect(await elsewhere.existingKey(subjectId)).toEqual(key);

      await here.destroy(subjectId);

      expect(await here.existingKey(subjectId)).toBeNull();
      // The documented window: a key already cached elsewhere lives on until its entry expires.
      expect(await elsewhere.existingKey(subjectId)).toEqual(key);
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(await elsewhere.existingKey(subjectId)).toBeNull();
    });

    it('inside a caller transaction, takes effect only if that transaction commits', async () => {
      const subjectId = randomUUID();
      const store = freshStore();
      const key = await store.keyFor(subjectId);

      await inTransaction((client) => store.destroy(subjectId, client), 'ROLLBACK');
      expect(await store.keyFor(subjectId)).toEqual(key);

      await inTransaction((client) => store.destroy(subjectId, client), 'COMMIT');
      expect(await store.existingKey(subjectId)).toBeNull();
    });
  });

  it('given a key made inside a transaction that rolls back, neither stores nor caches it', async () => {
    const subjectId = randomUUID();
    const store = freshStore();

    const rolledBack = await inTransaction((client) => store.keyFor(subjectId, client), 'ROLLBACK');

    expect(await store.existingKey(subjectId)).toBeNull();
    const kept = await store.keyFor(subjectId);
    expect(kept).not.toEqual(rolledBack);
    expect(await freshStore().keyFor(subjectId)).toEqual(kept);
  });

  it('given data sealed with a key whose transaction rolled back, says the key is missing', async () => {
    const subjectId = randomUUID();
    const store = freshStore();
    const sealed = await inTransaction(
      (client) => sealPersonalFields(store, subjectId, { fullName: 'Lan Nguyen' }, client),
      'ROLLBACK',
    );

    await expect(openPersonalFields(freshStore(), subjectId, sealed)).rejects.toBeInstanceOf(
      PersonKeyMissingError,
    );
  });

  it('existingKeys answers for many people in one query: keys, erased and unknown as null', async () => {
    const [live, erased, unknown, cached] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const setup = freshStore();
    const liveKey = await setup.keyFor(live);
    await setup.keyFor(erased);
    await setup.destroy(erased);
    const cachedKey = await setup.keyFor(cached);
    const store = freshStore();
    await store.existingKey(cached);
    const query = jest.spyOn(pool, 'query');

    try {
      const keys = await store.existingKeys([live, erased, unknown, cached, live.toUpperCase()]);

      expect(query).toHaveBeenCalledTimes(1);
      expect(keys).toEqual(
        new Map([
          [live, liveKey],
          [erased, null],
          [unknown, null],
          [cached, cachedKey],
          [live.toUpperCase(), liveKey],
        ]),
      );
      // Now all cached: no query at all.
      query.mockClear();
      await store.existingKeys([live, cached]);
      expect(query).not.toHaveBeenCalled();
    } finally {
      query.mockRestore();
    }
  });

  it('after a master key rotation, reads keys wrapped by the previous master key and wraps new ones with the new', async () => {
    const before = randomUUID();
    const after = randomUUID();
    const oldKey = await freshStore().keyFor(before);
    const rotated = new LocalMasterKey(randomBytes(32));
    const store = new PersonKeyStore(pool, { masterKey: rotated, previousMasterKeys: [master] });

    expect(await store.keyFor(before)).toEqual(oldKey);
    await store.keyFor(after);
    expect((await storedRows(after))[0].master_key_id).toBe(rotated.id);
    const withoutOld = new PersonKeyStore(pool, { masterKey: rotated });
    const refusal = withoutOld.existingKey(before);
    await expect(refusal).rejects.toBeInstanceOf(UnknownMasterKeyError);
    await expect(refusal).rejects.toMatchObject({ masterKeyId: master.id });
  });

  it('refuses a subject id that is not a UUID before asking the database', async () => {
    await expect(freshStore().keyFor('lan')).rejects.toThrow(TypeError);
  });
});

describe('personal fields', () => {
  it('seals each present value for its person and field, passes nulls through, opens them back', async () => {
    const subjectId = randomUUID();
    const store = freshStore();

    const sealed = await sealPersonalFields(store, subjectId, {
      fullName: 'Lan Nguyen',
      alias: null,
      phone: undefined,
    });

    expect(sealed.fullName).toMatch(/^pii:v1:/);
    expect(sealed.alias).toBeNull();
    expect(sealed.phone).toBeUndefined();
    expect(await openPersonalFields(store, subjectId, sealed)).toEqual({
      erased: false,
      values: { fullName: 'Lan Nguyen', alias: null, phone: null },
    });
  });

  it('given a sealed value moved to another field or another person, refuses to open it', async () => {
    const [lan, mai] = [randomUUID(), randomUUID()];
    const store = freshStore();
    const sealedLan = await sealPersonalFields(store, lan, { fullName: 'Lan', alias: 'L' });
    await sealPersonalFields(store, mai, { fullName: 'Mai' });

    await expect(
      openPersonalFields(store, lan, { fullName: sealedLan.alias, alias: sealedLan.fullName }),
    ).rejects.toBeInstanceOf(FieldDecryptionError);
    await expect(
      openPersonalFields(store, mai, { fullName: sealedLan.fullName }),
    ).rejects.toBeInstanceOf(FieldDecryptionError);
  });

  it('given nothing to seal, makes no key; opening nothing for a person without a key is not an erasure', async () => {
    const subjectId = randomUUID();
    const store = freshStore();

    expect(await sealPersonalFields(store, subjectId, { fullName: null })).toEqual({
      fullName: null,
    });

    expect(await storedRows(subjectId)).toHaveLength(0);
    expect(await openPersonalFields(store, subjectId, { fullName: null })).toEqual({
      erased: false,
      values: { fullName: null },
    });
  });

  it('seals with the same key encryptField would use directly', async () => {
    const subjectId = randomUUID();
    const store = freshStore();
    const key = await store.keyFor(subjectId);

    const { note } = await sealPersonalFields(store, subjectId, { note: 'n' });

    expect(decryptField(key, note, { subjectId, field: 'note' })).toBe('n');
    expect(encryptField(key, 'n', { subjectId, field: 'note' })).not.toBe(note);
  });
});
