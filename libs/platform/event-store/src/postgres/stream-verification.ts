import type { Pool } from 'pg';
import type { StreamVerification } from '../event-store';
import { chainHash, contentDigest, GENESIS_HASH } from '../hash-chain';
import { canonicalJson, parseStreamId } from '../validation';

/**
 * Walks a stream's hash chain in version order (docs/adr/0003) and returns the first broken link:
 * a missing version, or a stored hash that the event and the hash before it do not give.
 */
export async function verifyStoredStream(
  pool: Pool,
  streamId: string,
): Promise<StreamVerification> {
  parseStreamId(streamId);
  // The stored text itself (not parsed JSON) and the exact recorded-at, which the hash covers.
  interface StoredRow {
    global_position: string;
    event_id: string;
    stream_id: string;
    stream_version: string;
    type: string;
    schema_version: number;
    data_text: string;
    metadata_text: string;
    hash_version: number;
    hash: Buffer;
    recorded_micros: string;
  }
  const { rows } = await pool.query<StoredRow>(
    `SELECT global_position, event_id, stream_id, stream_version, type, schema_version,
            data::text AS data_text, metadata::text AS metadata_text, hash_version, hash,
            (extract(epoch FROM recorded_at) * 1000000)::bigint::text AS recorded_micros
       FROM event_store.events WHERE stream_id = $1 ORDER BY stream_version`,
    [streamId],
  );
  let previous: Buffer = GENESIS_HASH;
  let expectedVersion = 1;
  for (const row of rows) {
    const version = Number(row.stream_version);
    const link = {
      streamVersion: expectedVersion,
      globalPosition: Number(row.global_position),
      eventId: row.event_id,
    };
    if (version !== expectedVersion) {
      return broken(streamId, expectedVersion - 1, {
        ...link,
        globalPosition: null,
        eventId: null,
        reason: 'version_gap',
        detail: `version ${expectedVersion} is missing: the next stored event is version ${version}.`,
      });
    }
    // Version 2 hashed the stored text itself; version 1 (before the store kept exact text)
    // the canonical JSON of the content.
    const exact = row.hash_version === 2;
    const digest = contentDigest({
      eventId: row.event_id,
      streamId: row.stream_id,
      type: row.type,
      schemaVersion: row.schema_version,
      dataJson: exact ? row.data_text : canonicalJson(JSON.parse(row.data_text)),
      metadataJson: exact ? row.metadata_text : canonicalJson(JSON.parse(row.metadata_text)),
    });
    const expected = chainHash(
      previous,
      digest,
      BigInt(version),
      BigInt(row.global_position),
      BigInt(row.recorded_micros),
    );
    if (!expected.equals(row.hash)) {
      return broken(streamId, expectedVersion - 1, {
        ...link,
        reason: 'hash_mismatch',
        detail: 'the stored hash does not match the event and the hash of the event before it.',
      });
    }
    previous = row.hash;
    expectedVersion++;
  }
  return { streamId, ok: true, eventsChecked: rows.length };
}

function broken(
  streamId: string,
  eventsChecked: number,
  firstBrokenLink: NonNullable<StreamVerification['firstBrokenLink']>,
): StreamVerification {
  return { streamId, ok: false, eventsChecked, firstBrokenLink };
}
