import type { RecordedEvent } from '@haven/platform/event-store';
import { rowProjection } from '@haven/platform/projections';
import {
  BENEFICIARY_CATEGORY,
  type BeneficiaryErased,
  type BeneficiaryRegistered,
} from '@haven/protection/contracts';
import { KnownBeneficiaryRow } from './known-beneficiary.entity';

type Followed =
  | RecordedEvent<'BeneficiaryRegistered', BeneficiaryRegistered['data']>
  | RecordedEvent<'BeneficiaryErased', BeneficiaryErased['data']>;

/** Protection's beneficiaries as relief needs them: whether one exists, and whether erased. */
export const knownBeneficiariesProjection = rowProjection<KnownBeneficiaryRow, Followed>({
  name: 'relief.known_beneficiaries',
  entity: KnownBeneficiaryRow,
  handles: ['BeneficiaryRegistered', 'BeneficiaryErased'],
  categories: [BENEFICIARY_CATEGORY],
  keyOf: (event) => event.data.beneficiaryId,
  evolve(row, event) {
    if (event.type === 'BeneficiaryRegistered') {
      return {
        beneficiaryId: event.data.beneficiaryId,
        country: event.data.country,
        erased: row?.erased ?? false,
      };
    }
    return row && { ...row, erased: true };
  },
});
