import type { LogVerification, SignedCheckpoint } from '@haven/platform/audit';
import { checkpointOf } from '../records/audit-access';
import type { AuditLogVerificationType } from '../records/audit.types';

/** A verification's report as served, against the checkpoint it was proven against. */
export function verificationOf(
  report: LogVerification,
  head: SignedCheckpoint,
): AuditLogVerificationType {
  return {
    ok: report.ok,
    eventsChecked: report.events,
    checkpoint: checkpointOf(head),
    firstBrokenLink: report.firstBrokenLink,
    problemCount: report.problemCount,
    problems: report.problems,
  };
}
