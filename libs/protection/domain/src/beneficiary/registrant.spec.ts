// A registered id replayed is its registrant's retry only: anyone else is told the same,
// whatever the facts and whatever became of the record (issue 13, hole 1).
import { deciderSpecification } from '@haven/platform/decider-testing';
import { beneficiaryDecider, type BeneficiaryEvent, type RegisterBeneficiary } from './beneficiary';
import { BeneficiaryAlreadyErased, BeneficiaryAlreadyRegistered } from './errors';

const spec = deciderSpecification(beneficiaryDecider);
const beneficiaryId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c56';
const partnerA = {
  actorId: 'partner-a',
  role: 'partner',
  organisationId: 'org-a',
  correlationId: 'correlation-1',
  causationId: null,
  occurredAt: '2026-11-20T08:30:00.000Z',
};
const partnerB = { ...partnerA, actorId: 'partner-b', organisationId: 'org-b' };

/** The registration as the store returns it: with the metadata it was recorded with. */
const registeredByA = {
  type: 'BeneficiaryRegistered',
  schemaVersion: 3,
  data: {
    beneficiaryId,
    referenceCode: 'BEN-LA-000001',
    country: 'LA',
    sex: 'FEMALE',
    minor: true,
    nationality: null,
    ageYears: null,
    registeredOn: String(partnerA.occurredAt).slice(0, 10),
    registeredAt: partnerA.occurredAt,
  },
  metadata: partnerA,
} as BeneficiaryEvent;

const erasedByAdmins = {
  type: 'BeneficiaryErased',
  data: {
    beneficiaryId,
    requestedBy: 'admin-1',
    confirmedBy: 'admin-2',
    erasedAt: partnerA.occurredAt,
  },
  metadata: { ...partnerA, actorId: 'admin-2', role: 'admin', organisationId: null },
} as BeneficiaryEvent;

function register(
  metadata: typeof partnerA,
  sex: 'FEMALE' | 'MALE' = 'FEMALE',
): RegisterBeneficiary {
  return {
    type: 'RegisterBeneficiary',
    data: { beneficiaryId, referenceNumber: 9, country: 'LA', sex, minor: true },
    metadata,
  };
}

describe('Beneficiary decider: a replayed registration id', () => {
  it('given a registration by partner A, when A registers the same facts again, then nothing happens', () => {
    spec.given([registeredByA]).when(register(partnerA)).then([]);
  });

  it('given a registration by partner A, when partner B registers its id with the same facts or others, then both are refused alike', () => {
    spec.given([registeredByA]).when(register(partnerB)).thenThrows(BeneficiaryAlreadyRegistered);
    spec
      .given([registeredByA])
      .when(register(partnerB, 'MALE'))
      .thenThrows(BeneficiaryAlreadyRegistered);
  });

  it('given an erased beneficiary, when another partner replays its id, then it is told the same, not that she was erased', () => {
    spec
      .given([registeredByA, erasedByAdmins])
      .when(register(partnerB))
      .thenThrows(BeneficiaryAlreadyRegistered);
    spec
      .given([registeredByA, erasedByAdmins])
      .when(register(partnerA))
      .thenThrows(BeneficiaryAlreadyErased);
  });
});
