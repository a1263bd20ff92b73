import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A beneficiary's personal fields, as their registration event holds them: sealed with the
 * person's data key, field by field (never clear text). `erased_at` is set, and `personal`
 * emptied, when their erasure is confirmed. Rows projected before these columns existed had no
 * personal fields and no erasure, so the defaults (null) are already right for them.
 */
export class AddBeneficiaryPersonalData1764500000000 implements MigrationInterface {
  name = 'AddBeneficiaryPersonalData1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE protection.beneficiaries
        ADD COLUMN personal  jsonb       NULL,
        ADD COLUMN erased_at timestamptz NULL
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE protection.beneficiaries DROP COLUMN erased_at, DROP COLUMN personal
    `);
  }
}
