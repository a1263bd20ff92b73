import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per person whose personal data Haven has sealed: their data key, wrapped by the master
 * key. Erasure nulls the wrapped key and keeps the row as a tombstone, so that no new key is ever
 * made for an erased person.
 */
export class CreatePersonKeys1764200000000 implements MigrationInterface {
  name = 'CreatePersonKeys1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE privacy.person_keys (
        subject_id    uuid        PRIMARY KEY,
        wrapped_key   bytea       NULL,
        master_key_id text        NULL,
        created_at    timestamptz NOT NULL,
        destroyed_at  timestamptz NULL,
        CONSTRAINT person_keys_live_or_destroyed
          CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL)),
        CONSTRAINT person_keys_wrapped_by_a_master_key
          CHECK ((wrapped_key IS NULL) = (master_key_id IS NULL))
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE privacy.person_keys`);
  }
}
