import { deciderSpecification } from '@haven/platform/decider-testing';
import {
  beneficiaryDecider,
  referenceCode,
  type BeneficiaryEvent,
  type RecordConsent,
  type RegisterBeneficiary,
  type ResolvePossibleDuplicate,
} from './beneficiary';
import {
  BeneficiaryAlreadyErased,
  BeneficiaryAlreadyRegistered,
  BeneficiaryNotFound,
  ErasureAlreadyRequested,
  ErasureNotRequested,
  InvalidBeneficiaryData,
  PossibleDuplicateNotFound,
  SameAdminConfirmation,
} from './errors';

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
  schemaVersion: 3,
  data: {
    beneficiaryId,
    referenceCode: 'BEN-TH-000123',
    country: 'TH',
    sex: 'FEMALE',
    minor: true,
    nationality: null,
    ageYears: null,
    registeredOn: '2026-11-20',
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
      personalFields: [],
      registeredOn: '2026-11-20',
      possibleDuplicates: {},
      erasureRequest: null,
    });
  });
});

// Sealed values as libs/platform/privacy makes them; their content does not matter here.
const sealedA = 'pii:v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const sealedB = 'pii:v1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';

const registeredWithPersonal: BeneficiaryEvent = {
  type: 'BeneficiaryRegistered',
  schemaVersion: 3,
  data: {
    ...(registered.data as Extract<BeneficiaryEvent, { type: 'BeneficiaryRegistered' }>['data']),
    personal: { givenName: sealedA, dateOfBirth: sealedA },
  },
};

describe('Beneficiary decider: personal fields', () => {
  it('given no events, when a registration carries sealed personal fields, then the event carries them as given', () => {
    spec
      .given([])
      .when(register({ personal: { givenName: sealedA, dateOfBirth: sealedA } }))
      .then([registeredWithPersonal]);
  });

  it('given no events, when a registration carries a personal field in clear, then it fails naming the field and records nothing', () => {
    spec
      .given([])
      .when(register({ personal: { givenName: 'Lan' } }))
      .thenThrows(InvalidBeneficiaryData, (error) => {
        expect((error as InvalidBeneficiaryData).field).toBe('personal.givenName');
        expect(error.message).not.toContain('Lan');
      });
  });

  it('given no events, when a registration carries a field that is not a personal field, then it fails', () => {
    spec
      .given([])
      .when(register({ personal: { nickname: sealedA } as never }))
      .thenThrows(InvalidBeneficiaryData, (error) =>
        expect((error as InvalidBeneficiaryData).field).toBe('personal'),
      );
  });

  it('given a registration with personal fields, when it is retried with the same fields sealed anew (other ciphertexts), then nothing happens', () => {
    spec
      .given([registeredWithPersonal])
      .when(register({ personal: { givenName: sealedB, dateOfBirth: sealedB } }))
      .then([]);
  });

  it('given a registration with personal fields, when its id is registered with other personal fields present, then it fails as already registered', () => {
    spec
      .given([registeredWithPersonal])
      .when(register({ personal: { givenName: sealedB } }))
      .thenThrows(BeneficiaryAlreadyRegistered);
    spec
      .given([registered])
      .when(register({ personal: { phone: sealedB } }))
      .thenThrows(BeneficiaryAlreadyRegistered);
  });
});

describe('Beneficiary decider: erasure, by two admins', () => {
  const admin = (actorId: string, occurredAt = '2026-11-21T09:00:00.000Z') => ({
    ...metadata,
    actorId,
    role: 'admin',
    occurredAt,
  });
  const requestErasure = (actorId = 'admin-1', reason = 'Consent withdrawn, ticket OPS-17') => ({
    type: 'RequestBeneficiaryErasure' as const,
    data: { beneficiaryId, reason },
    metadata: admin(actorId),
  });
  const confirmErasure = (actorId = 'admin-2') => ({
    type: 'ConfirmBeneficiaryErasure' as const,
    data: { beneficiaryId },
    metadata: admin(actorId, '2026-11-21T10:00:00.000Z'),
  });
  const requested: BeneficiaryEvent = {
    type: 'BeneficiaryErasureRequested',
    data: {
      beneficiaryId,
      requestedBy: 'admin-1',
      reason: 'Consent withdrawn, ticket OPS-17',
      requestedAt: '2026-11-21T09:00:00.000Z',
    },
  };
  const erased: BeneficiaryEvent = {
    type: 'BeneficiaryErased',
    data: {
      beneficiaryId,
      requestedBy: 'admin-1',
      confirmedBy: 'admin-2',
      erasedAt: '2026-11-21T10:00:00.000Z',
    },
  };

  it('given a registered beneficiary, when an admin requests erasure, then the request is recorded with its requester and reason', () => {
    spec.given([registeredWithPersonal]).when(requestErasure()).then([requested]);
  });

  it('given a pending request, when the same admin sends it again, then nothing happens (a retry)', () => {
    spec.given([registeredWithPersonal, requested]).when(requestErasure()).then([]);
  });

  it('given a pending request, when another request arrives, then it fails as already requested', () => {
    spec
      .given([registeredWithPersonal, requested])
      .when(requestErasure('admin-3'))
      .thenThrows(ErasureAlreadyRequested);
  });

  it('given a pending request, when another admin confirms, then the beneficiary is erased, naming both admins', () => {
    spec.given([registeredWithPersonal, requested]).when(confirmErasure()).then([erased]);
  });

  it('given a pending request, when the requesting admin confirms it, then it is refused (two-person rule)', () => {
    spec
      .given([registeredWithPersonal, requested])
      .when(confirmErasure('admin-1'))
      .thenThrows(SameAdminConfirmation, (error) =>
        expect((error as SameAdminConfirmation).code).toBe('SAME_ADMIN'),
      );
  });

  it('given no pending request, when an admin confirms, then it fails as not requested', () => {
    spec
      .given([registeredWithPersonal])
      .when(confirmErasure())
      .thenThrows(ErasureNotRequested, (error) =>
        expect((error as ErasureNotRequested).code).toBe('ERASURE_NOT_REQUESTED'),
      );
  });

  it('given an erased beneficiary, when erasure is requested or confirmed again, or it is registered again, then it fails as already erased', () => {
    const history = [registeredWithPersonal, requested, erased];
    spec.given(history).when(requestErasure('admin-3')).thenThrows(BeneficiaryAlreadyErased);
    spec.given(history).when(confirmErasure('admin-3')).thenThrows(BeneficiaryAlreadyErased);
    spec.given(history).when(register()).thenThrows(BeneficiaryAlreadyErased);
  });

  it('given no beneficiary, when erasure is requested or confirmed, then it fails as not found', () => {
    spec.given([]).when(requestErasure()).thenThrows(BeneficiaryNotFound);
    spec.given([]).when(confirmErasure()).thenThrows(BeneficiaryNotFound);
  });

  it.each([
    ['blank', '   '],
    ['over 500 characters', 'x'.repeat(501)],
  ])(
    'given a registered beneficiary, when the reason is %s, then it fails naming reason',
    (_case, reason) => {
      spec
        .given([registeredWithPersonal])
        .when(requestErasure('admin-1', reason))
        .thenThrows(InvalidBeneficiaryData, (error) =>
          expect((error as InvalidBeneficiaryData).field).toBe('reason'),
        );
    },
  );

  it('folds an erasure into erased state', () => {
    const state = [registeredWithPersonal, requested, erased].reduce(
      beneficiaryDecider.evolve,
      beneficiaryDecider.initialState(),
    );
    expect(state).toEqual({
      status: 'Erased',
      country: 'TH',
      sex: 'FEMALE',
      minor: true,
      personalFields: ['givenName', 'dateOfBirth'],
      registeredOn: '2026-11-20',
      possibleDuplicates: {},
    });
  });
});

describe('Beneficiary decider: consents', () => {
  const erasedEvent: BeneficiaryEvent = {
    type: 'BeneficiaryErased',
    data: {
      beneficiaryId,
      requestedBy: 'admin-1',
      confirmedBy: 'admin-2',
      erasedAt: '2026-11-20T09:00:00.000Z',
    },
  };

  function consent(data: Partial<RecordConsent['data']> = {}): RecordConsent {
    return {
      type: 'RecordConsent',
      data: {
        beneficiaryId,
        kind: 'SERVICES',
        partnerOrganisationId: null,
        given: true,
        recordedOn: '2026-11-19',
        ...data,
      },
      metadata,
    };
  }

  it('given a registered beneficiary, when a consent is recorded, then ConsentRecorded holds its kind, whether given, and the day', () => {
    spec
      .given([registered])
      .when(consent())
      .then([
        {
          type: 'ConsentRecorded',
          data: {
            beneficiaryId,
            kind: 'SERVICES',
            partnerOrganisationId: null,
            given: true,
            recordedOn: '2026-11-19',
          },
        },
      ]);
  });

  it('given a consent to share, when it is withdrawn, then a new record with given=false is appended', () => {
    const shared = consent({ kind: 'SHARING_WITH_PARTNER', partnerOrganisationId: 'org-ngo-1' });
    const given: BeneficiaryEvent = { type: 'ConsentRecorded', data: { ...shared.data } };
    spec
      .given([registered, given])
      .when(consent({ ...shared.data, given: false }))
      .then([{ type: 'ConsentRecorded', data: { ...shared.data, given: false } }]);
  });

  it('given a registered beneficiary, when sharing is consented without a partner, then it fails naming partnerOrganisationId', () => {
    spec
      .given([registered])
      .when(consent({ kind: 'SHARING_WITH_PARTNER' }))
      .thenThrows(InvalidBeneficiaryData, (error) =>
        expect((error as InvalidBeneficiaryData).field).toBe('partnerOrganisationId'),
      );
  });

  it('given a registered beneficiary, when another kind names a partner, then it fails', () => {
    spec
      .given([registered])
      .when(consent({ kind: 'LEGAL_ACTION', partnerOrganisationId: 'org-ngo-1' }))
      .thenThrows(InvalidBeneficiaryData);
  });

  it('given a registered beneficiary, when the day is in the future or not a date, then it fails', () => {
    spec
      .given([registered])
      .when(consent({ recordedOn: '2026-11-21' }))
      .thenThrows(InvalidBeneficiaryData);
    spec
      .given([registered])
      .when(consent({ recordedOn: '2026-02-30' }))
      .thenThrows(InvalidBeneficiaryData);
  });

  it('given an erased beneficiary, when a consent is recorded, then it fails as erased', () => {
    spec.given([registered, erasedEvent]).when(consent()).thenThrows(BeneficiaryAlreadyErased);
  });

  it('given no events, when a consent is recorded, then it fails as not found', () => {
    spec.given([]).when(consent()).thenThrows(BeneficiaryNotFound);
  });
});

describe('Beneficiary decider: possible duplicates', () => {
  const candidateId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c66';
  const flagged: BeneficiaryEvent = {
    type: 'BeneficiaryFlaggedAsPossibleDuplicate',
    data: { beneficiaryId, candidateIds: [candidateId], reasons: ['SAME_NAME_AND_DATE_OF_BIRTH'] },
  };

  function resolve(
    decision: ResolvePossibleDuplicate['data']['decision'],
    candidate = candidateId,
  ): ResolvePossibleDuplicate {
    return {
      type: 'ResolvePossibleDuplicate',
      data: { beneficiaryId, candidateId: candidate, decision },
      metadata,
    };
  }

  it('given no events, when a registration carries matching candidates, then it is registered and flagged (ids and reasons only)', () => {
    spec
      .given([])
      .when(
        register({
          possibleDuplicates: {
            candidateIds: [candidateId],
            reasons: ['SAME_NAME_AND_BIRTH_YEAR', 'SAME_NAME_AND_DATE_OF_BIRTH'],
          },
        }),
      )
      .then([
        registered,
        {
          type: 'BeneficiaryFlaggedAsPossibleDuplicate',
          data: {
            beneficiaryId,
            candidateIds: [candidateId],
            reasons: ['SAME_NAME_AND_DATE_OF_BIRTH', 'SAME_NAME_AND_BIRTH_YEAR'],
          },
        },
      ]);
  });

  it('given no events, when a registration names itself as its candidate, then it fails', () => {
    spec
      .given([])
      .when(
        register({
          possibleDuplicates: {
            candidateIds: [beneficiaryId],
            reasons: ['SAME_NAME_AND_BIRTH_YEAR'],
          },
        }),
      )
      .thenThrows(InvalidBeneficiaryData);
  });

  it('given a flagged beneficiary, when a person decides, then the decision is recorded (nothing merged)', () => {
    spec
      .given([registered, flagged])
      .when(resolve('DIFFERENT_PEOPLE'))
      .then([
        {
          type: 'PossibleDuplicateResolved',
          data: { beneficiaryId, candidateId, decision: 'DIFFERENT_PEOPLE' },
        },
      ]);
  });

  it('given a decided candidate, when the same decision arrives again, then nothing happens', () => {
    const decided: BeneficiaryEvent = {
      type: 'PossibleDuplicateResolved',
      data: { beneficiaryId, candidateId, decision: 'SAME_PERSON' },
    };
    spec.given([registered, flagged, decided]).when(resolve('SAME_PERSON')).then([]);
  });

  it('given a flagged beneficiary, when a candidate it was not flagged with is decided, then it fails', () => {
    spec
      .given([registered, flagged])
      .when(resolve('SAME_PERSON', '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c77'))
      .thenThrows(PossibleDuplicateNotFound);
  });
});
