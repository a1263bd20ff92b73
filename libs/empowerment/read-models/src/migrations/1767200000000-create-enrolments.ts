import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Empowerment's enrolments, what each person received, sealed notes, and known beneficiaries. */
export class CreateEnrolments1767200000000 implements MigrationInterface {
  name = 'CreateEnrolments1767200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE empowerment.known_beneficiaries (
        id               uuid    PRIMARY KEY,
        country          text    NOT NULL,
        sex              text    NOT NULL,
        minor            boolean NOT NULL,
        services_consent boolean NOT NULL,
        erased           boolean NOT NULL
      )
    `);
    await queryRunner.query(`
      CREATE TABLE empowerment.enrolments (
        id                      uuid    PRIMARY KEY,
        beneficiary_id          uuid    NOT NULL,
        country                 text    NOT NULL,
        sex                     text    NOT NULL,
        minor                   boolean NOT NULL,
        status                  text    NOT NULL,
        setting_kind            text    NOT NULL,
        shelter_name            text,
        government_run          boolean,
        province                text,
        district                text,
        enrolled_on             date    NOT NULL,
        officer_id              text    NOT NULL,
        closure_reason          text,
        closed_on               date,
        plan_goals              text[]  NOT NULL DEFAULT '{}',
        follow_up_rhythm        text,
        review_dates            date[]  NOT NULL DEFAULT '{}',
        last_follow_up_on       date,
        next_follow_up_on       date,
        consecutive_not_reached integer NOT NULL DEFAULT 0,
        trained_on              date,
        enrolled_position       bigint  NOT NULL
      )
    `);
    // The work lists: open enrolments of a country by next follow-up date, or by misses in a row.
    await queryRunner.query(`
      CREATE INDEX enrolments_due ON empowerment.enrolments (country, next_follow_up_on)
        WHERE status = 'OPEN' AND next_follow_up_on IS NOT NULL
    `);
    await queryRunner.query(`
      CREATE INDEX enrolments_not_reached
        ON empowerment.enrolments (country, consecutive_not_reached DESC)
        WHERE status = 'OPEN' AND consecutive_not_reached > 0
    `);
    await queryRunner.query(
      `CREATE INDEX enrolments_beneficiary ON empowerment.enrolments (beneficiary_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX enrolments_position ON empowerment.enrolments (country, enrolled_position)`,
    );
    await queryRunner.query(`
      CREATE TABLE empowerment.services (
        id                      uuid    PRIMARY KEY,
        enrolment_id            uuid    NOT NULL,
        beneficiary_id          uuid    NOT NULL,
        country                 text    NOT NULL,
        kind                    text    NOT NULL,
        mode                    text,
        activity                text,
        outcome                 text,
        partner_organisation_id uuid,
        channel                 text,
        reached                 boolean,
        next_follow_up_on       date,
        grant_purpose           text,
        approved_minor          bigint CHECK (approved_minor > 0),
        disbursed_minor         bigint CHECK (disbursed_minor > 0 AND disbursed_minor <= approved_minor),
        currency                text,
        disbursed_on            date,
        provided_on             date    NOT NULL,
        provided_by             text    NOT NULL,
        position                bigint  NOT NULL
      )
    `);
    await queryRunner.query(
      `CREATE INDEX services_enrolment ON empowerment.services (enrolment_id, position)`,
    );
    await queryRunner.query(
      `CREATE INDEX services_country ON empowerment.services (country, position)`,
    );
    await queryRunner.query(`
      CREATE TABLE empowerment.notes (
        id             uuid   PRIMARY KEY,
        enrolment_id   uuid   NOT NULL,
        beneficiary_id uuid   NOT NULL,
        topic          text   NOT NULL,
        written_on     date   NOT NULL,
        written_by     text   NOT NULL,
        sealed_text    text   NOT NULL,
        position       bigint NOT NULL
      )
    `);
    await queryRunner.query(`CREATE INDEX notes_enrolment ON empowerment.notes (enrolment_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE empowerment.notes`);
    await queryRunner.query(`DROP TABLE empowerment.services`);
    await queryRunner.query(`DROP TABLE empowerment.enrolments`);
    await queryRunner.query(`DROP TABLE empowerment.known_beneficiaries`);
  }
}
