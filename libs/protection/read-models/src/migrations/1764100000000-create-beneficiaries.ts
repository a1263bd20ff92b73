import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The beneficiaries read model, and the sequence that numbers reference codes.
 *
 * The sequence is write-side state, not a read model: a projection rebuild deletes rows and never
 * touches it. Never drop this schema to rebuild: new reference codes would repeat old ones
 * (docs/adr/0007-reference-codes-from-a-sequence.md).
 */
export class CreateBeneficiaries1764100000000 implements MigrationInterface {
  name = 'CreateBeneficiaries1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE protection.beneficiaries (
        id                  uuid        PRIMARY KEY,
        reference_code      text        NOT NULL UNIQUE,
        country             text        NOT NULL,
        sex                 text        NOT NULL,
        minor               boolean     NOT NULL,
        registered_at       timestamptz NOT NULL,
        registered_position bigint      NOT NULL UNIQUE
      )
    `);
    await queryRunner.query(`
      CREATE INDEX beneficiaries_by_country ON protection.beneficiaries (country, registered_position)
    `);
    await queryRunner.query(`CREATE SEQUENCE protection.beneficiary_reference_numbers AS bigint`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE protection.beneficiary_reference_numbers`);
    await queryRunner.query(`DROP TABLE protection.beneficiaries`);
  }
}
