import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReliefResponses1767200000017 implements MigrationInterface {
  name = 'CreateReliefResponses1767200000017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE relief.responses (
        id              uuid        PRIMARY KEY,
        name            text        NOT NULL,
        country         text        NOT NULL,
        starts_on       date        NOT NULL,
        ends_on         date,
        funder          text,
        opened_by       text        NOT NULL,
        opened_position bigint      NOT NULL
      )
    `);
    await queryRunner.query(
      `CREATE INDEX responses_country ON relief.responses (country, opened_position)`,
    );
    await queryRunner.query(`
      CREATE TABLE relief.entries (
        id                uuid        PRIMARY KEY,
        response_id       uuid        NOT NULL,
        entry_type        text        NOT NULL,
        kind              text        NOT NULL,
        recipient_kind    text,
        recipient_id      uuid,
        beneficiary_id    uuid,
        field_worker_kind text,
        field_worker_id   text,
        sex               text,
        age_band          text,
        place             text,
        count             integer,
        destination       text,
        flag              boolean,
        amount_minor      bigint,
        currency          text,
        project_id        uuid,
        notification_id   uuid,
        notified_at       timestamptz,
        occurred_on       date        NOT NULL,
        recorded_by       text        NOT NULL,
        recorded_at       timestamptz NOT NULL,
        position          bigint      NOT NULL
      )
    `);
    await queryRunner.query(
      `CREATE INDEX entries_response ON relief.entries (response_id, entry_type, position)`,
    );
    await queryRunner.query(
      `CREATE INDEX entries_recorded_by ON relief.entries (recorded_by, recorded_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE relief.known_beneficiaries (
        beneficiary_id uuid    PRIMARY KEY,
        country        text    NOT NULL,
        erased         boolean NOT NULL
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE relief.known_beneficiaries`);
    await queryRunner.query(`DROP TABLE relief.entries`);
    await queryRunner.query(`DROP TABLE relief.responses`);
  }
}
