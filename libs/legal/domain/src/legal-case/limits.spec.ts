import { deciderSpecification } from '@haven/platform/decider-testing';
import { legalCaseDecider } from './legal-case';
import type { BeneficiaryFacts, LegalCaseCommand, LegalCaseEvent } from './legal-case.types';
import {
  LEGAL_CASE_LIMITS as LIMITS,
  TooManyClaims,
  TooManyDocuments,
  TooManyOffenders,
  TooManyParties,
  TooManyPayments,
  TooManyStatusChanges,
  TooManyVerifications,
} from './limits';

const spec = deciderSpecification(legalCaseDecider);
const caseId = '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0c01';
const id = (n: number) => `0193a5c2-0000-7d3a-9b4c-${n.toString(16).padStart(12, '0')}`;
const ana = id(0xb01);
const offenderId = id(0xf01);
const documentId = id(0xd01);
const claimId = id(0xc51);
const metadata = {
  actorId: 'legal-th-1',
  role: 'legal_officer',
  organisationId: null,
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2022-12-01T08:00:00.000Z',
};
const thb = (baht: number) => ({ amountMinor: baht * 100, currency: 'THB' });
const on = '2020-01-01';

const command = (type: LegalCaseCommand['type'], data: object) =>
  ({ type, data, metadata }) as LegalCaseCommand;
const facts = (beneficiaryId: string): BeneficiaryFacts => ({
  beneficiaryId,
  known: true,
  erased: false,
  legalActionConsent: true,
  country: 'TH',
  sex: 'FEMALE',
  minor: true,
});

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
    beneficiaryIds: [ana],
  },
};
const joined = (beneficiaryId: string): LegalCaseEvent => ({
  type: 'LegalCaseBeneficiaryJoined',
  data: {
    caseId,
    beneficiaryId,
    role: 'VICTIM',
    country: 'TH',
    sex: 'FEMALE',
    minor: true,
    joinedOn: '2019-06-01',
  },
});
const offenderAdded = (offender: string): LegalCaseEvent => ({
  type: 'OffenderAdded',
  data: {
    caseId,
    offenderId: offender,
    kind: 'ADULT_MALE',
    nationality: 'TH',
    identity: { names: null, aliases: null, notes: null },
    on,
  },
});
const statusChanged = (from: string | null, to: string): LegalCaseEvent =>
  ({
    type: 'OffenderStatusChanged',
    data: {
      caseId,
      offenderId,
      country: 'TH',
      beneficiaryIds: [ana],
      offenderKind: 'ADULT_MALE',
      nationality: 'TH',
      from,
      to,
      on,
    },
  }) as LegalCaseEvent;
const documentRecorded = (document: string): LegalCaseEvent => ({
  type: 'EvidenceDocumentRecorded',
  data: {
    caseId,
    documentId: document,
    beneficiaryId: ana,
    kind: 'PASSPORT',
    issuingCountry: 'LA',
    content: null,
    on,
  },
});
const verified: LegalCaseEvent = {
  type: 'EvidenceVerified',
  data: {
    caseId,
    documentId,
    beneficiaryId: ana,
    country: 'TH',
    documentKind: 'PASSPORT',
    issuingCountry: 'LA',
    verifiedBy: 'COURT',
    finding: 'CONFIRMED',
    on,
  },
};
const claimed = (claim: string): LegalCaseEvent => ({
  type: 'CompensationClaimed',
  data: {
    caseId,
    claimId: claim,
    beneficiaryId: ana,
    country: 'TH',
    source: 'STATE_FUND',
    claimed: thb(50_000),
    on,
  },
});
const approved: LegalCaseEvent = {
  type: 'CompensationApproved',
  data: {
    caseId,
    claimId,
    beneficiaryId: ana,
    country: 'TH',
    source: 'STATE_FUND',
    approved: thb(50_000),
    on,
  },
};
const paid = (n: number): LegalCaseEvent => ({
  type: 'CompensationPaymentReceived',
  data: {
    caseId,
    claimId,
    paymentId: id(0x9000 + n),
    beneficiaryId: ana,
    country: 'TH',
    source: 'STATE_FUND',
    amount: thb(10),
    on,
  },
});
const times = <T>(count: number, make: (n: number) => T): T[] =>
  Array.from({ length: count }, (_, n) => make(n));

/** An offender who went back and forth between bail and custody `changes` times in all. */
function history(changes: number): LegalCaseEvent[] {
  const events = [offenderAdded(offenderId), statusChanged(null, 'UNDER_INVESTIGATION')];
  for (let n = 1; n < changes; n += 1) {
    events.push(
      n % 2 === 1
        ? statusChanged(n === 1 ? 'UNDER_INVESTIGATION' : 'ON_BAIL', 'IN_CUSTODY')
        : statusChanged('IN_CUSTODY', 'ON_BAIL'),
    );
  }
  return events;
}

describe('legal case: the hard caps on what a case holds', () => {
  it('given a case with the most beneficiaries, when another is added, then it is refused', () => {
    const full = [opened, joined(ana), ...times(LIMITS.parties - 1, (n) => joined(id(0xa000 + n)))];
    spec
      .given(full)
      .when(
        command('AddBeneficiaryToLegalCase', {
          caseId,
          party: { facts: facts(id(0xbbbb)), role: 'WITNESS' },
          joinedOn: on,
        }),
      )
      .thenThrows(TooManyParties);
  });

  it('given nothing, when a case is opened for more beneficiaries than the cap, then it is refused', () => {
    spec
      .given([])
      .when(
        command('OpenLegalCase', {
          caseId,
          kind: 'SEX_TRAFFICKING',
          country: 'TH',
          province: null,
          court: null,
          sourceProtectionCaseId: null,
          stage: 'INVESTIGATION',
          openedOn: '2019-06-01',
          staffLawyerIds: [],
          lawFirmId: null,
          parties: times(LIMITS.parties + 1, (n) => ({
            facts: facts(id(0xa000 + n)),
            role: 'VICTIM',
          })),
        }),
      )
      .thenThrows(TooManyParties);
  });

  it('given a case with the most offenders, when another is added, then it is refused', () => {
    spec
      .given([opened, ...times(LIMITS.offenders, (n) => offenderAdded(id(0xe000 + n)))])
      .when(
        command('AddOffender', {
          caseId,
          offenderId: id(0xeeee),
          kind: 'ADULT_MALE',
          nationality: 'TH',
          status: 'UNDER_INVESTIGATION',
          identity: { names: null, aliases: null, notes: null },
          on,
        }),
      )
      .thenThrows(TooManyOffenders);
  });

  it('given an offender one change short of the cap, when the status changes, then it is refused, but the verdict still comes', () => {
    const change = command('ChangeOffenderStatus', {
      caseId,
      offenderId,
      status: 'ON_BAIL',
      on,
    });
    spec
      .given([opened, joined(ana), ...history(LIMITS.statusChanges - 2)])
      .when(change)
      .then([statusChanged('IN_CUSTODY', 'ON_BAIL')]);
    spec
      .given([opened, ...history(LIMITS.statusChanges - 1)])
      .when(change)
      .thenThrows(TooManyStatusChanges);
    const verdict = legalCaseDecider.decide(
      command('RecordVerdict', {
        caseId,
        offenderId,
        outcome: 'ACQUITTED',
        pronounced: null,
        final: null,
        on,
      }),
      [opened, ...history(LIMITS.statusChanges - 1)].reduce(
        legalCaseDecider.evolve,
        legalCaseDecider.initialState(),
      ),
    );
    expect(verdict.map((event) => event.type)).toEqual([
      'VerdictRecorded',
      'OffenderStatusChanged',
    ]);
  });

  it('given a case with the most documents, when another is recorded, then it is refused', () => {
    spec
      .given([
        opened,
        joined(ana),
        ...times(LIMITS.documents, (n) => documentRecorded(id(0xd000 + n))),
      ])
      .when(
        command('RecordEvidenceDocument', {
          caseId,
          documentId: id(0xdddd),
          beneficiary: facts(ana),
          kind: 'PASSPORT',
          issuingCountry: 'LA',
          content: null,
          on,
        }),
      )
      .thenThrows(TooManyDocuments);
  });

  it('given a document with the longest chain, when another verification comes, then it is refused', () => {
    spec
      .given([
        opened,
        joined(ana),
        documentRecorded(documentId),
        ...times(LIMITS.verifications, () => verified),
      ])
      .when(
        command('VerifyEvidenceDocument', {
          caseId,
          documentId,
          verifiedBy: 'EMBASSY',
          finding: 'CONFIRMED',
          on,
        }),
      )
      .thenThrows(TooManyVerifications);
  });

  it('given a case with the most claims, when another is claimed, then it is refused', () => {
    spec
      .given([opened, joined(ana), ...times(LIMITS.claims, (n) => claimed(id(0xc000 + n)))])
      .when(
        command('ClaimCompensation', {
          caseId,
          claimId: id(0xcccc),
          beneficiary: facts(ana),
          source: 'MINISTRY',
          claimed: thb(1_000),
          on,
        }),
      )
      .thenThrows(TooManyClaims);
  });

  it('given a claim with the most payments, when another is received, then it is refused', () => {
    spec
      .given([
        opened,
        joined(ana),
        claimed(claimId),
        approved,
        ...times(LIMITS.payments, (n) => paid(n)),
      ])
      .when(
        command('ReceiveCompensationPayment', {
          caseId,
          claimId,
          paymentId: id(0x9fff),
          amount: thb(10),
          on,
        }),
      )
      .thenThrows(TooManyPayments);
  });
});
