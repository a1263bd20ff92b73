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
