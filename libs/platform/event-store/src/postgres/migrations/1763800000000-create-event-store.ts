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
        transaction_id  xid8        NOT NULL,
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
        v_xid       xid8;
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

        -- Global positions must follow transaction ids, so that a reader which stops below the
        -- oldest running transaction (the xid8 watermark) never sees a later position commit
        -- before an earlier one. Taking the transaction id and the positions under one short
        -- lock makes both orders the same. The lock is held for microseconds, not until commit.
        IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
          RAISE EXCEPTION 'event_store.append_events must be the first write of its transaction';
        END IF;
        PERFORM pg_advisory_lock(727274001);
        v_xid := pg_current_xact_id();
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
        INSERT INTO event_store.events (global_position, transaction_id, event_id, stream_id,
               stream_category, stream_version, type, schema_version, data, metadata,
               recorded_at, hash)
        SELECT v_positions[i], v_xid, p_event_ids[i], p_stream_id, p_category, v_version + i,
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
      DROP TABLE event_store.events;
      DROP FUNCTION event_store.refuse_change;
      DROP SEQUENCE event_store.global_position;
    `);
  }
}
