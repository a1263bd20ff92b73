import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many schools or institutions took part in a prevention activity (null when not counted,
 * as for every activity recorded before it was asked).
 */
export class AddActivityInstitutions1768300000002 implements MigrationInterface {
  name = 'AddActivityInstitutions1768300000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE networks.prevention_activities ADD COLUMN institutions int NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE networks.prevention_activities DROP COLUMN institutions');
  }
}
