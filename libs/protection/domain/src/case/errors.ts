import { ProtectionDomainError } from '../beneficiary/errors';

/**
 * A rule of protection casework was broken by a command that is well formed: the case is not in
 * a state that allows it. The API answers CONFLICT, with `code` as the reason.
 */
export abstract class ProtectionCaseRuleViolation extends ProtectionDomainError {}

/** A case command carries a value the domain refuses; `field` names it (never its value). */
export class InvalidProtectionCaseData extends ProtectionDomainError {
  readonly code = 'INVALID_CASE_DATA';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field} ${reason}`);
    this.name = 'InvalidProtectionCaseData';
  }
}

/** No protection case was opened with this id. */
export class ProtectionCaseNotFound extends ProtectionDomainError {
  readonly code = 'CASE_NOT_FOUND';
  constructor(readonly caseId: string) {
    super(`No protection case has the id ${caseId}.`);
    this.name = 'ProtectionCaseNotFound';
  }
}

/** The case id is taken, by a case opened with other facts. */
export class ProtectionCaseAlreadyOpened extends ProtectionCaseRuleViolation {
  readonly code = 'CASE_ALREADY_OPENED';
  constructor(readonly caseId: string) {
    super(`Protection case ${caseId} is already open, with other facts.`);
    this.name = 'ProtectionCaseAlreadyOpened';
  }
}

/** A closed case takes nothing new until it is reopened. */
export class ProtectionCaseIsClosed extends ProtectionCaseRuleViolation {
  readonly code = 'CASE_CLOSED';
  constructor(readonly caseId: string) {
    super(`Protection case ${caseId} is closed: reopen it before recording anything new.`);
    this.name = 'ProtectionCaseIsClosed';
  }
}

/** Only a closed case can be reopened. */
export class ProtectionCaseNotClosed extends ProtectionCaseRuleViolation {
  readonly code = 'CASE_NOT_CLOSED';
  constructor(readonly caseId: string) {
    super(`Protection case ${caseId} is open: there is nothing to reopen.`);
    this.name = 'ProtectionCaseNotClosed';
  }
}

/** A beneficiary is a victim of a case once. */
export class VictimAlreadyInCase extends ProtectionCaseRuleViolation {
  readonly code = 'VICTIM_ALREADY_IN_CASE';
  constructor(
    readonly caseId: string,
    readonly beneficiaryId: string,
  ) {
    super(`Beneficiary ${beneficiaryId} is already a victim of case ${caseId}.`);
    this.name = 'VictimAlreadyInCase';
  }
}

/** Rescues, identifications, placements and returns concern the case's own victims only. */
export class VictimNotInCase extends ProtectionCaseRuleViolation {
  readonly code = 'VICTIM_NOT_IN_CASE';
  constructor(
    readonly caseId: string,
    readonly beneficiaryId: string,
  ) {
    super(
      `Beneficiary ${beneficiaryId} is not a victim of case ${caseId}: add her to the case first.`,
    );
    this.name = 'VictimNotInCase';
  }
}

/**
 * No escorted journey home before the authorities officially identified the victim or she was
 * placed in a shelter: before either, nobody is answerable for her safety on the way.
 */
export class VictimNotIdentifiedOrPlaced extends ProtectionCaseRuleViolation {
  readonly code = 'VICTIM_NOT_IDENTIFIED_OR_PLACED';
  constructor(
    readonly caseId: string,
    readonly beneficiaryId: string,
  ) {
    super(
      `Beneficiary ${beneficiaryId} can be escorted home only once officially identified or placed in a shelter.`,
    );
    this.name = 'VictimNotIdentifiedOrPlaced';
  }
}

/**
 * A case with a minor victim needs a guardian or shelter contact before a minor is escorted
 * across a border, and before the case is closed.
 */
export class GuardianContactRequired extends ProtectionCaseRuleViolation {
  readonly code = 'GUARDIAN_CONTACT_REQUIRED';
  constructor(readonly caseId: string) {
    super(
      `Case ${caseId} has a minor victim: record a guardian or shelter contact on the case first.`,
    );
    this.name = 'GuardianContactRequired';
  }
}

/** A shelter placement ends on or after the day it starts. */
export class PlacementEndsBeforeStart extends ProtectionCaseRuleViolation {
  readonly code = 'PLACEMENT_ENDS_BEFORE_START';
  constructor(readonly caseId: string) {
    super('A shelter placement cannot end before it starts (to must be on or after from).');
    this.name = 'PlacementEndsBeforeStart';
  }
}

/** Reception follows the escorted journey, and follow-up follows reception. */
export class RepatriationStepOutOfOrder extends ProtectionCaseRuleViolation {
  readonly code = 'REPATRIATION_STEP_OUT_OF_ORDER';
  constructor(
    readonly step: string,
    readonly requires: string,
  ) {
    super(`The ${step} step needs the ${requires} step recorded first.`);
    this.name = 'RepatriationStepOutOfOrder';
  }
}

/** A note, operation or placement id given by the client is already used for other facts. */
export class CaseRecordIdTaken extends ProtectionCaseRuleViolation {
  readonly code = 'CASE_RECORD_ID_TAKEN';
  constructor(readonly field: string) {
    super(`${field} is already used in this case for another record.`);
    this.name = 'CaseRecordIdTaken';
  }
}
