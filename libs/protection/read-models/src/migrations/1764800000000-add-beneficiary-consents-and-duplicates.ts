import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consents and possible duplicates on the beneficiaries read model, and the blind match keys
 * duplicate detection compares. The match keys are write-side state (like the break-glass
 * grants): written in the registration's transaction, deleted in the erasure's, never in an
 * event, so a projection rebuild never touches them.
 */
export class AddBeneficiaryConsentsAndDuplicates1764800000000 implements MigrationInterface {
  name = 'AddBeneficiaryConsentsAndDuplicates1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE protection.beneficiaries
        ADD COLUMN consents            jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN possible_duplicates jsonb NOT NULL DEFAULT '[]'::jsonb
    `);
    await queryRunner.query(`
      CREATE TABLE protection.beneficiary_match_keys (
        beneficiary_id uuid  NOT NULL,
        country        text  NOT NULL,
        kind           text  NOT NULL,
        match_key      bytea NOT NULL,
        PRIMARY KEY (beneficiary_id, kind)
      )
    `);
    await queryRunner.query(`
      CREATE INDEX beneficiary_match_keys_by_key
        ON protection.beneficiary_match_keys (country, kind, match_key)
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE protection.beneficiary_match_keys`);
    await queryRunner.query(`
      ALTER TABLE protection.beneficiaries DROP COLUMN consents, DROP COLUMN possible_duplicates
    `);
  }
}
