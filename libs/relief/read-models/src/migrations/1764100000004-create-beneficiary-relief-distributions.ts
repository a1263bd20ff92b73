import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBeneficiaryReliefDistributions1764100000004 implements MigrationInterface {
  name = 'CreateBeneficiaryReliefDistributions1764100000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE relief.beneficiary_relief_distributions (
        beneficiary_id uuid    PRIMARY KEY,
        count          integer NOT NULL CHECK (count >= 0)
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE relief.beneficiary_relief_distributions`);
  }
}
