// The PostgreSQL event store's stream hashes: data and metadata stored as the exact text hashed
// (hash version 2), and events of hash version 1 (canonical JSON) still verified and compared.
import { Client } from 'pg';
import { canonicalJson, newEventId } from '../validation';
import { chainHash, contentDigest, GENESIS_HASH } from '../hash-chain';
import type { JsonObject } from '../event-store';
import { PostgresEventStore } from './postgres-event-store';
import { metadata, useEventStoreDatabase } from './testing/postgres-spec-support';

describe('PostgreSQL event store specifics', () => {
  const db = useEventStoreDatabase();

  it('stores data and metadata as the exact text it hashed, so reprinting one breaks the chain', async () => {
    const store = new PostgresEventStore({ connectionString: db.url });
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await store.append('case-exact', [{ type: 'A', data: { b: 1.5, a: 'x' }, metadata }], 0);
      const { rows } = await client.query(
        `SELECT data::text AS data, hash_version FROM event_store.events WHERE stream_id = 'case-exact'`,
      );
      expect(rows).toEqual([{ data: '{"b":1.5,"a":"x"}', hash_version: 2 }]);
      expect((await store.verifyStream('case-exact')).ok).toBe(true);

      // The same content, printed differently (as jsonb would): no longer the text that was hashed.
      await client.query('ALTER TABLE event_store.events DISABLE TRIGGER events_append_only');
      await client.query(
        `UPDATE event_store.events SET data = data::jsonb::json WHERE stream_id = 'case-exact'`,
      );
      await client.query('ALTER TABLE event_store.events ENABLE TRIGGER events_append_only');
      expect((await store.verifyStream('case-exact')).firstBrokenLink).toMatchObject({
        streamVersion: 1,
        reason: 'hash_mismatch',
      });
    } finally {
      await Promise.all([client.end(), store.close()]);
    }
  });

  it('verifies events recorded before it kept exact text (hash version 1, canonical JSON)', async () => {
    const store = new PostgresEventStore({ connectionString: db.url });
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      // An event as the first migration stored it: jsonb's printing, hashed over canonical JSON.
      const data = { zeta: [1, { y: 2, x: 'é' }], alpha: true };
      const eventId = newEventId();
      const { rows } = await client.query<{ position: string; micros: string }>(
        `SELECT nextval('event_store.global_position') AS position,
                (extract(epoch FROM now()) * 1000000)::bigint::text AS micros`,
      );
      const digest = contentDigest({
        eventId,
        streamId: 'case-legacy',
        type: 'A',
        schemaVersion: 1,
        dataJson: canonicalJson(data),
        metadataJson: canonicalJson(metadata),
      });
      const hash = chainHash(
        GENESIS_HASH,
        digest,
        1n,
        BigInt(rows[0].position),
        BigInt(rows[0].micros),
      );
      await client.query(
        `INSERT INTO event_store.events (global_position, event_id, stream_id, stream_category,
                stream_version, type, schema_version, data, metadata, recorded_at, hash, hash_version)
         VALUES ($1, $2, 'case-legacy', 'case', 1, 'A', 1, $3::jsonb::json, $4::jsonb::json,
                 to_timestamp($5::bigint / 1000000.0), $6, 1)`,
        [
          rows[0].position,
          eventId,
          JSON.stringify(data),
          JSON.stringify(metadata),
          rows[0].micros,
          hash,
        ],
      );
      expect(await store.verifyStream('case-legacy')).toEqual({
        streamId: 'case-legacy',
        ok: true,
        eventsChecked: 1,
      });
      // A retry is compared with it as it was hashed: the same content in another key order is
      // the same event; other content is refused.
      const retry = (d: JsonObject) =>
        store.append('case-legacy', [{ eventId, type: 'A', data: d, metadata }], 'no_stream');
      await expect(retry({ alpha: true, zeta: [1, { x: 'é', y: 2 }] })).resolves.toMatchObject({
        duplicate: true,
        globalPositions: [Number(rows[0].position)],
      });
      await expect(retry({ ...data, alpha: false })).rejects.toMatchObject({
        code: 'EVENT_ID_CONFLICT',
        reason: 'different_content',
      });
      // Read as an exact-text event, the same row no longer verifies: the version is what decides.
      await client.query('ALTER TABLE event_store.events DISABLE TRIGGER events_append_only');
      await client.query(
        `UPDATE event_store.events SET hash_version = 2 WHERE stream_id = 'case-legacy'`,
      );
      await client.query('ALTER TABLE event_store.events ENABLE TRIGGER events_append_only');
      expect((await store.verifyStream('case-legacy')).ok).toBe(false);
    } finally {
      await Promise.all([client.end(), store.close()]);
    }
  });
});
