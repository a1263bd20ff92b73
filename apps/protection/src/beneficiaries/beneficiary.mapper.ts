import type { BeneficiaryRow } from '@haven/protection/read-models';
import { decodePositionCursor, encodePositionCursor } from '../paging';
import type { Beneficiary } from './beneficiary.types';

/** Read-model row → GraphQL type, field by field: a column added later stays out until named here. */
export function toBeneficiary(row: BeneficiaryRow): Beneficiary {
  return {
    id: row.id,
    referenceCode: row.referenceCode,
    country: row.country,
    sex: row.sex,
    minor: row.minor,
    registeredAt: row.registeredAt,
  };
}

const CURSOR_KIND = 'registered';

/** Cursors are opaque to clients; inside, the registration's global position. */
export function encodeCursor(row: Pick<BeneficiaryRow, 'registeredPosition'>): string {
  return encodePositionCursor(CURSOR_KIND, row.registeredPosition);
}

/** The position in a cursor, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string): number | undefined {
  return decodePositionCursor(CURSOR_KIND, cursor);
}
