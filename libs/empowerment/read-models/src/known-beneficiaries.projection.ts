import type { RecordedEvent } from '@haven/platform/event-store';
import { rowProjection } from '@haven/platform/projections';
import {
  BENEFICIARY_CATEGORY,
  type BeneficiaryErased,
  type BeneficiaryRegistered,
  type ConsentRecorded,
} from '@haven/protection/contracts';
import { KnownBeneficiaryRow } from './known-beneficiary.entity';

type Followed = BeneficiaryRegistered | ConsentRecorded | BeneficiaryErased;
type RecordedFollowed = {
  [Type in Followed['type']]: RecordedEvent<Type, Extract<Followed, { type: Type }>['data']>;
}[Followed['type']];

/** Protection's events empowerment follows on the log, from its contracts. */
export const KNOWN_BENEFICIARY_EVENT_TYPES: readonly Followed['type'][] = [
  'BeneficiaryRegistered',
  'ConsentRecorded',
  'BeneficiaryErased',
];

function registrationDay(data: { registeredAt: string; registeredOn?: string }): string {
  return data.registeredOn ?? data.registeredAt.slice(0, 10);
}

/** `empowerment.known_beneficiaries`: protection's beneficiaries, their consent to services. */
export const knownBeneficiariesProjection = rowProjection<KnownBeneficiaryRow, RecordedFollowed>({
  name: 'empowerment.known_beneficiaries',
  entity: KnownBeneficiaryRow,
  handles: KNOWN_BENEFICIARY_EVENT_TYPES,
  categories: [BENEFICIARY_CATEGORY],
  keyOf: (event) => event.data.beneficiaryId,
  evolve(row, event) {
    switch (event.type) {
      case 'BeneficiaryRegistered': {
        const { beneficiaryId, country, sex, minor, nationality, ageYears } = event.data;
        return {
          id: beneficiaryId,
          country,
          sex,
          minor,
          // Version 1 registrations (protection's upcaster not registered) knew neither.
          nationality: nationality ?? null,
          ageYears: ageYears ?? null,
          // Her age is the one on the day she was registered (`registeredOn` where the event
          // carries it, else the day it was recorded).
          ageOn: ageYears == null ? null : registrationDay(event.data),
          servicesConsent: row?.servicesConsent ?? false,
          erased: row?.erased ?? false,
        };
      }
      case 'ConsentRecorded':
        // The latest SERVICES record decides: a withdrawal is a record with `given` false.
        return row && event.data.kind === 'SERVICES'
          ? { ...row, servicesConsent: event.data.given }
          : row;
      case 'BeneficiaryErased':
        return row && { ...row, erased: true, servicesConsent: false };
      default: {
        const unknown: never = event;
        throw new Error(`cannot apply ${String((unknown as { type: unknown }).type)}`);
      }
    }
  },
});
