import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log and its append function. See docs/adr/0002 for why positions are handed out
 * under a short lock together with the transaction id, and docs/adr/0003 for the hash chain.
 */
export class CreateEventStore1763800000000 implements MigrationInterface {
  name = 'CreateEventStore1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      -- CACHE 1 matters: a per-session cache would hand out positions out of transaction order.
      CREATE SEQUENCE event_store.global_position AS bigint START 1 CACHE 1;

      CREATE TABLE event_store.events (
        global_position bigint      PRIMARY KEY,
        event_id        uuid        NOT NULL,
        stream_id       text        NOT NULL,
        stream_category text        NOT NULL,
        stream_version  bigint      NOT NULL,
        type            text        NOT NULL,
        schema_version  integer     NOT NULL,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        recorded_at     timestamptz NOT NULL,
        hash            bytea       NOT NULL,
        CONSTRAINT events_event_id_unique UNIQUE (event_id),
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version),
        CONSTRAINT events_stream_version_positive CHECK (stream_version > 0)
      );
      CREATE INDEX events_category_position ON event_store.events (stream_category, global_position);

      -- Events are facts: nothing in Haven updates or deletes them. Someone with the rights to
      -- disable this trigger can still tamper, and the hash chain is there to show it.
      CREATE FUNCTION event_store.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'event_store.events is append-only: % is refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $fn$;
      CREATE TRIGGER events_append_only
        BEFORE UPDATE OR DELETE OR TRUNCATE ON event_store.events
        FOR EACH STATEMENT EXECUTE FUNCTION event_store.refuse_change();

      -- The first global position a reader may not pass yet: the lowest first position of an
      -- append still in flight in this database, or the next position to be handed out.
      -- The sequence is read before the locks: a position taken after that read is above the
      -- horizon, and one taken before it belongs to an append that registered its lock first.
      -- VOLATILE, so the caller's next statement takes a new snapshot that sees every append
      -- whose lock was already gone here.
      CREATE FUNCTION event_store.read_horizon() RETURNS bigint
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        v_next     bigint;
        v_inflight bigint;
      BEGIN
        SELECT CASE WHEN s.is_called THEN s.last_value + 1 ELSE s.last_value END INTO v_next
          FROM event_store.global_position s;
        SELECT min(l.classid::bigint * 2147483648 + l.objid::bigint) INTO v_inflight
          FROM pg_locks l
         WHERE l.locktype = 'advisory' AND l.objsubid = 2
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());
        RETURN least(v_next, coalesce(v_inflight, v_next));
      END
      $fn$;

      -- Up to p_limit events from p_from on, all below the horizon: a gap-free prefix of the log.
      CREATE FUNCTION event_store.read_all(p_from bigint, p_limit integer, p_categories text[])
      RETURNS SETOF event_store.events
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        v_horizon bigint := event_store.read_horizon();
      BEGIN
        IF p_categories IS NULL THEN
          RETURN QUERY SELECT * FROM event_store.events e
            WHERE e.global_position >= p_from AND e.global_position < v_horizon
            ORDER BY e.global_position LIMIT p_limit;
        ELSE
          RETURN QUERY SELECT * FROM event_store.events e
            WHERE e.global_position >= p_from AND e.global_position < v_horizon
              AND e.stream_category = ANY (p_categories)
            ORDER BY e.global_position LIMIT p_limit;
        END IF;
      END
      $fn$;

      -- The last position below the horizon (0 for an empty log).
      CREATE FUNCTION event_store.head_position() RETURNS bigint
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        v_horizon bigint := event_store.read_horizon();
        v_head    bigint;
      BEGIN
        SELECT max(e.global_position) INTO v_head FROM event_store.events e
         WHERE e.global_position < v_horizon;
        RETURN coalesce(v_head, 0);
      END
      $fn$;

      -- One append, atomically, in one round trip. Outcomes:
      --   appended | duplicate (an idempotent retry) | wrong_expected_version | event_id_conflict.
      -- p_expected: >= 0 exact version, -1 any, -2 no stream, -3 stream exists.
      CREATE FUNCTION event_store.append_events(
        p_stream_id       text,
        p_category        text,
        p_expected        bigint,
        p_event_ids       uuid[],
        p_types           text[],
        p_schema_versions integer[],
        p_data            jsonb[],
        p_metadata        jsonb[],
        p_digests         bytea[]
      ) RETURNS TABLE (outcome text, version bigint, positions bigint[])
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_count     integer := cardinality(p_event_ids);
        v_found     integer;
        v_in_stream integer;
        v_version   bigint;
        v_hash      bytea;
        v_first     bigint;
        v_positions bigint[];
        v_hashes    bytea[] := '{}';
        v_now       timestamptz := now();
        v_micros    bigint := (extract(epoch FROM now()) * 1000000)::bigint;
      BEGIN
        -- An idempotent retry returns what the first attempt wrote.
        SELECT count(*), count(*) FILTER (WHERE e.stream_id = p_stream_id),
               max(e.stream_version), array_agg(e.global_position ORDER BY u.ord)
          INTO v_found, v_in_stream, v_version, v_positions
          FROM unnest(p_event_ids) WITH ORDINALITY AS u(id, ord)
          JOIN event_store.events e ON e.event_id = u.id;
        IF v_found > 0 THEN
          IF v_found = v_count AND v_in_stream = v_count THEN
            RETURN QUERY SELECT 'duplicate'::text, v_version, v_positions;
          ELSE
            RETURN QUERY SELECT 'event_id_conflict'::text, NULL::bigint, NULL::bigint[];
          END IF;
          RETURN;
        END IF;

        SELECT e.stream_version, e.hash INTO v_version, v_hash
          FROM event_store.events e
         WHERE e.stream_id = p_stream_id
         ORDER BY e.stream_version DESC
         LIMIT 1;
        v_version := coalesce(v_version, 0);
        v_hash := coalesce(v_hash, '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
        IF (p_expected >= 0 AND v_version <> p_expected)
           OR (p_expected = -2 AND v_version <> 0)
           OR (p_expected = -3 AND v_version = 0) THEN
          RETURN QUERY SELECT 'wrong_expected_version'::text, v_version, NULL::bigint[];
          RETURN;
        END IF;

        -- Hand out positions one append at a time, and register the first one as a transaction
        -- lock before taking them: until this transaction ends, readers see it in pg_locks and
        -- stop below it (event_store.read_horizon), so no reader can pass a position that may
        -- still commit. The mutex is held for microseconds, not until commit (docs/adr/0002).
        PERFORM pg_advisory_lock(727274001);
        SELECT CASE WHEN s.is_called THEN s.last_value + 1 ELSE s.last_value END INTO v_first
          FROM event_store.global_position s;
        PERFORM pg_advisory_xact_lock_shared((v_first / 2147483648)::int, (v_first % 2147483648)::int);
        SELECT array_agg(nextval('event_store.global_position')) INTO v_positions
          FROM generate_series(1, v_count);
        PERFORM pg_advisory_unlock(727274001);

        FOR i IN 1..v_count LOOP
          v_hash := sha256(v_hash || p_digests[i] || int8send(v_version + i)
                           || int8send(v_positions[i]) || int8send(v_micros));
          v_hashes := v_hashes || v_hash;
        END LOOP;

        -- A concurrent append of the same version or event id fails here on a unique index;
        -- the caller re-runs the function, which then sees the winner.
        INSERT INTO event_store.events (global_position, event_id, stream_id,
               stream_category, stream_version, type, schema_version, data, metadata,
               recorded_at, hash)
        SELECT v_positions[i], p_event_ids[i], p_stream_id, p_category, v_version + i,
               p_types[i], p_schema_versions[i], p_data[i], p_metadata[i], v_now, v_hashes[i]
          FROM generate_series(1, v_count) AS i;

        RETURN QUERY SELECT 'appended'::text, v_version + v_count, v_positions;
      END
      $fn$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP FUNCTION event_store.append_events;
      DROP FUNCTION event_store.read_all;
      DROP FUNCTION event_store.head_position;
      DROP FUNCTION event_store.read_horizon;
      DROP TABLE event_store.events;
      DROP FUNCTION event_store.refuse_change;
      DROP SEQUENCE event_store.global_position;
    `);
  }
}
