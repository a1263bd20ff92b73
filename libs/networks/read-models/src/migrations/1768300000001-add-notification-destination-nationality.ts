import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where abroad a notified case is, and its possible victims' nationality (ISO 3166-1 codes), on
 * a case notification; null when not said, as for every notification submitted before they were
 * asked.
 */
export class AddNotificationDestinationNationality1768300000001 implements MigrationInterface {
  name = 'AddNotificationDestinationNationality1768300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE networks.case_notifications
         ADD COLUMN destination text NULL,
         ADD COLUMN nationality text NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE networks.case_notifications DROP COLUMN destination, DROP COLUMN nationality',
    );
  }
}
