import { deciderSpecification } from '@haven/platform/decider-testing';
import { InvalidValue } from '@haven/platform/domain';
import * as errors from '../errors';
import { legalCaseDecider, MAX_OFFENDER_ERASURE_REASON_LENGTH } from './legal-case';
import type { EraseOffenderIdentity, LegalCaseEvent } from './legal-case.types';

const spec = deciderSpecification(legalCaseDecider);
const caseId = '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0c01';
const offenderId = '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0f01';
const metadata = {
  actorId: 'admin-1',
  role: 'admin',
  organisationId: null,
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2021-01-04T08:00:00.000Z',
};

const opened: LegalCaseEvent = {
  type: 'LegalCaseOpened',
  data: {
    caseId,
    kind: 'SEX_TRAFFICKING',
    country: 'TH',
    province: null,
    court: null,
    sourceProtectionCaseId: null,
    stage: 'INVESTIGATION',
    openedOn: '2019-06-01',
    beneficiaryIds: [],
  },
};
const offenderAdded: LegalCaseEvent = {
  type: 'OffenderAdded',
  data: {
    caseId,
    offenderId,
    kind: 'ADULT_MALE',
    nationality: 'TH',
    identity: { names: 'pii:v1:sealed', aliases: null, notes: null },
    on: '2019-06-02',
  },
};
const underInvestigation: LegalCaseEvent = {
  type: 'OffenderStatusChanged',
  data: {
    caseId,
    offenderId,
    country: 'TH',
    beneficiaryIds: [],
    offenderKind: 'ADULT_MALE',
    nationality: 'TH',
    from: null,
    to: 'UNDER_INVESTIGATION',
    on: '2019-06-02',
  },
};
const closed: LegalCaseEvent = {
  type: 'LegalCaseClosed',
  data: { caseId, country: 'TH', beneficiaryIds: [], on: '2020-01-01' },
};
const reason = 'Court order 2021/17';
const erased: LegalCaseEvent = {
  type: 'OffenderIdentityErased',
  data: { caseId, offenderId, reason },
};

const erase = (data: Partial<EraseOffenderIdentity['data']> = {}): EraseOffenderIdentity => ({
  type: 'EraseOffenderIdentity',
  data: { caseId, offenderId, reason, ...data },
  metadata,
});

describe('legal case: erasing an offender’s identity', () => {
  it('given an offender on a case, when an admin erases the identity, then it is erased with its reason', () => {
    spec.given([opened, offenderAdded, underInvestigation]).when(erase()).then([erased]);
  });

  it('given a closed case, when its offender’s identity is erased, then it is erased (erasure is no new fact of the case)', () => {
    spec.given([opened, offenderAdded, underInvestigation, closed]).when(erase()).then([erased]);
  });

  it('given an identity already erased, when it is erased again, then nothing changes', () => {
    spec.given([opened, offenderAdded, underInvestigation, erased]).when(erase()).then([]);
  });

  it('given an erased identity, when the offender’s status changes, then the status moves as before', () => {
    spec
      .given([opened, offenderAdded, underInvestigation, erased])
      .when({
        type: 'ChangeOffenderStatus',
        data: { caseId, offenderId, status: 'IN_CUSTODY', on: '2020-02-01' },
        metadata,
      })
      .then([
        {
          ...underInvestigation,
          data: {
            ...(underInvestigation.data as object),
            from: 'UNDER_INVESTIGATION',
            to: 'IN_CUSTODY',
            on: '2020-02-01',
          },
        } as LegalCaseEvent,
      ]);
  });

  it('given no such offender or no such case, when an erasure is asked, then it is refused', () => {
    spec.given([opened]).when(erase()).thenThrows(errors.OffenderNotFound);
    spec.given([]).when(erase()).thenThrows(errors.LegalCaseNotFound);
  });

  it('given an offender, when the reason is blank, two lines or too long, then it is refused', () => {
    for (const bad of ['  ', 'one\ntwo', 'x'.repeat(MAX_OFFENDER_ERASURE_REASON_LENGTH + 1)]) {
      spec
        .given([opened, offenderAdded, underInvestigation])
        .when(erase({ reason: bad }))
        .thenThrows(InvalidValue);
    }
  });
});
