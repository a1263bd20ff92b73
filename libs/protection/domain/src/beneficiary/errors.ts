/** A rule of the protection domain was broken; `code` is stable for callers to switch on. */
export abstract class ProtectionDomainError extends Error {
  abstract readonly code: string;
}

/** The beneficiary id is taken, by a registration with other facts. */
export class BeneficiaryAlreadyRegistered extends ProtectionDomainError {
  readonly code = 'BENEFICIARY_ALREADY_REGISTERED';
  constructor(readonly beneficiaryId: string) {
    super(`Beneficiary ${beneficiaryId} is already registered, with other facts.`);
    this.name = 'BeneficiaryAlreadyRegistered';
  }
}

/** A command carries a value the domain refuses; `field` names it (never its value). */
export class InvalidBeneficiaryData extends ProtectionDomainError {
  readonly code = 'INVALID_BENEFICIARY_DATA';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field} ${reason}`);
    this.name = 'InvalidBeneficiaryData';
  }
}

/** No beneficiary was registered with this id. */
export class BeneficiaryNotFound extends ProtectionDomainError {
  readonly code = 'BENEFICIARY_NOT_FOUND';
  constructor(readonly beneficiaryId: string) {
    super(`No beneficiary has the id ${beneficiaryId}.`);
    this.name = 'BeneficiaryNotFound';
  }
}

/** The beneficiary's personal data is already erased: nothing more can be done to it. */
export class BeneficiaryAlreadyErased extends ProtectionDomainError {
  readonly code = 'BENEFICIARY_ERASED';
  constructor(readonly beneficiaryId: string) {
    super(`The personal data of beneficiary ${beneficiaryId} is already erased.`);
    this.name = 'BeneficiaryAlreadyErased';
  }
}

/** An erasure is already waiting for a second admin (requested by someone else, or otherwise). */
export class ErasureAlreadyRequested extends ProtectionDomainError {
  readonly code = 'ERASURE_ALREADY_REQUESTED';
  constructor(readonly beneficiaryId: string) {
    super(`An erasure of beneficiary ${beneficiaryId} is already waiting for confirmation.`);
    this.name = 'ErasureAlreadyRequested';
  }
}

/** A confirmation arrived with no erasure waiting for one. */
export class ErasureNotRequested extends ProtectionDomainError {
  readonly code = 'ERASURE_NOT_REQUESTED';
  constructor(readonly beneficiaryId: string) {
    super(`No erasure of beneficiary ${beneficiaryId} is waiting for confirmation.`);
    this.name = 'ErasureNotRequested';
  }
}

/** A duplicate decision names a candidate this beneficiary was never flagged with. */
export class PossibleDuplicateNotFound extends ProtectionDomainError {
  readonly code = 'POSSIBLE_DUPLICATE_NOT_FOUND';
  constructor(
    readonly beneficiaryId: string,
    readonly candidateId: string,
  ) {
    super(
      `Beneficiary ${beneficiaryId} was not flagged as a possible duplicate of ${candidateId}.`,
    );
    this.name = 'PossibleDuplicateNotFound';
  }
}

/** Two-person rule: the admin who asked for an erasure may not confirm it. */
export class SameAdminConfirmation extends ProtectionDomainError {
  readonly code = 'SAME_ADMIN';
  constructor(readonly beneficiaryId: string) {
    super('An erasure must be confirmed by another admin than the one who requested it.');
    this.name = 'SameAdminConfirmation';
  }
}

/** Break-glass asked for a beneficiary the principal may already reach. */
export class BreakGlassNotNeeded extends ProtectionDomainError {
  readonly code = 'BREAK_GLASS_NOT_NEEDED';
  constructor(readonly beneficiaryId: string) {
    super('This beneficiary is within your scope: break-glass access is not needed.');
    this.name = 'BreakGlassNotNeeded';
  }
}

/** A break-glass request carries a value the domain refuses; `field` names it (not its value). */
export class InvalidBreakGlassRequest extends ProtectionDomainError {
  readonly code = 'INVALID_BREAK_GLASS_REQUEST';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field} ${reason}`);
    this.name = 'InvalidBreakGlassRequest';
  }
}
