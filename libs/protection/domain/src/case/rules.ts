// The rules every case decision shares: the case must exist (and be open), a victim must be the
// case's, a client-chosen record id is used once, and labels and days are checked one way.
import { check, type CommandMetadata } from '@haven/platform/domain';
import {
  CaseRecordIdTaken,
  ProtectionCaseIsClosed,
  ProtectionCaseNotFound,
  VictimNotInCase,
} from './errors';
import type { CaseRecord, OpenedCase, ProtectionCaseState, VictimState } from './state';

/** Short labels (a province, a place, a shelter, an agency, an authority). */
export const MAX_LABEL_LENGTH = 200;

/** A short single-line label, trimmed; never blank. */
export function label(value: unknown, field: string): string {
  return check.line(value, field, MAX_LABEL_LENGTH);
}

/** An optional label: null stays null, anything given must be a label. */
export function optionalLabel(value: unknown, field: string): string | null {
  return value === null || value === undefined ? null : label(value, field);
}

/** The day a fact occurred: as given (checked by the kernel), or the day of the command. */
export function dayOfFact(
  value: string | null | undefined,
  field: string,
  metadata: CommandMetadata,
): string {
  if (value === undefined || value === null) return recordedAt(metadata).slice(0, 10);
  return check.dateOfFact(value, field, metadata.occurredAt);
}

/** When the command was given, as UTC: what the events record as recorded-at. */
export function recordedAt(metadata: CommandMetadata): string {
  return check.instant(metadata.occurredAt, 'occurredAt');
}

export function opened(state: ProtectionCaseState): OpenedCase {
  if (state.status === 'NONE') throw new ProtectionCaseNotFound();
  return state;
}

/** The case, open: a closed case takes nothing new until it is reopened. */
export function open(state: ProtectionCaseState): OpenedCase {
  const current = opened(state);
  if (current.status === 'CLOSED') throw new ProtectionCaseIsClosed();
  return current;
}

export function victimOf(current: OpenedCase, beneficiaryId: string): VictimState {
  const victim = current.victims[beneficiaryId];
  if (!victim) throw new VictimNotInCase(beneficiaryId);
  return victim;
}

/**
 * Whether a client-chosen record id was already used: for the same facts it is a retry (true:
 * nothing to do), for other facts a conflict.
 */
export function alreadyRecorded(
  current: OpenedCase,
  field: string,
  id: string,
  record: CaseRecord,
): boolean {
  const recorded = current.records[id];
  if (recorded === undefined) return false;
  if (check.sameJson(recorded, record)) return true;
  throw new CaseRecordIdTaken(field);
}

/** A minor victim needs a guardian or shelter contact: her own, or one for the whole case. */
export function lacksContact(current: OpenedCase, victim: VictimState): boolean {
  return victim.minor && !victim.guardianContact && !current.guardianContact;
}
