import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `reports.subject_cells`: for each rolled-up figure, one row per subject and cell (country,
 * breakdown, value), with the earliest time a fact put the subject there (ADR 19, rollups). The
 * key keeps a figure's year together and each cell's subjects in order, so that counting them
 * once across countries needs no hashing; `recorded_at` rides in the key's index, so a report
 * reads a figure from the index alone.
 */
export class SubjectCells1768100000000 implements MigrationInterface {
  name = 'SubjectCells1768100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reports.subject_cells (
        programme   text        NOT NULL,
        figure      text        NOT NULL,
        year        smallint    NOT NULL,
        breakdown   smallint    NOT NULL,
        value       text        NOT NULL,
        country     text        NOT NULL,
        subject_id  text        NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (programme, figure, year, breakdown, value, subject_id, country)
          INCLUDE (recorded_at)
      ) WITH (autovacuum_vacuum_insert_scale_factor = 0.01)
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE reports.subject_cells');
  }
}
