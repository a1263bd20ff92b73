// The legal case decider's compensation decisions (compensation-decisions.ts): claiming and
// approving compensation, and receiving its payments.
import { deciderSpecification } from '@haven/platform/decider-testing';
import * as errors from '../errors';
import { legalCaseDecider } from './legal-case';
import {
  ana,
  anaJoined,
  caseId,
  claimId,
  command,
  facts,
  opened,
  thb,
} from './legal-case-test-fixtures';
import type { LegalCaseEvent } from './legal-case.types';

const spec = deciderSpecification(legalCaseDecider);
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
