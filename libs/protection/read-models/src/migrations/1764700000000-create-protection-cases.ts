import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Protection cases, their investigation notes (sealed) and the timelines of cases and
 * beneficiaries. Read models only: a rebuild empties and refills them from the log.
 */
export class CreateProtectionCases1764700000000 implements MigrationInterface {
  name = 'CreateProtectionCases1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE protection.protection_cases (
        id                     uuid        PRIMARY KEY,
        country                text        NOT NULL,
        province               text        NULL,
        abroad                 boolean     NOT NULL,
        form_of_exploitation   text        NOT NULL,
        status                 text        NOT NULL,
        source_notification_id uuid        NULL UNIQUE,
        opened_at              timestamptz NOT NULL,
        closed_at              timestamptz NULL,
        closure_reason         text        NULL,
        has_minors             boolean     NOT NULL,
        victims                jsonb       NOT NULL,
        rescue_operations      jsonb       NOT NULL,
        guardian_contact       jsonb       NULL,
        note_count             integer     NOT NULL,
        stream_version         integer     NOT NULL,
        opened_position        bigint      NOT NULL UNIQUE
      )
    `);
    await queryRunner.query(`
      CREATE INDEX protection_cases_by_country
        ON protection.protection_cases (country, opened_position)
    `);
    await queryRunner.query(`
      CREATE TABLE protection.case_investigation_notes (
        id       uuid        PRIMARY KEY,
        case_id  uuid        NOT NULL,
        text     text        NOT NULL,
        added_at timestamptz NOT NULL,
        actor_id text        NOT NULL,
        role     text        NOT NULL,
        position bigint      NOT NULL
      )
    `);
    await queryRunner.query(`
      CREATE INDEX case_investigation_notes_by_case
        ON protection.case_investigation_notes (case_id, position)
    `);
    await queryRunner.query(`
      CREATE TABLE protection.timeline_entries (
        subject_id      uuid        NOT NULL,
        position        bigint      NOT NULL,
        subject_type    text        NOT NULL,
        type            text        NOT NULL,
        summary         jsonb       NOT NULL,
        actor_id        text        NOT NULL,
        role            text        NOT NULL,
        occurred_at     timestamptz NOT NULL,
        case_id         uuid        NULL,
        notification_id uuid        NULL,
        PRIMARY KEY (subject_id, position)
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE protection.timeline_entries`);
    await queryRunner.query(`DROP TABLE protection.case_investigation_notes`);
    await queryRunner.query(`DROP TABLE protection.protection_cases`);
  }
}
