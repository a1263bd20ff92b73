import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBeneficiaryEmpowermentServices1764100000002 implements MigrationInterface {
  name = 'CreateBeneficiaryEmpowermentServices1764100000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE empowerment.beneficiary_empowerment_services (
        beneficiary_id uuid    PRIMARY KEY,
        count          integer NOT NULL CHECK (count >= 0)
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE empowerment.beneficiary_empowerment_services`);
  }
}
