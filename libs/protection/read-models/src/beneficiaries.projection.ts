import type { RecordedEvent } from '@haven/platform/event-store';
import { rowProjection } from '@haven/platform/projections';
import {
  BENEFICIARY_CATEGORY,
  BENEFICIARY_EVENT_TYPES,
  type BeneficiaryEvent,
} from '@haven/protection/contracts';
import { BeneficiaryRow } from './beneficiary.entity';

type RecordedBeneficiaryEvent = {
  [Type in BeneficiaryEvent['type']]: RecordedEvent<
    Type,
    Extract<BeneficiaryEvent, { type: Type }>['data']
  >;
}[BeneficiaryEvent['type']];

/** `protection.beneficiaries`: one row per registered beneficiary. */
export const beneficiariesProjection = rowProjection<BeneficiaryRow, RecordedBeneficiaryEvent>({
  name: 'protection.beneficiaries',
  entity: BeneficiaryRow,
  handles: BENEFICIARY_EVENT_TYPES,
  categories: [BENEFICIARY_CATEGORY],
  keyOf: (event) => event.data.beneficiaryId,
  evolve(_row, event) {
    switch (event.type) {
      case 'BeneficiaryRegistered': {
        const { beneficiaryId, referenceCode, country, sex, minor, registeredAt } = event.data;
        return {
          id: beneficiaryId,
          referenceCode,
          country,
          sex,
          minor,
          registeredAt: new Date(registeredAt),
          registeredPosition: event.globalPosition,
        };
      }
      default: {
        const unknown: never = event.type;
        throw new Error(`protection.beneficiaries cannot apply ${String(unknown)}`);
      }
    }
  },
});
