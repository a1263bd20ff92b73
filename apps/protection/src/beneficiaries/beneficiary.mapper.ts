import type { BeneficiaryRow } from '@haven/protection/read-models';
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

const CURSOR_PREFIX = 'registered:';

/** Cursors are opaque to clients; inside, the registration's global position. */
export function encodeCursor(row: Pick<BeneficiaryRow, 'registeredPosition'>): string {
  return Buffer.from(`${CURSOR_PREFIX}${row.registeredPosition}`).toString('base64url');
}

/** The position in a cursor, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string): number | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX)) return undefined;
  const position = Number(text.slice(CURSOR_PREFIX.length));
  return Number.isSafeInteger(position) && position >= 0 ? position : undefined;
}
