import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REGISTRATION_KEY_SPACE } from '../append-sql';

const LAST_FIRST_KEY = REGISTRATION_KEY_SPACE + 65535;

/**
 * The read horizon counts only the store's own registrations (docs/adr/0002, update of
 * 2026-12): shared two-key advisory locks in its key space (append-sql.ts), held by transactions
 * that are writing to event_store.events. Before, any two-key advisory lock in the database
 * counted, so an unrelated session holding pg_advisory_lock(0, 1) stopped every reader.
 *
 * Appends of the previous version register outside this key space: stop them before migrating.
 */
export class OwnRegistrations1767100000000 implements MigrationInterface {
  name = 'OwnRegistrations1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One scan of pg_locks, grouped by backend: a registration counts when the same backend
    // also holds RowExclusiveLock on the events table. An append takes that lock (when its
    // statement is planned, or its cached plan locked) before it registers, and keeps it to the
    // end of its transaction, so every registration that matters is seen with it.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION event_store.read_horizon() RETURNS bigint
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        v_next     bigint := coalesce(pg_sequence_last_value('event_store.global_position'), 0) + 1;
        v_events   oid := 'event_store.events'::regclass;
        v_inflight bigint;
      BEGIN
        SELECT min(held.bound) INTO v_inflight
          FROM (
            SELECT min((l.classid::bigint - ${REGISTRATION_KEY_SPACE}) * 2147483648 + l.objid::bigint)
                     FILTER (WHERE l.locktype = 'advisory') AS bound,
                   bool_or(l.locktype = 'relation' AND l.mode = 'RowExclusiveLock') AS appending
              FROM pg_locks l
             WHERE l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND ((l.locktype = 'advisory' AND l.objsubid = 2 AND l.mode = 'ShareLock'
                     AND l.classid::bigint BETWEEN ${REGISTRATION_KEY_SPACE} AND ${LAST_FIRST_KEY})
                    OR (l.locktype = 'relation' AND l.relation = v_events))
             GROUP BY l.pid
          ) AS held
         WHERE held.appending;
        RETURN least(v_next, coalesce(v_inflight, v_next));
      END
      $fn$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION event_store.read_horizon() RETURNS bigint
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
    `);
  }
}
