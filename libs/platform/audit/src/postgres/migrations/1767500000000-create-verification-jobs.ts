import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verifications of the whole log run in the background (docs/adr/0016, addendum): one row per
 * run, its progress and its report, so that any instance of the audit service answers for it
 * and the report stays after the run. Unlike the trees, a job's row changes as it runs.
 */
export class CreateVerificationJobs1767500000000 implements MigrationInterface {
  name = 'CreateVerificationJobs1767500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit.verification_jobs (
        id              uuid        PRIMARY KEY,
        log             text        NOT NULL,
        from_position   bigint      NULL,
        to_position     bigint      NULL,
        checkpoint_size bigint      NOT NULL,
        requested_by    text        NOT NULL,
        status          text        NOT NULL,
        processed       bigint      NOT NULL DEFAULT 0,
        total           bigint      NOT NULL,
        report          jsonb       NULL,
        started_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        finished_at     timestamptz NULL,
        CONSTRAINT verification_jobs_status CHECK
          (status IN ('RUNNING', 'VERIFIED', 'FAILED', 'INTERRUPTED'))
      );
      CREATE INDEX verification_jobs_by_start ON audit.verification_jobs (started_at DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit.verification_jobs');
  }
}
