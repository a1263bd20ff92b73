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
