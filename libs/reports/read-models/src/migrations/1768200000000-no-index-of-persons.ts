import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The unique beneficiaries are counted from their subject cells (ADR 19, rollups): the facts'
 * index of persons served only them, and every fact written paid for it.
 */
export class NoIndexOfPersons1768200000000 implements MigrationInterface {
  name = 'NoIndexOfPersons1768200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX reports.facts_of_persons');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX facts_of_persons ON reports.facts (occurred_on)
        INCLUDE (country, programme, subject_id, recorded_at) WHERE person
    `);
  }
}
