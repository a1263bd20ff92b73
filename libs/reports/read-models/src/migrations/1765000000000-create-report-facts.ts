import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The report's fact tables. Every figure filters by programme, kind and day, and optionally by
 * country of operation: the index leads with them and carries the columns the figures read.
 */
export class CreateReportFacts1765000000000 implements MigrationInterface {
  name = 'CreateReportFacts1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reports.facts (
        fact_id     text        PRIMARY KEY,
        programme   text        NOT NULL,
        kind        text        NOT NULL,
        country     text        NOT NULL,
        occurred_on date        NOT NULL,
        recorded_at timestamptz NOT NULL,
        position    bigint      NOT NULL,
        subject_id  text        NULL,
        person      boolean     NOT NULL,
        state_key   text        NULL,
        quantity    bigint      NOT NULL,
        attributes  jsonb       NOT NULL
      )
    `);
    await queryRunner.query(`
      CREATE INDEX facts_by_kind_and_day
        ON reports.facts (programme, kind, occurred_on)
        INCLUDE (country, recorded_at, subject_id, quantity, position, state_key)
    `);
    await queryRunner.query(`
      CREATE INDEX facts_by_state_key ON reports.facts (state_key, position)
        WHERE state_key IS NOT NULL
    `);
    await queryRunner.query(`
      CREATE INDEX facts_of_persons ON reports.facts (occurred_on)
        INCLUDE (country, programme, subject_id, recorded_at) WHERE person
    `);
    await queryRunner.query(`
      CREATE TABLE reports.subjects (
        key        text  PRIMARY KEY,
        attributes jsonb NOT NULL
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE reports.subjects');
    await queryRunner.query('DROP TABLE reports.facts');
  }
}
