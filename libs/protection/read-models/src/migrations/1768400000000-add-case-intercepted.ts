import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a case's victims were intercepted in transit (ProtectionCaseOpened v4). Cases opened
 * before it was asked were not, as a rebuild from the log would give them.
 */
export class AddCaseIntercepted1768400000000 implements MigrationInterface {
  name = 'AddCaseIntercepted1768400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE protection.protection_cases ADD COLUMN intercepted boolean NOT NULL DEFAULT false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE protection.protection_cases DROP COLUMN intercepted`);
  }
}
