import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log, and the functions readers use to stay below appends still in flight
 * (docs/adr/0002). The append itself is one SQL statement, `APPEND_SQL` in append-sql.ts.
 */
export class CreateEventStore1763800000000 implements MigrationInterface {
  name = 'CreateEventStore1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
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

      -- The first global position a reader may not pass yet. Every append registers a lower
      -- bound of its positions as a transaction lock before it takes them (APPEND_SQL), so the
      -- horizon is the lowest registered bound in this database, or the next position to be
      -- handed out. The sequence is read before the locks: a position taken after that read is
      -- above the horizon, and one taken before it belongs to an append registered before.
      CREATE FUNCTION event_store.read_horizon() RETURNS bigint
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        v_next     bigint := coalesce(pg_sequence_last_value('event_store.global_position'), 0) + 1;
        v_inflight bigint;
      BEGIN
        SELECT min(l.classid::bigint * 2147483648 + l.objid::bigint) INTO v_inflight
          FROM pg_locks l
         WHERE l.locktype = 'advisory' AND l.objsubid = 2
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());
        RETURN least(v_next, coalesce(v_inflight, v_next));
      END
      $fn$;

      -- Up to p_limit events from p_from on, all below the horizon: a gap-free prefix of the log.
      -- VOLATILE, so each query below takes a snapshot newer than the horizon's lock reading.
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
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP FUNCTION event_store.head_position;
      DROP FUNCTION event_store.read_all;
      DROP FUNCTION event_store.read_horizon;
      DROP TABLE event_store.events;
      DROP FUNCTION event_store.refuse_change;
      DROP SEQUENCE event_store.global_position;
    `);
  }
}
