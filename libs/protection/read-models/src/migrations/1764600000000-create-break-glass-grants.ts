import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Break-glass grants: who may reach which beneficiary outside their scope, until when. Written in
 * the transaction that appends the grant's event (BreakGlassAccessGranted), so the grant works on
 * the very next request. Write-side state, like the reference sequence: a projection rebuild
 * never touches it.
 */
export class CreateBreakGlassGrants1764600000000 implements MigrationInterface {
  name = 'CreateBreakGlassGrants1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE protection.break_glass_grants (
        grant_id        uuid        PRIMARY KEY,
        beneficiary_id  uuid        NOT NULL,
        country         text        NOT NULL,
        subject         text        NOT NULL,
        role            text        NOT NULL,
        organisation_id text        NULL,
        reason          text        NOT NULL,
        granted_at      timestamptz NOT NULL,
        expires_at      timestamptz NOT NULL,
        position        bigint      NOT NULL UNIQUE,
        CONSTRAINT break_glass_grants_expire_after_granted CHECK (expires_at > granted_at)
      )
    `);
    await queryRunner.query(`
      CREATE INDEX break_glass_grants_by_subject
        ON protection.break_glass_grants (subject, beneficiary_id, expires_at)
    `);
    await queryRunner.query(`
      CREATE INDEX break_glass_grants_by_country ON protection.break_glass_grants (country, position)
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE protection.break_glass_grants`);
  }
}
