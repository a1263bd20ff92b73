import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per projection: the last global position whose effects are in its read model. It is
 * written in the same transaction as those effects, so the two can never disagree.
 */
export class CreateProjectionCheckpoints1763900000000 implements MigrationInterface {
  name = 'CreateProjectionCheckpoints1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projections.checkpoints (
        name       text        PRIMARY KEY,
        position   bigint      NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT checkpoints_position_not_negative CHECK (position >= 0)
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE projections.checkpoints`);
  }
}
