import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who read whose personal data, which fields, when, why: one row per read, never changed or
 * removed (a trigger refuses UPDATE, DELETE and TRUNCATE, as on event_store.events). The log
 * names people by id only and holds no personal values.
 */
export class CreateAccessLog1764400000000 implements MigrationInterface {
  name = 'CreateAccessLog1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE privacy.access_log (
        id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at     timestamptz NOT NULL DEFAULT now(),
        actor_id        text        NOT NULL,
        role            text        NOT NULL,
        organisation_id text        NULL,
        record_type     text        NOT NULL,
        record_id       text        NOT NULL,
        fields          text[]      NOT NULL,
        purpose         text        NULL,
        break_glass     boolean     NOT NULL,
        request_id      text        NULL,
        CONSTRAINT access_log_names_fields CHECK (cardinality(fields) > 0),
        CONSTRAINT access_log_purpose_is_short CHECK (length(purpose) <= 500)
      );
      CREATE INDEX access_log_by_record ON privacy.access_log (record_id, id);
      CREATE INDEX access_log_by_actor ON privacy.access_log (actor_id, id);
      CREATE INDEX access_log_by_time ON privacy.access_log (occurred_at);

      -- An audit trail is only worth something if nobody can rewrite it. Someone with the rights
      -- to disable this trigger still can: database roles and backups are the next line.
      CREATE FUNCTION privacy.refuse_access_log_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'privacy.access_log is append-only: % is refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $fn$;
      CREATE TRIGGER access_log_append_only
        BEFORE UPDATE OR DELETE OR TRUNCATE ON privacy.access_log
        FOR EACH STATEMENT EXECUTE FUNCTION privacy.refuse_access_log_change();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE privacy.access_log;
      DROP FUNCTION privacy.refuse_access_log_change();
    `);
  }
}
