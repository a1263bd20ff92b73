import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The kind of place where the exploitation happened, on a case notification (null when not
 * said, as for every notification submitted before it was asked).
 */
export class AddNotificationPlace1767500000019 implements MigrationInterface {
  name = 'AddNotificationPlace1767500000019';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE networks.case_notifications ADD COLUMN place_of_exploitation text NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE networks.case_notifications DROP COLUMN place_of_exploitation',
    );
  }
}
