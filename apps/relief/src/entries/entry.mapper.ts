import type { ReliefEntryRow } from '@haven/relief/read-models';
import { fromAgeBand } from '../enums';
import type { ReliefEntry } from './entry.types';

export const ENTRY_CURSOR = 'entry';

/** Row → GraphQL type, field by field (nothing else of the row reaches a client). */
export function toReliefEntry(row: ReliefEntryRow): ReliefEntry {
  return {
    id: row.id,
    responseId: row.responseId,
    entryType: row.entryType,
    kind: row.kind,
    recipientKind: row.recipientKind,
    recipientId: row.recipientId,
    beneficiaryId: row.beneficiaryId,
    fieldWorkerKind: row.fieldWorkerKind,
    fieldWorkerId: row.fieldWorkerId,
    sex: row.sex,
    ageBand: fromAgeBand(row.ageBand),
    place: row.place,
    count: row.count,
    destination: row.destination,
    amountMinor: row.amountMinor,
    currency: row.currency,
    notificationId: row.notificationId,
    occurredOn: row.occurredOn,
    recordedAt: row.recordedAt,
  };
}
