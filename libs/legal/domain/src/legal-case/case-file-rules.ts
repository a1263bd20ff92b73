// What every decision on a legal case checks: that the case is open, that a fact is not dated
// before the case opened, and that a beneficiary may be acted for.
import {
  BeneficiaryErased,
  BeneficiaryNotOnCase,
  FactBeforeCaseOpened,
  LegalCaseIsClosed,
  LegalCaseNotFound,
  NoLegalActionConsent,
  UnknownBeneficiary,
} from '../errors';
import type {
  BeneficiaryFacts,
  CaseFile,
  LegalCaseCommand,
  LegalCaseState,
} from './legal-case.types';

/** The command of one type, as the decider's switch narrows it. */
export type CommandOf<T extends LegalCaseCommand['type']> = Extract<LegalCaseCommand, { type: T }>;

type Open = Extract<LegalCaseState, { status: 'OPEN' }>;

/** A case that exists and is open: anything new needs one. */
export function open(state: LegalCaseState): Open {
  if (state.status === 'NONE') throw new LegalCaseNotFound();
  if (state.status === 'CLOSED') throw new LegalCaseIsClosed();
  return state;
}

export const partyIds = (state: CaseFile) => Object.keys(state.parties);

export function notBeforeOpening(state: CaseFile, on: string): void {
  if (on < state.openedOn) throw new FactBeforeCaseOpened('on');
}

/** A new action for a beneficiary: she is known, not erased, and consents to legal action. */
export function mayActFor(facts: BeneficiaryFacts): void {
  if (!facts.known) throw new UnknownBeneficiary();
  if (facts.erased) throw new BeneficiaryErased();
  if (!facts.legalActionConsent) throw new NoLegalActionConsent();
}

/** A beneficiary of this case, who may still be acted for. */
export function party(state: CaseFile, facts: BeneficiaryFacts): void {
  if (!(facts.beneficiaryId in state.parties)) throw new BeneficiaryNotOnCase();
  mayActFor(facts);
}
