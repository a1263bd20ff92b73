// The decisions on compensation: a beneficiary's claim, its approval, and the payments received,
// never more than approved and always in the claim's currency.
import type { MoneyAmount } from '@haven/legal/contracts';
import {
  ClaimAlreadyApproved,
  ClaimAlreadyRecorded,
  ClaimNotApproved,
  ClaimNotFound,
  CurrencyMismatch,
  PaymentAlreadyRecorded,
  PaymentExceedsApproved,
} from '../errors';
import { notBeforeOpening, open, party, type CommandOf } from './case-file-rules';
import { LEGAL_CASE_LIMITS as LIMITS, TooManyClaims, TooManyPayments } from './limits';
import type { LegalCaseEvent, LegalCaseState } from './legal-case.types';

function sameCurrency(expected: string, amount: MoneyAmount, field: string): void {
  if (amount.currency !== expected) throw new CurrencyMismatch(field);
}

/** A claim for a beneficiary of the case. */
export function claimCompensation(
  state: LegalCaseState,
  command: CommandOf<'ClaimCompensation'>,
): LegalCaseEvent[] {
  const current = open(state);
  const { beneficiary, ...data } = command.data;
  if (data.claimId in current.claims) throw new ClaimAlreadyRecorded();
  if (Object.keys(current.claims).length >= LIMITS.claims) throw new TooManyClaims();
  party(current, beneficiary);
  notBeforeOpening(current, data.on);
  return [
    {
      type: 'CompensationClaimed',
      data: { ...data, beneficiaryId: beneficiary.beneficiaryId, country: current.country },
    },
  ];
}

/** A claim's approved amount, once, in the claim's currency. */
export function approveCompensation(
  state: LegalCaseState,
  command: CommandOf<'ApproveCompensation'>,
): LegalCaseEvent[] {
  const current = open(state);
  const { claimId, approved, on } = command.data;
  const claim = current.claims[claimId];
  if (!claim) throw new ClaimNotFound();
  if (claim.approved !== null) throw new ClaimAlreadyApproved();
  sameCurrency(claim.currency, approved, 'approved.currency');
  notBeforeOpening(current, on);
  return [
    {
      type: 'CompensationApproved',
      data: {
        caseId: current.caseId,
        claimId,
        beneficiaryId: claim.beneficiaryId,
        country: current.country,
        source: claim.source,
        approved,
        on,
      },
    },
  ];
}

/** A payment of an approved claim, never beyond what was approved. */
export function receiveCompensationPayment(
  state: LegalCaseState,
  command: CommandOf<'ReceiveCompensationPayment'>,
): LegalCaseEvent[] {
  const current = open(state);
  const { claimId, paymentId, amount, on } = command.data;
  const claim = current.claims[claimId];
  if (!claim) throw new ClaimNotFound();
  if (claim.payments.includes(paymentId)) throw new PaymentAlreadyRecorded();
  if (claim.payments.length >= LIMITS.payments) throw new TooManyPayments();
  if (claim.approved === null) throw new ClaimNotApproved();
  sameCurrency(claim.currency, amount, 'amount.currency');
  if (claim.paid + amount.amountMinor > claim.approved) throw new PaymentExceedsApproved();
  notBeforeOpening(current, on);
  return [
    {
      type: 'CompensationPaymentReceived',
      data: {
        caseId: current.caseId,
        claimId,
        paymentId,
        beneficiaryId: claim.beneficiaryId,
        country: current.country,
        source: claim.source,
        amount,
        on,
      },
    },
  ];
}
