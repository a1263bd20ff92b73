import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBeneficiaryCaseNotifications1764100000001 implements MigrationInterface {
  name = 'CreateBeneficiaryCaseNotifications1764100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE networks.beneficiary_case_notifications (
        beneficiary_id uuid    PRIMARY KEY,
        count          integer NOT NULL CHECK (count >= 0)
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE networks.beneficiary_case_notifications`);
  }
}
