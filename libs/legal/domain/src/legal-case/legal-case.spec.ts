import { deciderSpecification } from '@haven/platform/decider-testing';
import * as errors from '../errors';
import { legalCaseDecider } from './legal-case';
import type {
  BeneficiaryFacts,
  LegalCaseCommand,
  LegalCaseEvent,
  OpenLegalCase,
} from './legal-case.types';

const spec = deciderSpecification(legalCaseDecider);
const caseId = '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0c01';
const [ana, bua, cha] = [
  '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0b01',
  '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0b02',
  '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0b03',
];
const offenderId = '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0f01';
const claimId = '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0c51';
const documentId = '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0d01';
const metadata = {
  actorId: 'legal-th-1',
  role: 'legal_officer',
  organisationId: null,
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2020-12-01T08:00:00.000Z',
};
const thb = (baht: number) => ({ amountMinor: baht * 100, currency: 'THB' });

function facts(beneficiaryId: string, extra: Partial<BeneficiaryFacts> = {}): BeneficiaryFacts {
  return {
    beneficiaryId,
    known: true,
    erased: false,
    legalActionConsent: true,
    country: 'TH',
    sex: 'FEMALE',
    minor: true,
    ...extra,
  };
}

function command<C extends LegalCaseCommand>(type: C['type'], data: C['data']): C {
  return { type, data, metadata } as C;
}

function openCase(data: Partial<OpenLegalCase['data']> = {}): OpenLegalCase {
  return command<OpenLegalCase>('OpenLegalCase', {
    caseId,
    kind: 'SEX_TRAFFICKING',
    country: 'TH',
    province: 'Rayong',
    court: 'Rayong Provincial Court',
    sourceProtectionCaseId: null,
    stage: 'INVESTIGATION',
    openedOn: '2019-06-01',
    staffLawyerIds: [],
    lawFirmId: null,
    parties: [{ facts: facts(ana), role: 'VICTIM' }],
    ...data,
  });
}

const opened: LegalCaseEvent = {
  type: 'LegalCaseOpened',
  data: {
    caseId,
    kind: 'SEX_TRAFFICKING',
    country: 'TH',
    province: 'Rayong',
    court: 'Rayong Provincial Court',
    sourceProtectionCaseId: null,
    stage: 'INVESTIGATION',
    openedOn: '2019-06-01',
    beneficiaryIds: [ana],
  },
};
const anaJoined: LegalCaseEvent = {
  type: 'LegalCaseBeneficiaryJoined',
  data: {
    caseId,
    beneficiaryId: ana,
    role: 'VICTIM',
    country: 'TH',
    sex: 'FEMALE',
    minor: true,
    joinedOn: '2019-06-01',
  },
};
const closed: LegalCaseEvent = {
  type: 'LegalCaseClosed',
  data: { caseId, country: 'TH', beneficiaryIds: [ana], on: '2020-01-01' },
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
const status = (from: string | null, to: string, kind = 'ADULT_MALE'): LegalCaseEvent =>
  ({
    type: 'OffenderStatusChanged',
    data: {
      caseId,
      offenderId,
      country: 'TH',
      beneficiaryIds: [],
      offenderKind: kind,
      nationality: 'TH',
      from,
      to,
      on: '2019-06-02',
    },
  }) as LegalCaseEvent;
const inCustody = [
  offenderAdded,
  status(null, 'UNDER_INVESTIGATION'),
  status('UNDER_INVESTIGATION', 'IN_CUSTODY'),
];
const pronounced = { termYears: 25, termMonths: 6, fine: thb(77_000) };
const reduced = { termYears: 12, termMonths: 9, fine: thb(38_500) };
const convicted: LegalCaseEvent = {
  type: 'VerdictRecorded',
  data: {
    caseId,
    offenderId,
    country: 'TH',
    beneficiaryIds: [],
    outcome: 'CONVICTED',
    pronounced,
    final: reduced,
    on: '2020-10-01',
  },
};
const claimed: LegalCaseEvent = {
  type: 'CompensationClaimed',
  data: {
    caseId,
    claimId,
    beneficiaryId: ana,
    country: 'TH',
    source: 'STATE_FUND',
    claimed: thb(50_000),
    on: '2020-02-01',
  },
};
const approved: LegalCaseEvent = {
  type: 'CompensationApproved',
  data: {
    caseId,
    claimId,
    beneficiaryId: ana,
    country: 'TH',
    source: 'STATE_FUND',
    approved: thb(30_000),
    on: '2020-03-01',
  },
};
const documentRecorded: LegalCaseEvent = {
  type: 'EvidenceDocumentRecorded',
  data: {
    caseId,
    documentId,
    beneficiaryId: ana,
    kind: 'PASSPORT',
    issuingCountry: 'LA',
    content: null,
    on: '2019-07-01',
  },
};

describe('legal case: opening', () => {
  it('given nothing, when a case is opened for a consenting beneficiary, then it opens with her as a party and its lawyers', () => {
    spec
      .given([])
      .when(openCase({ lawFirmId: '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0a01' }))
      .then([
        opened,
        anaJoined,
        {
          type: 'LawyersAssigned',
          data: {
            caseId,
            staffLawyerIds: [],
            lawFirmId: '0193a5c2-0000-7d3a-9b4c-2e8f6a1d0a01',
            on: '2019-06-01',
          },
        },
      ]);
  });
  it('refuses a beneficiary without consent to legal action', () => {
    spec
      .given([])
      .when(
        openCase({
          parties: [{ facts: facts(ana, { legalActionConsent: false }), role: 'VICTIM' }],
        }),
      )
      .thenThrows(errors.NoLegalActionConsent);
  });
  it('refuses an unknown beneficiary', () => {
    spec
      .given([])
      .when(openCase({ parties: [{ facts: facts(ana, { known: false }), role: 'VICTIM' }] }))
      .thenThrows(errors.UnknownBeneficiary);
  });
  it('refuses an erased beneficiary', () => {
    spec
      .given([])
      .when(openCase({ parties: [{ facts: facts(ana, { erased: true }), role: 'VICTIM' }] }))
      .thenThrows(errors.BeneficiaryErased);
  });
  it('refuses a beneficiary registered in another country', () => {
    spec
      .given([])
      .when(openCase({ parties: [{ facts: facts(ana, { country: 'MM' }), role: 'VICTIM' }] }))
      .thenThrows(errors.BeneficiaryOutsideCaseCountry);
  });
  it('refuses a case with no beneficiary, or the same one twice', () => {
    spec
      .given([])
      .when(openCase({ parties: [] }))
      .thenThrows(errors.NoBeneficiaries);
    spec
      .given([])
      .when(
        openCase({
          parties: [
            { facts: facts(ana), role: 'VICTIM' },
            { facts: facts(ana), role: 'WITNESS' },
          ],
        }),
      )
      .thenThrows(errors.BeneficiaryAlreadyOnCase);
  });
  it('refuses opening at the closed stage, and opening twice', () => {
    spec
      .given([])
      .when(openCase({ stage: 'CLOSED' }))
      .thenThrows(errors.CloseToCloseCase);
    spec.given([opened]).when(openCase()).thenThrows(errors.LegalCaseAlreadyOpened);
  });
});

describe('legal case: parties and consent', () => {
  const join = (beneficiary: BeneficiaryFacts) =>
    command('AddBeneficiaryToLegalCase', {
      caseId,
      party: { facts: beneficiary, role: 'WITNESS' },
      joinedOn: '2020-01-01',
    });
  it('adds a consenting beneficiary as a witness', () => {
    spec
      .given([opened, anaJoined])
      .when(join(facts(bua, { minor: false })))
      .then([
        {
          type: 'LegalCaseBeneficiaryJoined',
          data: {
            caseId,
            beneficiaryId: bua,
            role: 'WITNESS',
            country: 'TH',
            sex: 'FEMALE',
            minor: false,
            joinedOn: '2020-01-01',
          },
        },
      ]);
  });
  it('refuses a beneficiary who declined legal action, one already on it, and a missing case', () => {
    spec
      .given([opened, anaJoined])
      .when(join(facts(cha, { legalActionConsent: false })))
      .thenThrows(errors.NoLegalActionConsent);
    spec
      .given([opened, anaJoined])
      .when(join(facts(ana)))
      .thenThrows(errors.BeneficiaryAlreadyOnCase);
    spec
      .given([])
      .when(join(facts(ana)))
      .thenThrows(errors.LegalCaseNotFound);
  });
  it('after she withdraws consent, stops new service occasions for her', () => {
    spec
      .given([opened, anaJoined])
      .when(
        command('RecordServiceOccasion', {
          caseId,
          occasionId: 'o-1',
          kind: 'MEETING_PROSECUTOR',
          on: '2020-01-02',
          concerned: [facts(ana, { legalActionConsent: false })],
        }),
      )
      .thenThrows(errors.NoLegalActionConsent);
  });
});

describe('legal case: stages, closing and reopening', () => {
  it('moves to another stage, but not to the same one nor to closed', () => {
    spec
      .given([opened])
      .when(command('ChangeLegalCaseStage', { caseId, stage: 'TRIAL', on: '2020-01-01' }))
      .then([
        {
          type: 'LegalCaseStageChanged',
          data: {
            caseId,
            country: 'TH',
            beneficiaryIds: [],
            from: 'INVESTIGATION',
            to: 'TRIAL',
            on: '2020-01-01',
          },
        },
      ]);
    spec
      .given([opened])
      .when(command('ChangeLegalCaseStage', { caseId, stage: 'INVESTIGATION', on: '2020-01-01' }))
      .thenThrows(errors.SameStage);
    spec
      .given([opened])
      .when(command('ChangeLegalCaseStage', { caseId, stage: 'CLOSED', on: '2020-01-01' }))
      .thenThrows(errors.CloseToCloseCase);
  });
  it('refuses a fact dated before the case opened', () => {
    spec
      .given([opened])
      .when(command('ChangeLegalCaseStage', { caseId, stage: 'TRIAL', on: '2019-01-01' }))
      .thenThrows(errors.FactBeforeCaseOpened);
  });
  it('a closed case takes nothing new until it is reopened', () => {
    spec
      .given([opened, anaJoined, closed])
      .when(command('ChangeLegalCaseStage', { caseId, stage: 'TRIAL', on: '2020-02-01' }))
      .thenThrows(errors.LegalCaseIsClosed);
    spec
      .given([opened, closed])
      .when(command('CloseLegalCase', { caseId, on: '2020-02-01' }))
      .thenThrows(errors.LegalCaseIsClosed);
    spec
      .given([opened, closed])
      .when(command('ReopenLegalCase', { caseId, stage: 'APPEAL', on: '2020-02-01' }))
      .then([
        {
          type: 'LegalCaseReopened',
          data: { caseId, country: 'TH', beneficiaryIds: [], stage: 'APPEAL', on: '2020-02-01' },
        },
      ]);
    spec
      .given([
        opened,
        anaJoined,
        closed,
        {
          type: 'LegalCaseReopened',
          data: { caseId, country: 'TH', beneficiaryIds: [], stage: 'APPEAL', on: '2020-02-01' },
        },
      ])
      .when(command('ChangeLegalCaseStage', { caseId, stage: 'TRIAL', on: '2020-02-02' }))
      .then([
        {
          type: 'LegalCaseStageChanged',
          data: {
            caseId,
            country: 'TH',
            beneficiaryIds: [ana],
            from: 'APPEAL',
            to: 'TRIAL',
            on: '2020-02-02',
          },
        },
      ]);
  });
  it('reopens only a closed case', () => {
    spec
      .given([opened])
      .when(command('ReopenLegalCase', { caseId, stage: 'TRIAL', on: '2020-02-01' }))
      .thenThrows(errors.LegalCaseNotClosed);
  });
});

describe('legal case: offenders', () => {
  const add = (kind = 'ADULT_MALE', initial = 'UNDER_INVESTIGATION') =>
    command('AddOffender', {
      caseId,
      offenderId,
      kind,
      nationality: 'TH',
      status: initial,
      identity: { names: 'pii:v1:sealed', aliases: null, notes: null },
      on: '2019-06-02',
    } as never);
  const change = (to: string) =>
    command('ChangeOffenderStatus', { caseId, offenderId, status: to, on: '2019-06-02' } as never);
  it('adds an offender with a sealed identity and a first, dated status', () => {
    spec
      .given([opened])
      .when(add())
      .then([offenderAdded, status(null, 'UNDER_INVESTIGATION')]);
    spec.given([opened, offenderAdded]).when(add()).thenThrows(errors.OffenderAlreadyAdded);
  });
  it('moves along allowed transitions only', () => {
    spec
      .given([opened, offenderAdded, status(null, 'UNDER_INVESTIGATION')])
      .when(change('IN_CUSTODY'))
      .then([status('UNDER_INVESTIGATION', 'IN_CUSTODY')]);
    spec
      .given([opened, offenderAdded, status(null, 'DISMISSED')])
      .when(change('IN_CUSTODY'))
      .thenThrows(errors.OffenderStatusNotAllowed);
    spec.given([opened]).when(change('IN_CUSTODY')).thenThrows(errors.OffenderNotFound);
  });
  it('sets sentenced, fined and acquitted only through a verdict', () => {
    spec
      .given([opened, ...inCustody])
      .when(change('SENTENCED'))
      .thenThrows(errors.StatusNeedsVerdict);
    spec.given([opened]).when(add('ADULT_MALE', 'SENTENCED')).thenThrows(errors.StatusNeedsVerdict);
  });
  it('holds only minors in juvenile detention, and never a company', () => {
    spec
      .given([opened])
      .when(add('ADULT_FEMALE', 'IN_JUVENILE_DETENTION'))
      .thenThrows(errors.JuvenileDetentionForMinorsOnly);
    spec.given([opened]).when(add('COMPANY', 'IN_CUSTODY')).thenThrows(errors.CompanyNotDetained);
  });
});

describe('legal case: verdicts', () => {
  const verdict = (data: Record<string, unknown>) =>
    command('RecordVerdict', {
      caseId,
      offenderId,
      outcome: 'CONVICTED',
      pronounced,
      final: reduced,
      on: '2020-10-01',
      ...data,
    } as never);
  const given = [opened, ...inCustody];
  it('records a conviction with the pronounced and the reduced sentence, and sentences the offender', () => {
    spec
      .given(given)
      .when(verdict({}))
      .then([
        convicted,
        {
          ...status('IN_CUSTODY', 'SENTENCED'),
          data: { ...status('IN_CUSTODY', 'SENTENCED').data, on: '2020-10-01' },
        } as LegalCaseEvent,
      ]);
  });
  it('only a convicted offender has a sentence', () => {
    spec
      .given(given)
      .when(verdict({ outcome: 'ACQUITTED' }))
      .thenThrows(errors.SentenceWithoutConviction);
  });
  it('an acquittal acquits', () => {
    spec
      .given(given)
      .when(verdict({ outcome: 'ACQUITTED', pronounced: null, final: null }))
      .then([
        {
          type: 'VerdictRecorded',
          data: {
            caseId,
            offenderId,
            country: 'TH',
            beneficiaryIds: [],
            outcome: 'ACQUITTED',
            pronounced: null,
            final: null,
            on: '2020-10-01',
          },
        },
        {
          ...status('IN_CUSTODY', 'ACQUITTED'),
          data: { ...status('IN_CUSTODY', 'ACQUITTED').data, on: '2020-10-01' },
        } as LegalCaseEvent,
      ]);
  });
  it('a conviction states its sentence, and the final one is never above it', () => {
    spec
      .given(given)
      .when(verdict({ pronounced: null }))
      .thenThrows(errors.ConvictionWithoutSentence);
    spec
      .given(given)
      .when(verdict({ final: { ...reduced, termYears: 30 } }))
      .thenThrows(errors.FinalSentenceExceedsPronounced);
    spec
      .given(given)
      .when(verdict({ final: { ...reduced, fine: thb(80_000) } }))
      .thenThrows(errors.FinalSentenceExceedsPronounced);
    spec
      .given(given)
      .when(verdict({ final: { ...reduced, fine: { amountMinor: 1, currency: 'LAK' } } }))
      .thenThrows(errors.CurrencyMismatch);
  });
  it('records one verdict per offender, and an appeal only after a verdict, once', () => {
    const appeal = command('AppealVerdict', { caseId, offenderId, on: '2020-11-01' });
    spec
      .given([...given, convicted])
      .when(verdict({}))
      .thenThrows(errors.VerdictAlreadyRecorded);
    spec.given(given).when(appeal).thenThrows(errors.AppealWithoutVerdict);
    spec
      .given([...given, convicted])
      .when(appeal)
      .then([
        {
          type: 'VerdictAppealed',
          data: { caseId, offenderId, country: 'TH', beneficiaryIds: [], on: '2020-11-01' },
        },
      ]);
    spec
      .given([
        ...given,
        convicted,
        {
          type: 'VerdictAppealed',
          data: { caseId, offenderId, country: 'TH', beneficiaryIds: [], on: '2020-11-01' },
        },
      ])
      .when(appeal)
      .thenThrows(errors.AlreadyAppealed);
  });
});

describe('legal case: evidence of age and identity', () => {
  const record = (beneficiary = facts(ana)) =>
    command('RecordEvidenceDocument', {
      caseId,
      documentId,
      beneficiary,
      kind: 'PASSPORT',
      issuingCountry: 'LA',
      content: null,
      on: '2019-07-01',
    });
  it('records a document of a party, and its chain of verification', () => {
    spec.given([opened, anaJoined]).when(record()).then([documentRecorded]);
    spec
      .given([opened, anaJoined, documentRecorded])
      .when(
        command('VerifyEvidenceDocument', {
          caseId,
          documentId,
          verifiedBy: 'COURT',
          finding: 'FALSIFIED',
          on: '2020-05-01',
        }),
      )
      .then([
        {
          type: 'EvidenceVerified',
          data: {
            caseId,
            documentId,
            beneficiaryId: ana,
            country: 'TH',
            documentKind: 'PASSPORT',
            issuingCountry: 'LA',
            verifiedBy: 'COURT',
            finding: 'FALSIFIED',
            on: '2020-05-01',
          },
        },
      ]);
  });
  it('refuses a document of someone not on the case, twice the same, or verifying an unknown one', () => {
    spec
      .given([opened, anaJoined])
      .when(record(facts(bua)))
      .thenThrows(errors.BeneficiaryNotOnCase);
    spec
      .given([opened, anaJoined, documentRecorded])
      .when(record())
      .thenThrows(errors.DocumentAlreadyRecorded);
    spec
      .given([opened, anaJoined])
      .when(
        command('VerifyEvidenceDocument', {
          caseId,
          documentId,
          verifiedBy: 'EMBASSY',
          finding: 'CONFIRMED',
          on: '2020-05-01',
        }),
      )
      .thenThrows(errors.DocumentNotFound);
  });
});

describe('legal case: service occasions', () => {
  const occasion = (concerned: BeneficiaryFacts[], occasionId = 'o-1') =>
    command('RecordServiceOccasion', {
      caseId,
      occasionId,
      kind: 'ATTENDING_HEARING',
      on: '2020-03-01',
      concerned,
    });
  it('records an occasion for the parties concerned', () => {
    spec
      .given([opened, anaJoined])
      .when(occasion([facts(ana)]))
      .then([
        {
          type: 'LegalServiceOccasionRecorded',
          data: {
            caseId,
            occasionId: 'o-1',
            country: 'TH',
            kind: 'ATTENDING_HEARING',
            beneficiaryIds: [ana],
            on: '2020-03-01',
          },
        },
      ]);
  });
  it('refuses an occasion concerning nobody, a non-party, or recorded twice', () => {
    spec.given([opened, anaJoined]).when(occasion([])).thenThrows(errors.NoBeneficiariesConcerned);
    spec
      .given([opened, anaJoined])
      .when(occasion([facts(bua)]))
      .thenThrows(errors.BeneficiaryNotOnCase);
    const recorded = legalCaseDecider.decide(
      occasion([facts(ana)]),
      legalCaseDecider.evolve(
        legalCaseDecider.evolve(legalCaseDecider.initialState(), opened),
        anaJoined,
      ),
    );
    spec
      .given([opened, anaJoined, ...recorded])
      .when(occasion([facts(ana)]))
      .thenThrows(errors.OccasionAlreadyRecorded);
  });
});

describe('legal case: compensation', () => {
  const claim = (beneficiary = facts(ana)) =>
    command('ClaimCompensation', {
      caseId,
      claimId,
      beneficiary,
      source: 'STATE_FUND',
      claimed: thb(50_000),
      on: '2020-02-01',
    });
  const approve = (amount = thb(30_000)) =>
    command('ApproveCompensation', { caseId, claimId, approved: amount, on: '2020-03-01' });
  const pay = (amount: { amountMinor: number; currency: string }, paymentId = 'p-1') =>
    command('ReceiveCompensationPayment', { caseId, claimId, paymentId, amount, on: '2020-04-01' });
  const paid = (
    amount: { amountMinor: number; currency: string },
    paymentId = 'p-1',
  ): LegalCaseEvent => ({
    type: 'CompensationPaymentReceived',
    data: {
      caseId,
      claimId,
      paymentId,
      beneficiaryId: ana,
      country: 'TH',
      source: 'STATE_FUND',
      amount,
      on: '2020-04-01',
    },
  });
  it('claims for a consenting party, and approves in the claim’s currency', () => {
    spec.given([opened, anaJoined]).when(claim()).then([claimed]);
    spec.given([opened, anaJoined, claimed]).when(approve()).then([approved]);
    spec
      .given([opened, anaJoined])
      .when(claim(facts(ana, { legalActionConsent: false })))
      .thenThrows(errors.NoLegalActionConsent);
    spec.given([opened, anaJoined, claimed]).when(claim()).thenThrows(errors.ClaimAlreadyRecorded);
    spec
      .given([opened, anaJoined, claimed])
      .when(approve({ amountMinor: 1, currency: 'LAK' }))
      .thenThrows(errors.CurrencyMismatch);
    spec
      .given([opened, anaJoined, claimed, approved])
      .when(approve())
      .thenThrows(errors.ClaimAlreadyApproved);
    spec.given([opened, anaJoined]).when(approve()).thenThrows(errors.ClaimNotFound);
  });
  it('receives partial payments, never above the approved amount', () => {
    spec
      .given([opened, anaJoined, claimed, approved])
      .when(pay(thb(10_000)))
      .then([paid(thb(10_000))]);
    spec
      .given([opened, anaJoined, claimed, approved, paid(thb(25_000))])
      .when(pay(thb(5_000), 'p-2'))
      .then([paid(thb(5_000), 'p-2')]);
    spec
      .given([opened, anaJoined, claimed, approved, paid(thb(25_000))])
      .when(pay(thb(5_001), 'p-2'))
      .thenThrows(errors.PaymentExceedsApproved);
    spec
      .given([opened, anaJoined, claimed, approved, paid(thb(1))])
      .when(pay(thb(1)))
      .thenThrows(errors.PaymentAlreadyRecorded);
    spec
      .given([opened, anaJoined, claimed])
      .when(pay(thb(1)))
      .thenThrows(errors.ClaimNotApproved);
    spec
      .given([opened, anaJoined, claimed, approved])
      .when(pay({ amountMinor: 1, currency: 'USD' }))
      .thenThrows(errors.CurrencyMismatch);
  });
});
