import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What services record beyond their kind (a placement's occupation, tuition and allowances'
 * institution, period and amount, a safe accommodation's sealed place and period), the
 * statistical attributes empowerment learns from protection's registrations (ADR 21), and the
 * partner organisations networks registered (a placement's employer must be one).
 */
export class AddServiceDetails1767400000000 implements MigrationInterface {
  name = 'AddServiceDetails1767400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE empowerment.services
        ADD COLUMN occupation   text,
        ADD COLUMN institution  text,
        ADD COLUMN period_from  date,
        ADD COLUMN period_to    date,
        ADD COLUMN amount_minor bigint CHECK (amount_minor > 0),
        ADD COLUMN sealed_place text,
        ADD CONSTRAINT services_period_in_order CHECK (period_to >= period_from)
    `);
    await queryRunner.query(`
      ALTER TABLE empowerment.known_beneficiaries
        ADD COLUMN nationality text,
        ADD COLUMN age_years   integer,
        ADD COLUMN age_on      date
    `);
    await queryRunner.query(`
      CREATE TABLE empowerment.known_partner_organisations (
        id      uuid PRIMARY KEY,
        country text NOT NULL
      )
    `);
    // The registrations already read are read again, for the attributes the table now keeps.
    await queryRunner.query(`
      DO $$ BEGIN
        IF to_regclass('projections.checkpoints') IS NOT NULL THEN
          UPDATE projections.checkpoints SET position = 0
            WHERE name = 'empowerment.known_beneficiaries';
        END IF;
      END $$
    `);
    // The work list reads by due date, earliest first.
    await queryRunner.query(`
      CREATE INDEX enrolments_due_order
        ON empowerment.enrolments (country, next_follow_up_on, enrolled_position)
        WHERE status = 'OPEN'
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX empowerment.enrolments_due_order`);
    await queryRunner.query(`DROP TABLE empowerment.known_partner_organisations`);
    await queryRunner.query(`
      ALTER TABLE empowerment.known_beneficiaries
        DROP COLUMN nationality, DROP COLUMN age_years, DROP COLUMN age_on
    `);
    await queryRunner.query(`
      ALTER TABLE empowerment.services
        DROP CONSTRAINT services_period_in_order,
        DROP COLUMN occupation, DROP COLUMN institution, DROP COLUMN period_from,
        DROP COLUMN period_to, DROP COLUMN amount_minor, DROP COLUMN sealed_place
    `);
  }
}
