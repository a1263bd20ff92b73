import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The day a beneficiary was registered on the ground (BeneficiaryRegistered v3), apart from when
 * it was recorded. Rows projected before keep null until a rebuild; the API reads their
 * recording day meanwhile, as the upcaster does.
 */
export class AddBeneficiaryRegisteredOn1767600000002 implements MigrationInterface {
  name = 'AddBeneficiaryRegisteredOn1767600000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE protection.beneficiaries ADD COLUMN registered_on text NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE protection.beneficiaries DROP COLUMN registered_on`);
  }
}
