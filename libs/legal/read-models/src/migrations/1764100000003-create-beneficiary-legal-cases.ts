import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBeneficiaryLegalCases1764100000003 implements MigrationInterface {
  name = 'CreateBeneficiaryLegalCases1764100000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE legal.beneficiary_legal_cases (
        beneficiary_id uuid    PRIMARY KEY,
        count          integer NOT NULL CHECK (count >= 0)
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE legal.beneficiary_legal_cases`);
  }
}
