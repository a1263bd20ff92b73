import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation that registered a beneficiary: a partner sees only its own organisation's
 * beneficiaries. Rows projected before the column existed take it from their registration
 * event's metadata, as the projection does.
 */
export class AddBeneficiaryOrganisation1764300000000 implements MigrationInterface {
  name = 'AddBeneficiaryOrganisation1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE protection.beneficiaries ADD COLUMN organisation_id text`);
    await queryRunner.query(`
      UPDATE protection.beneficiaries b
         SET organisation_id = e.metadata->>'organisationId'
        FROM event_store.events e
       WHERE e.global_position = b.registered_position
    `);
    await queryRunner.query(`
      CREATE INDEX beneficiaries_by_organisation
        ON protection.beneficiaries (organisation_id, registered_position)
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX protection.beneficiaries_by_organisation`);
    await queryRunner.query(`ALTER TABLE protection.beneficiaries DROP COLUMN organisation_id`);
  }
}
