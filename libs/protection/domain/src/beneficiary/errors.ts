// The protection domain's broken rules, as kernel DomainErrors: each a kind (how the platform maps
// it to a GraphQL code) and a stable reason callers switch on. Messages name fields, never values
// or ids.
import { domainError, InvalidValue } from '@haven/platform/domain';

/** A command carries a value a protection decider refuses, under the decider's own reason. */
export function invalidData(reason: string, name: string) {
  return class extends InvalidValue {
    static readonly reason = reason;
    constructor(field: string, requirement: string) {
      super(field, requirement, reason);
      this.name = name;
    }
  };
}

/** A beneficiary command carries a value the domain refuses; `field` names it (never its value). */
export const InvalidBeneficiaryData = invalidData(
  'INVALID_BENEFICIARY_DATA',
  'InvalidBeneficiaryData',
);
export type InvalidBeneficiaryData = InstanceType<typeof InvalidBeneficiaryData>;

/** A break-glass request carries a value the domain refuses; `field` names it (not its value). */
export const InvalidBreakGlassRequest = invalidData(
  'INVALID_BREAK_GLASS_REQUEST',
  'InvalidBreakGlassRequest',
);
export type InvalidBreakGlassRequest = InstanceType<typeof InvalidBreakGlassRequest>;

/** The beneficiary id is taken, by a registration with other facts (or by another caller). */
export const BeneficiaryAlreadyRegistered = domainError(
  'conflict',
  'BENEFICIARY_ALREADY_REGISTERED',
  'A beneficiary with this id is already registered, with other facts.',
);
export type BeneficiaryAlreadyRegistered = InstanceType<typeof BeneficiaryAlreadyRegistered>;

/**
 * No beneficiary with this id is within the caller's reach: none was registered, or it is out of
 * the caller's scope (one answer for both, so that an id reveals nothing).
 */
export const BeneficiaryNotFound = domainError(
  'not_found',
  'BENEFICIARY_NOT_FOUND',
  'No beneficiary with this id is within your scope.',
);
export type BeneficiaryNotFound = InstanceType<typeof BeneficiaryNotFound>;

/** The beneficiary's personal data is already erased: nothing more can be done to it. */
export const BeneficiaryAlreadyErased = domainError(
  'conflict',
  'BENEFICIARY_ERASED',
  'The personal data of this beneficiary is already erased.',
);
export type BeneficiaryAlreadyErased = InstanceType<typeof BeneficiaryAlreadyErased>;

/** An erasure is already waiting for a second admin (requested by someone else, or otherwise). */
export const ErasureAlreadyRequested = domainError(
  'conflict',
  'ERASURE_ALREADY_REQUESTED',
  'An erasure of this beneficiary is already waiting for confirmation.',
);
export type ErasureAlreadyRequested = InstanceType<typeof ErasureAlreadyRequested>;

/** A confirmation arrived with no erasure waiting for one. */
export const ErasureNotRequested = domainError(
  'conflict',
  'ERASURE_NOT_REQUESTED',
  'No erasure of this beneficiary is waiting for confirmation.',
);
export type ErasureNotRequested = InstanceType<typeof ErasureNotRequested>;

/** A duplicate decision names a candidate this beneficiary was never flagged with. */
export const PossibleDuplicateNotFound = domainError(
  'not_found',
  'POSSIBLE_DUPLICATE_NOT_FOUND',
  'This beneficiary was not flagged as a possible duplicate of that candidate.',
);
export type PossibleDuplicateNotFound = InstanceType<typeof PossibleDuplicateNotFound>;

/** Two-person rule: the admin who asked for an erasure may not confirm it. */
export const SameAdminConfirmation = domainError(
  'forbidden',
  'SAME_ADMIN',
  'An erasure must be confirmed by another admin than the one who requested it.',
);
export type SameAdminConfirmation = InstanceType<typeof SameAdminConfirmation>;

/** Break-glass asked for a beneficiary the principal may already reach. */
export const BreakGlassNotNeeded = domainError(
  'conflict',
  'BREAK_GLASS_NOT_NEEDED',
  'This beneficiary is within your scope: break-glass access is not needed.',
);
export type BreakGlassNotNeeded = InstanceType<typeof BreakGlassNotNeeded>;
