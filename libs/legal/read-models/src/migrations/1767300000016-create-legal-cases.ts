import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Legal's programme: cases, offenders, occasions, evidence, compensation, advocacy. */
export class CreateLegalCases1767300000016 implements MigrationInterface {
  name = 'CreateLegalCases1767300000016';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE legal.known_beneficiaries (
        beneficiary_id       uuid    PRIMARY KEY,
        country              text,
        sex                  text,
        minor                boolean,
        legal_action_consent boolean,
        erased               boolean NOT NULL DEFAULT false
      );
      CREATE TABLE legal.legal_cases (
        id                        uuid    PRIMARY KEY,
        position                  bigint  NOT NULL UNIQUE,
        kind                      text    NOT NULL,
        country                   text    NOT NULL,
        province                  text,
        court                     text,
        source_protection_case_id uuid,
        opened_on                 date    NOT NULL,
        opened_year               integer NOT NULL,
        stage                     text    NOT NULL,
        closed_on                 date,
        staff_lawyer_ids          text[]  NOT NULL,
        law_firm_id               uuid,
        parties                   jsonb   NOT NULL,
        beneficiary_ids           uuid[]  NOT NULL,
        offender_statuses         jsonb   NOT NULL
      );
      CREATE INDEX legal_cases_country_year ON legal.legal_cases (country, opened_year);
      CREATE INDEX legal_cases_beneficiaries ON legal.legal_cases USING gin (beneficiary_ids);
      CREATE TABLE legal.offenders (
        id                  uuid   PRIMARY KEY,
        case_id             uuid   NOT NULL,
        position            bigint NOT NULL,
        country             text   NOT NULL,
        kind                text   NOT NULL,
        nationality         text,
        status              text   NOT NULL,
        status_since        date   NOT NULL,
        status_history      jsonb  NOT NULL,
        sealed_names        text,
        sealed_aliases      text,
        sealed_notes        text,
        verdict_outcome     text,
        verdict_on          date,
        pronounced_sentence jsonb,
        final_sentence      jsonb,
        appealed_on         date
      );
      CREATE INDEX offenders_case ON legal.offenders (case_id, position);
      CREATE TABLE legal.service_occasions (
        id              uuid   PRIMARY KEY,
        case_id         uuid   NOT NULL,
        position        bigint NOT NULL,
        country         text   NOT NULL,
        kind            text   NOT NULL,
        "on"            date   NOT NULL,
        beneficiary_ids uuid[] NOT NULL,
        recorded_by     text   NOT NULL
      );
      CREATE INDEX service_occasions_case ON legal.service_occasions (case_id, position);
      CREATE TABLE legal.evidence_documents (
        id              uuid   PRIMARY KEY,
        case_id         uuid   NOT NULL,
        position        bigint NOT NULL,
        beneficiary_id  uuid   NOT NULL,
        kind            text   NOT NULL,
        issuing_country text   NOT NULL,
        recorded_on     date   NOT NULL,
        sealed_content  text,
        verifications   jsonb  NOT NULL
      );
      CREATE INDEX evidence_documents_case ON legal.evidence_documents (case_id, position);
      CREATE TABLE legal.compensation_claims (
        id             uuid   PRIMARY KEY,
        case_id        uuid   NOT NULL,
        position       bigint NOT NULL,
        beneficiary_id uuid   NOT NULL,
        source         text   NOT NULL,
        currency       text   NOT NULL,
        claimed_minor  bigint NOT NULL CHECK (claimed_minor > 0),
        claimed_on     date   NOT NULL,
        approved_minor bigint CHECK (approved_minor > 0),
        approved_on    date,
        paid_minor     bigint NOT NULL CHECK (paid_minor >= 0),
        payments       jsonb  NOT NULL,
        CHECK (paid_minor <= coalesce(approved_minor, 0))
      );
      CREATE INDEX compensation_claims_case ON legal.compensation_claims (case_id, position);
      CREATE TABLE legal.advocacy_actions (
        id                       uuid   PRIMARY KEY,
        position                 bigint NOT NULL UNIQUE,
        kind                     text   NOT NULL,
        country                  text   NOT NULL,
        subject                  text   NOT NULL,
        partner_organisation_ids uuid[] NOT NULL,
        outcome                  text   NOT NULL,
        "on"                     date   NOT NULL
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE legal.advocacy_actions, legal.compensation_claims, legal.evidence_documents,
        legal.service_occasions, legal.offenders, legal.legal_cases, legal.known_beneficiaries
    `);
  }
}
