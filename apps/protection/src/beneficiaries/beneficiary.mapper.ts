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
    registeredOn: row.registeredOn ?? row.registeredAt.toISOString().slice(0, 10),
    registeredAt: row.registeredAt,
  };
}

/** The kind of a beneficiary list's cursors: inside, the registration's global position. */
export const BENEFICIARY_CURSOR = 'registered';
