import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { verifyEventLog, type SignedCheckpoint } from '@haven/platform/audit';
import { clientError, describeError } from '@haven/platform/nest';
import { AuditLogService } from '../log/audit-log.service';
import { EVENT_LOG } from '../records/audit-access';
import type { AuditLogVerificationType } from '../records/audit.types';
import { AuditLogVerificationJobType, AuditVerificationStatus } from './verification-job.types';
import { verificationOf } from './verification-report';

/** Runs one instance takes on at once: each holds a connection and a core while it reads. */
export const MAX_RUNNING_VERIFICATIONS = 2;
/** Progress is written every this many events, and a heartbeat at least this often. */
const PROGRESS_EVERY = 1000;
const HEARTBEAT_MS = 10_000;
/** A RUNNING job with no heartbeat for this long lost its instance: it reads as INTERRUPTED. */
const STALE_SECONDS = 60;

interface JobRow {
  id: string;
  status: AuditVerificationStatus;
  from_position: string | null;
  to_position: string | null;
  checkpoint_size: string;
  processed: string;
  total: string;
  started_at: Date;
  updated_at: Date;
  finished_at: Date | null;
  report: AuditLogVerificationType | null;
}

const JOB_COLUMNS = `id, from_position, to_position, checkpoint_size, processed, total, started_at,
  updated_at, finished_at, report,
  CASE WHEN status = 'RUNNING' AND updated_at < now() - interval '${STALE_SECONDS} seconds'
       THEN 'INTERRUPTED' ELSE status END AS status`;

const orNull = (value: string | null) => (value == null ? null : Number(value));

function jobOf(row: JobRow): AuditLogVerificationJobType {
  return {
    id: row.id,
    status: row.status,
    fromPosition: orNull(row.from_position),
    toPosition: orNull(row.to_position),
    checkpointSize: Number(row.checkpoint_size),
    processed: Number(row.processed),
    total: Number(row.total),
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    report: row.report,
  };
}

/**
 * Verifications of the whole log (or a range) in the background, for logs too long for one
 * request: started by a mutation, followed by id (processed of total, then the report). Rows in
 * `audit.verification_jobs`, so any instance answers for any job and the report outlives the run.
 */
@Injectable()
export class LogVerificationJobs implements BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditVerification');
  private readonly running = new Map<string, { stop: AbortController; done: Promise<void> }>();

  constructor(private readonly audit: AuditLogService) {}

  /** Records the job and starts it; answers at once, before the first event is read. */
  async start(
    range: { from: number | null; to: number | null },
    head: SignedCheckpoint,
    requestedBy: string,
  ): Promise<AuditLogVerificationJobType> {
    if (this.running.size >= MAX_RUNNING_VERIFICATIONS) {
      throw clientError(
        'SERVICE_UNAVAILABLE',
        `This service is already running ${MAX_RUNNING_VERIFICATIONS} verifications; start this one when one of them has finished.`,
      );
    }
    const tree = this.audit.tree;
    const first = await tree.leavesBelow(range.from ?? 1);
    const end = Math.min(await tree.leavesBelow((range.to ?? head.position) + 1), head.size);
    const id = randomUUID();
    const { rows } = await this.audit.db.query<JobRow>(
      `INSERT INTO audit.verification_jobs
              (id, log, from_position, to_position, checkpoint_size, requested_by, status, total)
       VALUES ($1, $2, $3, $4, $5, $6, 'RUNNING', $7)
       RETURNING ${JOB_COLUMNS}`,
      [id, EVENT_LOG, range.from, range.to, head.size, requestedBy, Math.max(0, end - first)],
    );
    const stop = new AbortController();
    const done = this.run(id, range, head, stop.signal).finally(() => this.running.delete(id));
    this.running.set(id, { stop, done });
    return jobOf(rows[0]);
  }

  async find(id: string): Promise<AuditLogVerificationJobType | null> {
    const { rows } = await this.audit.db.query<JobRow>(
      `SELECT ${JOB_COLUMNS} FROM audit.verification_jobs WHERE id = $1`,
      [id],
    );
    return rows[0] ? jobOf(rows[0]) : null;
  }

  /** Stops the runs between two events; each records itself INTERRUPTED. */
  async beforeApplicationShutdown(): Promise<void> {
    const runs = [...this.running.values()];
    for (const run of runs) run.stop.abort();
    await Promise.all(runs.map((run) => run.done));
  }

  private async run(
    id: string,
    range: { from: number | null; to: number | null },
    head: SignedCheckpoint,
    signal: AbortSignal,
  ): Promise<void> {
    const progress = new ProgressWriter((processed) =>
      this.audit.db.query(
        `UPDATE audit.verification_jobs SET processed = $2, updated_at = now()
          WHERE id = $1 AND status = 'RUNNING'`,
        [id, processed],
      ),
    );
    const heartbeat = setInterval(() => progress.touch(), HEARTBEAT_MS);
    try {
      const report = await verifyEventLog(this.audit.db, {
        fromPosition: range.from ?? undefined,
        toPosition: range.to ?? undefined,
        treeSize: head.size,
        publicKeyPem: this.audit.signer.publicKeyPem,
        keyId: this.audit.signer.keyId,
        progressEvery: PROGRESS_EVERY,
        onProgress: (processed) => progress.report(processed),
        signal,
      });
      await progress.settled();
      const status = report.ok ? AuditVerificationStatus.VERIFIED : AuditVerificationStatus.FAILED;
      await this.finish(id, status, report.events, verificationOf(report, head));
    } catch (error) {
      await progress.settled();
      if (!signal.aborted) this.logger.warn(`verification ${id} stopped: ${describeError(error)}`);
      await this.finish(id, AuditVerificationStatus.INTERRUPTED, null, null).catch(() => undefined);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async finish(
    id: string,
    status: Exclude<AuditVerificationStatus, AuditVerificationStatus.RUNNING>,
    processed: number | null,
    report: AuditLogVerificationType | null,
  ): Promise<void> {
    await this.audit.db.query(
      `UPDATE audit.verification_jobs
          SET status = $2, processed = coalesce($3, processed), report = $4, updated_at = now(),
              finished_at = now()
        WHERE id = $1`,
      [id, status, processed, report == null ? null : JSON.stringify(report)],
    );
  }
}

/**
 * Writes the newest progress figure, one write at a time: a figure that arrives while a write is
 * in flight replaces any waiting one, so a fast run never queues writes behind a slow database.
 */
class ProgressWriter {
  private latest = 0;
  private waiting = false;
  private inFlight: Promise<void> | null = null;

  constructor(private readonly write: (processed: number) => Promise<unknown>) {}

  report(processed: number): void {
    this.latest = processed;
    this.waiting = true;
    this.pump();
  }

  /** Writes the same figure again: the job is alive, however slow its next page. */
  touch(): void {
    this.report(this.latest);
  }

  async settled(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  private pump(): void {
    if (this.inFlight || !this.waiting) return;
    this.waiting = false;
    this.inFlight = this.write(this.latest)
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.inFlight = null;
        this.pump();
      });
  }
}
