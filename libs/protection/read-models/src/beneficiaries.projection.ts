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

/** `protection.beneficiaries`: one row per registered beneficiary, personal fields sealed. */
export const beneficiariesProjection = rowProjection<BeneficiaryRow, RecordedBeneficiaryEvent>({
  name: 'protection.beneficiaries',
  entity: BeneficiaryRow,
  handles: BENEFICIARY_EVENT_TYPES,
  categories: [BENEFICIARY_CATEGORY],
  keyOf: (event) => event.data.beneficiaryId,
  evolve(row, event) {
    switch (event.type) {
      case 'BeneficiaryRegistered': {
        const { beneficiaryId, referenceCode, country, sex, minor, registeredAt, personal } =
          event.data;
        return {
          id: beneficiaryId,
          referenceCode,
          country,
          sex,
          minor,
          // Absent before version 3 (read without the upcaster): the day it was recorded.
          registeredOn:
            event.data.registeredOn ?? new Date(registeredAt).toISOString().slice(0, 10),
          registeredAt: new Date(registeredAt),
          organisationId: event.metadata.organisationId ?? null,
          personal: personal && Object.keys(personal).length ? personal : null,
          erasedAt: null,
          consents: [],
          possibleDuplicates: [],
          registeredPosition: event.globalPosition,
        };
      }
      case 'BeneficiaryErasureRequested':
        // Pending until a second admin confirms: nothing to show yet.
        return row;
      case 'BeneficiaryErased':
        // The key is destroyed with this event, so the sealed values could not be opened anyway;
        // dropping them keeps the read model from holding dead ciphertext.
        return row && { ...row, personal: null, erasedAt: new Date(event.data.erasedAt) };
      case 'ConsentRecorded': {
        if (!row) return row;
        const { kind, partnerOrganisationId, given, recordedOn } = event.data;
        // The latest record of a kind (and partner) replaces the one before: a withdrawal too.
        const others = row.consents.filter(
          (consent) =>
            consent.kind !== kind || consent.partnerOrganisationId !== partnerOrganisationId,
        );
        const consent = {
          kind,
          partnerOrganisationId,
          given,
          recordedOn,
          recordedAt: event.metadata.occurredAt,
          recordedBy: event.metadata.actorId,
        };
        return { ...row, consents: [...others, consent] };
      }
      case 'BeneficiaryFlaggedAsPossibleDuplicate': {
        if (!row) return row;
        const known = new Set(row.possibleDuplicates.map((duplicate) => duplicate.candidateId));
        const added = event.data.candidateIds
          .filter((candidateId) => !known.has(candidateId))
          .map((candidateId) => ({
            candidateId,
            reasons: event.data.reasons,
            decision: null,
            flaggedAt: event.metadata.occurredAt,
            decidedBy: null,
          }));
        return { ...row, possibleDuplicates: [...row.possibleDuplicates, ...added] };
      }
      case 'PossibleDuplicateResolved': {
        if (!row) return row;
        const { candidateId, decision } = event.data;
        const possibleDuplicates = row.possibleDuplicates.map((duplicate) =>
          duplicate.candidateId === candidateId
            ? { ...duplicate, decision, decidedBy: event.metadata.actorId }
            : duplicate,
        );
        return { ...row, possibleDuplicates };
      }
      default: {
        const unknown: never = event;
        throw new Error(
          `protection.beneficiaries cannot apply ${String((unknown as { type: unknown }).type)}`,
        );
      }
    }
  },
});
