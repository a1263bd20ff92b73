// The lists under a legal case that the decider caps (LEGAL_CASE_LIMITS), each with a `first`
// argument whose default is its cap: by default the whole list, and the cost rule prices the
// list at its cap rather than at the size it assumes for a list it knows nothing of. Service
// occasions, which grow for as long as a case runs, are a connection instead.
import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LEGAL_CASE_LIMITS } from '@haven/legal/domain';
import { clientError } from '@haven/platform/nest';
import {
  CompensationClaim,
  CompensationPayment,
  EvidenceDocument,
  EvidenceVerification,
  LegalCase,
  LegalCaseParty,
  Offender,
  OffenderStatusChange,
} from './legal-case.types';

/** The `first` argument of a capped list: at most its cap, all of it by default. */
export const CappedFirst = (cap: number, what: string, holder = 'a case'): ParameterDecorator =>
  Args('first', {
    type: () => Int,
    defaultValue: cap,
    description: `The first ${what} in the order recorded, 1 to ${cap}: ${holder} holds at most ${cap}, so by default all of them.`,
  });

/** `first` checked against its cap (it is validated here: inline arguments skip class-validator). */
export function capped(first: number, cap: number): number {
  if (!Number.isInteger(first) || first < 1 || first > cap) {
    throw clientError('BAD_USER_INPUT', `first must be a whole number from 1 to ${cap}.`, {
      fields: [{ field: 'first', messages: [`must be from 1 to ${cap}`] }],
    });
  }
  return first;
}

const L = LEGAL_CASE_LIMITS;

@Resolver(() => LegalCase)
export class LegalCasePartiesField {
  @ResolveField(() => [LegalCaseParty], {
    description: `Its beneficiaries, in the order they joined (at most ${L.parties}).`,
  })
  parties(
    @Parent() legalCase: LegalCase,
    @CappedFirst(L.parties, 'beneficiaries') first: number,
  ): LegalCaseParty[] {
    return legalCase.parties.slice(0, capped(first, L.parties));
  }
}

@Resolver(() => Offender)
export class OffenderHistoryField {
  @ResolveField(() => [OffenderStatusChange], {
    description: `Every dated change of status, oldest first (at most ${L.statusChanges}).`,
  })
  statusHistory(
    @Parent() offender: Offender,
    @CappedFirst(L.statusChanges, 'changes', 'an offender’s history') first: number,
  ): OffenderStatusChange[] {
    return offender.statusHistory.slice(0, capped(first, L.statusChanges));
  }
}

@Resolver(() => EvidenceDocument)
export class EvidenceChainField {
  @ResolveField(() => [EvidenceVerification], {
    description: `The chain of verification, in order (at most ${L.verifications}).`,
  })
  verifications(
    @Parent() document: EvidenceDocument,
    @CappedFirst(L.verifications, 'verifications', 'a document’s chain') first: number,
  ): EvidenceVerification[] {
    return document.verifications.slice(0, capped(first, L.verifications));
  }
}

@Resolver(() => CompensationClaim)
export class CompensationPaymentsField {
  @ResolveField(() => [CompensationPayment], {
    description: `The payments received, oldest first (at most ${L.payments}).`,
  })
  payments(
    @Parent() claim: CompensationClaim,
    @CappedFirst(L.payments, 'payments', 'a claim') first: number,
  ): CompensationPayment[] {
    return claim.payments.slice(0, capped(first, L.payments));
  }
}

export const CAPPED_LIST_RESOLVERS = [
  LegalCasePartiesField,
  OffenderHistoryField,
  EvidenceChainField,
  CompensationPaymentsField,
];
