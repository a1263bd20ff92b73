import { deciderSpecification } from '../testing/decider-specification';
import {
  beneficiaryDecider,
  referenceCode,
  type BeneficiaryEvent,
  type RegisterBeneficiary,
} from './beneficiary';
import { BeneficiaryAlreadyRegistered, InvalidBeneficiaryData } from './errors';

const spec = deciderSpecification(beneficiaryDecider);
const beneficiaryId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c55';
const metadata = {
  actorId: 'officer-7',
  role: 'protection_officer',
  organisationId: null,
  correlationId: 'correlation-1',
  causationId: null,
  occurredAt: '2026-11-20T08:30:00.000Z',
};

function register(data: Partial<RegisterBeneficiary['data']> = {}): RegisterBeneficiary {
  return {
    type: 'RegisterBeneficiary',
    data: {
      beneficiaryId,
      referenceNumber: 123,
      country: 'TH',
      sex: 'FEMALE',
      minor: true,
      ...data,
    },
    metadata,
  };
}

const registered: BeneficiaryEvent = {
  type: 'BeneficiaryRegistered',
  data: {
    beneficiaryId,
    referenceCode: 'BEN-TH-000123',
    country: 'TH',
    sex: 'FEMALE',
    minor: true,
    registeredAt: '2026-11-20T08:30:00.000Z',
  },
};

describe('Beneficiary decider', () => {
  it('given no events, when a beneficiary is registered, then it is registered with a reference code and the time of the command', () => {
    spec.given([]).when(register()).then([registered]);
  });

  it('given no events, when the command time has an offset, then registeredAt is the same instant in UTC', () => {
    spec
      .given([])
      .when({ ...register(), metadata: { ...metadata, occurredAt: '2026-11-20T15:30:00+07:00' } })
      .then([registered]);
  });

  it('given a registered beneficiary, when the same registration arrives again (a retry), then nothing happens', () => {
    spec
      .given([registered])
      .when(register({ referenceNumber: 456 }))
      .then([]);
  });

  it('given a registered beneficiary, when its id is registered with other facts, then it fails as already registered', () => {
    spec
      .given([registered])
      .when(register({ country: 'LA' }))
      .thenThrows(BeneficiaryAlreadyRegistered, (error) =>
        expect((error as BeneficiaryAlreadyRegistered).code).toBe('BENEFICIARY_ALREADY_REGISTERED'),
      );
  });

  it.each([
    ['beneficiaryId', { beneficiaryId: 'not-a-uuid' }],
    ['referenceNumber', { referenceNumber: 0 }],
    ['referenceNumber', { referenceNumber: 1.5 }],
    ['country', { country: 'FR' as never }],
    ['sex', { sex: 'X' as never }],
    ['minor', { minor: 'yes' as never }],
  ])('given no events, when %s is invalid, then it fails naming that field', (field, data) => {
    spec
      .given([])
      .when(register(data))
      .thenThrows(InvalidBeneficiaryData, (error) => {
        expect((error as InvalidBeneficiaryData).field).toBe(field);
        expect((error as InvalidBeneficiaryData).code).toBe('INVALID_BENEFICIARY_DATA');
      });
  });

  it('given no events, when the command time is not an instant, then it fails naming occurredAt', () => {
    spec
      .given([])
      .when({ ...register(), metadata: { ...metadata, occurredAt: 'yesterday' } })
      .thenThrows(InvalidBeneficiaryData, (error) =>
        expect((error as InvalidBeneficiaryData).field).toBe('occurredAt'),
      );
  });

  it('formats reference codes with at least six digits', () => {
    expect(referenceCode('MM', 7)).toBe('BEN-MM-000007');
    expect(referenceCode('OTHER', 1234567)).toBe('BEN-OTHER-1234567');
  });

  it('folds a registration into registered state with only what decisions need', () => {
    expect(beneficiaryDecider.evolve(beneficiaryDecider.initialState(), registered)).toEqual({
      status: 'Registered',
      country: 'TH',
      sex: 'FEMALE',
      minor: true,
    });
  });
});
