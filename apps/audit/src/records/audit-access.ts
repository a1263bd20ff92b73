import { checkpointHash, type SignedCheckpoint } from '@haven/platform/audit';
import { InvalidAppendError, type EventStore } from '@haven/platform/event-store';
import { actorOf, clientError, type GraphQLContext } from '@haven/platform/nest';
import type { AccessLog } from '@haven/platform/privacy';

/**
 * Writes an audit call to the access log before anything is served: who, what record, which
 * parts. An auditor's reads are reads like any other, and reviewed like them.
 */
export async function recordAuditAccess(
  accessLog: AccessLog,
  context: GraphQLContext,
  recordType: string,
  recordId: string,
  fields: readonly string[],
): Promise<void> {
  await accessLog.record([
    {
      ...actorOf(context),
      recordType,
      recordId,
      fields,
      purpose: null,
      breakGlass: false,
      requestId: context.req?.id == null ? null : String(context.req.id),
    },
  ]);
}

export function badInput(message: string) {
  return clientError('BAD_USER_INPUT', message);
}

/** Refuses an instant in the future: nobody knows yet what the log will hold then. */
export function pastInstant(value: Date | null | undefined, now: Date = new Date()): Date | null {
  if (value == null) return null;
  if (Number.isNaN(value.getTime())) throw badInput('The date is not a valid instant.');
  if (value.getTime() > now.getTime()) throw badInput('The date is in the future.');
  return value;
}

/** Refuses a position that is negative or beyond the end of the log. */
export async function positionInLog(
  store: EventStore,
  value: number | null | undefined,
  name = 'upToPosition',
): Promise<number | null> {
  if (value == null) return null;
  if (!Number.isSafeInteger(value) || value < 0) throw badInput(`${name} must not be negative.`);
  const head = await store.headPosition();
  if (value > head) throw badInput(`${name} is beyond the end of the log (${head}).`);
  return value;
}

/** Whether the stream has any event; refuses a malformed stream id. */
export async function knownStream(store: EventStore, streamId: string): Promise<void> {
  let first;
  try {
    first = await store.readStream(streamId, { to: 1 });
  } catch (error) {
    if (error instanceof InvalidAppendError) {
      throw badInput('streamId must look like <category>-<id>.');
    }
    throw error;
  }
  if (first.length === 0) throw badInput('No stream has this id.');
}

/** The event log's name in the audit tables, and the record id of calls about the whole log. */
export const EVENT_LOG = 'event_store';

/** A checkpoint as served: its fields and the hash the next checkpoint names. */
export function checkpointOf(checkpoint: SignedCheckpoint) {
  return { ...checkpoint, hash: checkpointHash(checkpoint) };
}

/**
 * Refuses a range of global positions that is negative, reversed, or beyond the checkpoint it is
 * to be proven against (positions after it are not covered by any signature yet).
 */
export function checkRange(
  from: number | null | undefined,
  to: number | null | undefined,
  head: SignedCheckpoint,
): void {
  for (const [name, value] of [
    ['fromPosition', from],
    ['toPosition', to],
  ] as const) {
    if (value == null) continue;
    if (!Number.isSafeInteger(value) || value < 0) throw badInput(`${name} must not be negative.`);
    if (value > head.position) {
      throw badInput(
        `${name} is beyond the newest checkpoint (position ${head.position}); the next one is signed within a minute.`,
      );
    }
  }
  if (from != null && to != null && from > to) {
    throw badInput('fromPosition must not exceed toPosition.');
  }
}
