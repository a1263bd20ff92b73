import { ExportVerifier, type ExportProblem, type ExportReport } from '../export/export-verifier';
import type { SignedCheckpoint } from '../checkpoints/checkpoint';
import { exportEventLog, type ExportOptions } from './exporter';
import type { AuditQueryable } from './tree-store';

export interface LogVerificationOptions extends ExportOptions {
  /** A checkpoint kept from before, which the log must still extend. */
  trustedCheckpoint?: SignedCheckpoint | null;
  /** Called every `progressEvery` events with the number checked so far. */
  onProgress?: (eventsChecked: number) => void;
  progressEvery?: number;
  /** Stops the run between two events (the service is stopping); the run then rejects. */
  signal?: AbortSignal;
}

export interface LogVerification extends ExportReport {
  /** The first problem that names an event: the first broken link. */
  firstBrokenLink: ExportProblem | null;
}

/**
 * Verifies the event log (or a range of it) in the database against the newest signed checkpoint,
 * by the very code an auditor runs offline: the export's lines are made and checked in one pass,
 * never written out. The signature is checked with the signer's own key, not the file's.
 */
export async function verifyEventLog(
  db: AuditQueryable,
  options: LogVerificationOptions,
): Promise<LogVerification> {
  const verifier = new ExportVerifier({
    publicKeyPem: options.publicKeyPem,
    trustedCheckpoint: options.trustedCheckpoint,
  });
  const every = options.progressEvery ?? 10_000;
  let events = 0;
  for await (const line of exportEventLog(db, options)) {
    options.signal?.throwIfAborted();
    verifier.line(JSON.stringify(line));
    if (line.kind === 'event' && ++events % every === 0) options.onProgress?.(events);
  }
  const report = verifier.finish();
  options.onProgress?.(events);
  return {
    ...report,
    firstBrokenLink: report.problems.find((p) => p.eventId) ?? report.problems[0] ?? null,
  };
}
