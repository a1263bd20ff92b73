/**
 * One append, atomically, in one statement (one round trip, one plan, cached):
 *
 * 1. `head`: the stream's last version and hash (an index lookup).
 * 2. `allowed`: nothing, when the expected version does not hold; nothing below runs then.
 * 3. `registered`: registers a lower bound of the positions about to be taken as a transaction
 *    lock, so readers stop below this append until it ends (docs/adr/0002). It must come before
 *    `positions`, which reads it.
 * 4. `positions`: the global positions, from the sequence; none when the registration was refused.
 * 5. `chain`: each event's hash over the previous one (docs/adr/0003), in one call of
 *    event_store.chain_hashes.
 * 6. `inserted`: the rows, zipped from the positions, the hashes and the parameters by one unnest
 *    (no joins). A concurrent append of the same version or event id fails here on a unique
 *    index, and the caller runs the statement again to see the winner.
 * 7. The answer, from `positions` and `chain`: nothing is read back from the table.
 *
 * Returns the stream's version before the append, and the new positions as comma-separated text
 * (cheaper to split than an array to parse; null when the expected version did not hold).
 *
 * Parameters: $1 stream id, $2 category, $3 expected version (>= 0 exact, -1 any, -2 no stream,
 * -3 stream exists), $4 event ids, $5 types, $6 schema versions, $7 the events' data and $8 their
 * metadata as json arrays in binary form (jsonArray of @haven/platform/database: PostgreSQL
 * checks each element's text once and stores it as it is), $9 content digests (a bytea array in
 * binary form).
 */
/**
 * The store's own key space for registrations (docs/adr/0002): two-key advisory locks whose first
 * key is REGISTRATION_KEY_SPACE plus the bound's bits above 31, the second its low 31 bits. The
 * space holds 65,536 first keys, so bounds below 2^47. Readers count only shared locks in it,
 * held by transactions that are writing to event_store.events (read_horizon).
 */
export const REGISTRATION_KEY_SPACE = 0x48560000;

/** The two keys of the registration for a bound (as the append statements take them). */
export function registrationKeys(bound: number): [number, number] {
  return [REGISTRATION_KEY_SPACE + Math.floor(bound / 2147483648), bound % 2147483648];
}

/** Registers `b.bound`; false, and nothing registered, when its key is locked exclusively. */
const REGISTER = `pg_try_advisory_xact_lock_shared((${REGISTRATION_KEY_SPACE} + b.bound / 2147483648)::int, (b.bound % 2147483648)::int)`;

/** The stream's last version and hash; version 0 and the genesis hash for a new stream. */
const STREAM_HEAD = `
  SELECT coalesce(last.stream_version, 0) AS version,
         coalesce(last.hash, '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea) AS hash
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (
      SELECT e.stream_version, e.hash FROM event_store.events e
       WHERE e.stream_id = $1 ORDER BY e.stream_version DESC LIMIT 1
    ) AS last ON true`;

const appendSql = (head: string) => `
WITH head AS MATERIALIZED (${head}),
allowed AS MATERIALIZED (
  SELECT h.version, h.hash FROM head h
   WHERE CASE WHEN $3::bigint >= 0 THEN h.version = $3::bigint
              WHEN $3::bigint = -2 THEN h.version = 0
              WHEN $3::bigint = -3 THEN h.version > 0
              ELSE true END
),
registered AS MATERIALIZED (
  SELECT a.version, a.hash,
         ${REGISTER} AS locked
    FROM allowed a,
         (SELECT coalesce(pg_sequence_last_value('event_store.global_position'), 0) + 1 AS bound) AS b
),
positions AS MATERIALIZED (
  SELECT array_agg(taken.p ORDER BY taken.p) AS list
    FROM (SELECT nextval('event_store.global_position') AS p
            FROM registered r, generate_series(1, cardinality($4::uuid[]))
           WHERE r.locked) AS taken
  HAVING count(*) > 0
),
chain AS MATERIALIZED (
  SELECT event_store.chain_hashes(r.hash, r.version, $9::bytea[], p.list,
                                  (extract(epoch FROM now()) * 1000000)::bigint) AS list
    FROM registered r, positions p
),
inserted AS (
  INSERT INTO event_store.events (global_position, event_id, stream_id, stream_category,
         stream_version, type, schema_version, data, metadata, recorded_at, hash)
  SELECT e.position, e.event_id, $1, $2, r.version + e.i, e.type, e.schema_version, e.data,
         e.metadata, now(), e.hash
    FROM registered r, positions p, chain c,
         unnest(p.list, c.list, $4::uuid[], $5::text[], $6::int[], $7::json[], $8::json[])
           WITH ORDINALITY AS e(position, hash, event_id, type, schema_version, data, metadata, i)
)
-- What was inserted is known without RETURNING: an INSERT in a WITH always runs to its end, and
-- either every row went in (when allowed and registered) or the statement failed.
SELECT (SELECT h.version FROM head h) AS version,
       (SELECT array_to_string(p.list, ',') FROM positions p) AS positions,
       (SELECT c.list[cardinality(c.list)] FROM chain c) AS last_hash`;

export const APPEND_SQL = appendSql(STREAM_HEAD);

/**
 * APPEND_SQL when the stream's head is known (docs/adr/0011-stream-heads.md): $3 is its exact
 * version and $10 its hash, so there is no lookup. A stream that has moved on since fails on the
 * unique (stream, version) index, and the caller runs APPEND_SQL instead.
 */
export const APPEND_AFTER_SQL = appendSql(`SELECT $3::bigint AS version, $10::bytea AS hash`);

/**
 * Which stored events carry these ids, with what their hashes cover besides the content (the
 * previous event's hash, the exact recorded-at): the idempotent-retry check, run only when
 * needed, compares the retry's content with the stored one through the hash.
 */
export const FIND_EVENT_IDS_SQL = `
SELECT e.event_id, e.stream_id, e.stream_version, e.global_position, e.hash, e.hash_version,
       p.hash AS previous_hash,
       (extract(epoch FROM e.recorded_at) * 1000000)::bigint::text AS recorded_micros
  FROM event_store.events e
  LEFT JOIN event_store.events p
    ON p.stream_id = e.stream_id AND p.stream_version = e.stream_version - 1
 WHERE e.event_id = ANY($1::uuid[])`;

/**
 * The same append for the most common case, one event, as one plain INSERT ... SELECT (no CTEs,
 * no arrays). The inner query's WHERE runs before its nextval(): the expected version holds, and
 * the append registered a lower bound of its position for readers (docs/adr/0002) before taking
 * it. Inserts nothing when the expected version does not hold; the caller then reads the actual
 * version. Parameters as APPEND_SQL's, each for the one event.
 */
export const APPEND_ONE_SQL = `
INSERT INTO event_store.events (global_position, event_id, stream_id, stream_category,
       stream_version, type, schema_version, data, metadata, recorded_at, hash)
SELECT p.position, $4::uuid, $1, $2, p.version + 1, $5::text, $6::int, $7::json, $8::json, now(),
       sha256(p.hash || $9::bytea || int8send(p.version + 1) || int8send(p.position)
              || int8send((extract(epoch FROM now()) * 1000000)::bigint))
  FROM (
    SELECT h.version, h.hash, nextval('event_store.global_position') AS position
      FROM (${STREAM_HEAD}) AS h,
      LATERAL (SELECT coalesce(pg_sequence_last_value('event_store.global_position'), 0) + 1 AS bound) AS b
     WHERE CASE WHEN $3::bigint >= 0 THEN h.version = $3::bigint
                WHEN $3::bigint = -2 THEN h.version = 0
                WHEN $3::bigint = -3 THEN h.version > 0
                ELSE true END
       AND ${REGISTER}
  ) AS p
RETURNING global_position, stream_version, hash`;

/**
 * APPEND_ONE_SQL when the stream's head is known (docs/adr/0011-stream-heads.md): $3 is its exact
 * version and $10 its hash. No lookup and no version check: a stream that has moved on fails on
 * the unique (stream, version) index, and the caller runs APPEND_ONE_SQL instead. The plan is a
 * one-row INSERT ... SELECT, as close to a plain INSERT as the registration (ADR 2) allows. It
 * returns only what the caller does not know: the position and the hash (as hex, the same text
 * whatever the server's bytea_output).
 *
 * $11: a notification channel, or null. When given, the append carries the store's NOTIFY,
 * delivered at its commit (docs/adr/0004: at most one append per interval does).
 */
export const APPEND_ONE_AFTER_SQL = `
INSERT INTO event_store.events (global_position, event_id, stream_id, stream_category,
       stream_version, type, schema_version, data, metadata, recorded_at, hash)
SELECT p.position, $4::uuid, $1, $2, $3::bigint + 1, $5::text, $6::int, $7::json, $8::json, now(),
       sha256($10::bytea || $9::bytea || int8send($3::bigint + 1) || int8send(p.position)
              || int8send((extract(epoch FROM now()) * 1000000)::bigint))
  FROM (
    SELECT nextval('event_store.global_position') AS position
      FROM (SELECT coalesce(pg_sequence_last_value('event_store.global_position'), 0) + 1 AS bound) AS b
     WHERE ${REGISTER}
  ) AS p
RETURNING global_position, encode(hash, 'hex') AS hash_hex,
          CASE WHEN $11::text IS NOT NULL THEN pg_notify($11, '') END AS notified`;

/** A stream's current version, for the error when the expected version did not hold. */
export const STREAM_VERSION_SQL = `
SELECT coalesce(max(stream_version), 0) AS version FROM event_store.events WHERE stream_id = $1`;

/**
 * Several single-event appends to different streams, each after its known head, in one
 * statement (docs/adr/0012-shared-append-statements.md). APPEND_ONE_AFTER_SQL for each row: one
 * registration for readers (ADR 2) before any position is taken, then each row's position and
 * hash over its own stream's head. A stream that has moved on, or an event id already stored,
 * fails the whole statement on a unique index, and the caller runs each append on its own.
 * Inserts nothing when the registration is refused.
 *
 * Parameters, one element per append: $1 stream ids, $2 categories, $3 head versions, $4 event
 * ids, $5 types, $6 schema versions, $7 data and $8 metadata as json arrays in binary form, $9
 * content digests, $10 head hashes.
 */
export const APPEND_EACH_AFTER_SQL = `
INSERT INTO event_store.events (global_position, event_id, stream_id, stream_category,
       stream_version, type, schema_version, data, metadata, recorded_at, hash)
SELECT p.position, p.event_id, p.stream_id, p.category, p.version + 1, p.type, p.schema_version,
       p.data, p.metadata, now(),
       sha256(p.head_hash || p.digest || int8send(p.version + 1) || int8send(p.position)
              || int8send((extract(epoch FROM now()) * 1000000)::bigint))
  FROM (
    SELECT a.stream_id, a.category, a.version, a.event_id, a.type, a.schema_version, a.data,
           a.metadata, a.digest, a.head_hash, nextval('event_store.global_position') AS position
      FROM (SELECT coalesce(pg_sequence_last_value('event_store.global_position'), 0) + 1 AS bound) AS b,
           unnest($1::text[], $2::text[], $3::bigint[], $4::uuid[], $5::text[], $6::int[],
                  $7::json[], $8::json[], $9::bytea[], $10::bytea[])
             AS a(stream_id, category, version, event_id, type, schema_version, data, metadata,
                  digest, head_hash)
     WHERE ${REGISTER}
  ) AS p
RETURNING global_position, event_id, hash`;
