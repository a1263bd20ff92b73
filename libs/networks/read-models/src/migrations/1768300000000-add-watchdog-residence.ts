import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a watchdog lives (ISO 3166-1), on its row. Rows of watchdogs registered before it was
 * asked take what their events now read as (`NETWORKS_UPCASTERS`): the network's country, or
 * unknown for a kind that lives abroad.
 */
export class AddWatchdogResidence1768300000000 implements MigrationInterface {
  name = 'AddWatchdogResidence1768300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE networks.watchdogs ADD COLUMN lives_in text NULL');
    await queryRunner.query(
      `UPDATE networks.watchdogs SET lives_in = country
        WHERE kind NOT IN ('VOLUNTEER_ABROAD', 'ORGANISATION_ABROAD') AND country <> 'OTHER'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE networks.watchdogs DROP COLUMN lives_in');
  }
}
