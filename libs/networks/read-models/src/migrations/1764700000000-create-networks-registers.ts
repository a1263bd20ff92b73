import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The networks' read models: case notifications, the four kinds of network members, prevention
 * activities, and the links from referred notifications to the beneficiaries of their cases. Each list is paged by the global position of the event that created its
 * rows; the indexes serve the filters the queries offer (country first: every country role's
 * list is filtered by its countries).
 */
export class CreateNetworksRegisters1764700000000 implements MigrationInterface {
  name = 'CreateNetworksRegisters1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE networks.case_notifications (
        id                        uuid        PRIMARY KEY,
        status                    text        NOT NULL,
        reported_by               text        NOT NULL,
        reporter_reference        uuid        NULL,
        form_of_exploitation      text        NOT NULL,
        country                   text        NOT NULL,
        province                  text        NULL,
        abroad                    boolean     NOT NULL,
        possible_victims          integer     NOT NULL CHECK (possible_victims >= 1),
        minors                    integer     NOT NULL CHECK (minors >= 0 AND minors <= possible_victims),
        submitted_at              timestamptz NOT NULL,
        submitted_by              text        NOT NULL,
        submitter_role            text        NOT NULL,
        submitter_organisation_id text        NULL,
        decided_at                timestamptz NULL,
        decided_by                text        NULL,
        rejection_reason          text        NULL,
        duplicate_of              uuid        NULL,
        referred_at               timestamptz NULL,
        submitted_position        bigint      NOT NULL UNIQUE
      )
    `);
    await queryRunner.query(`
      CREATE INDEX case_notifications_by_country
        ON networks.case_notifications (country, submitted_position)
    `);
    await queryRunner.query(`
      CREATE INDEX case_notifications_by_submitter
        ON networks.case_notifications (submitted_by, submitted_position)
    `);
    await queryRunner.query(`
      CREATE INDEX case_notifications_by_organisation
        ON networks.case_notifications (submitter_organisation_id, submitted_position)
        WHERE submitter_organisation_id IS NOT NULL
    `);

    await queryRunner.query(`
      CREATE TABLE networks.watchdogs (
        id                  uuid        PRIMARY KEY,
        kind                text        NOT NULL,
        country             text        NOT NULL,
        province            text        NULL,
        joined_on           date        NOT NULL,
        trained             boolean     NOT NULL,
        registered_at       timestamptz NOT NULL,
        registered_position bigint      NOT NULL UNIQUE
      )
    `);
    await queryRunner.query(`
      CREATE INDEX watchdogs_by_country ON networks.watchdogs (country, registered_position)
    `);

    await queryRunner.query(`
      CREATE TABLE networks.agents_of_change (
        id                  uuid        PRIMARY KEY,
        beneficiary_id      uuid        NOT NULL,
        country             text        NOT NULL,
        province            text        NULL,
        qualified_on        date        NOT NULL,
        registered_at       timestamptz NOT NULL,
        registered_position bigint      NOT NULL UNIQUE
      )
    `);
    // Not unique: the rule (one agent of change per beneficiary) is the domain's, and a
    // projection must never fail on what the log holds.
    await queryRunner.query(`
      CREATE INDEX agents_of_change_by_beneficiary ON networks.agents_of_change (beneficiary_id)
    `);
    await queryRunner.query(`
      CREATE INDEX agents_of_change_by_country
        ON networks.agents_of_change (country, registered_position)
    `);

    await queryRunner.query(`
      CREATE TABLE networks.womens_groups (
        id                  uuid        PRIMARY KEY,
        country             text        NOT NULL,
        province            text        NULL,
        joined_on           date        NOT NULL,
        member_count        integer     NULL,
        registered_at       timestamptz NOT NULL,
        registered_position bigint      NOT NULL UNIQUE
      )
    `);
    await queryRunner.query(`
      CREATE INDEX womens_groups_by_country ON networks.womens_groups (country, registered_position)
    `);

    await queryRunner.query(`
      CREATE TABLE networks.partner_organisations (
        id                  uuid        PRIMARY KEY,
        name                text        NOT NULL,
        kind                text        NOT NULL,
        country             text        NOT NULL,
        registered_at       timestamptz NOT NULL,
        registered_position bigint      NOT NULL UNIQUE
      )
    `);
    await queryRunner.query(`
      CREATE INDEX partner_organisations_by_country
        ON networks.partner_organisations (country, registered_position)
    `);

    await queryRunner.query(`
      CREATE TABLE networks.prevention_activities (
        id                uuid        PRIMARY KEY,
        kind              text        NOT NULL,
        topic             text        NOT NULL,
        date              date        NOT NULL,
        country           text        NOT NULL,
        province          text        NULL,
        district          text        NULL,
        online            boolean     NOT NULL,
        participants      jsonb       NULL,
        participant_count integer     NULL,
        reach             integer     NULL,
        recorded_at       timestamptz NOT NULL,
        recorded_position bigint      NOT NULL UNIQUE
      )
    `);
    await queryRunner.query(`
      CREATE INDEX prevention_activities_by_country
        ON networks.prevention_activities (country, recorded_position)
    `);
    await queryRunner.query(`
      CREATE INDEX prevention_activities_by_date ON networks.prevention_activities (date)
    `);

    // Which protection cases were opened from a notification, and which victims were counted in
    // them: what networks.beneficiary_case_notifications is counted from.
    await queryRunner.query(`
      CREATE TABLE networks.referral_cases (
        case_id         uuid PRIMARY KEY,
        notification_id uuid NOT NULL
      )
    `);
    await queryRunner.query(`
      CREATE TABLE networks.referral_victims (
        case_id        uuid NOT NULL,
        beneficiary_id uuid NOT NULL,
        PRIMARY KEY (case_id, beneficiary_id)
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'referral_victims',
      'referral_cases',
      'prevention_activities',
      'partner_organisations',
      'womens_groups',
      'agents_of_change',
      'watchdogs',
      'case_notifications',
    ]) {
      await queryRunner.query(`DROP TABLE networks.${table}`);
    }
  }
}
