// Protection casework's broken rules, as kernel DomainErrors. Messages never quote an id.
import { DomainError, domainError } from '@haven/platform/domain';
import { invalidData } from '../beneficiary/errors';

/**
 * A rule of protection casework was broken by a command that is well formed: the case is not in
 * a state that allows it. The API answers CONFLICT, with the rule's code as the reason.
 */
export abstract class ProtectionCaseRuleViolation extends DomainError {
  constructor(reason: string, message: string) {
    super('conflict', reason, message);
    this.name = reason;
  }
}

function ruleViolation(reason: string, message: string) {
  return class extends ProtectionCaseRuleViolation {
    static readonly reason = reason;
    constructor() {
      super(reason, message);
    }
  };
}

/** A case command carries a value the domain refuses; `field` names it (never its value). */
export const InvalidProtectionCaseData = invalidData(
  'INVALID_CASE_DATA',
  'InvalidProtectionCaseData',
);
export type InvalidProtectionCaseData = InstanceType<typeof InvalidProtectionCaseData>;

/**
 * No protection case with this id is within the caller's reach: none was opened, or it is in a
 * country outside the caller's (one answer for both, so that an id reveals nothing).
 */
export const ProtectionCaseNotFound = domainError(
  'not_found',
  'CASE_NOT_FOUND',
  'No protection case with this id is within your countries.',
);
export type ProtectionCaseNotFound = InstanceType<typeof ProtectionCaseNotFound>;

/** The case id is taken, by a case opened with other facts (or by another caller). */
export const ProtectionCaseAlreadyOpened = ruleViolation(
  'CASE_ALREADY_OPENED',
  'A protection case with this id is already open, with other facts.',
);
export type ProtectionCaseAlreadyOpened = InstanceType<typeof ProtectionCaseAlreadyOpened>;

/** A closed case takes nothing new until it is reopened. */
export const ProtectionCaseIsClosed = ruleViolation(
  'CASE_CLOSED',
  'This protection case is closed: reopen it before recording anything new.',
);
export type ProtectionCaseIsClosed = InstanceType<typeof ProtectionCaseIsClosed>;

/** Only a closed case can be reopened. */
export const ProtectionCaseNotClosed = ruleViolation(
  'CASE_NOT_CLOSED',
  'This protection case is open: there is nothing to reopen.',
);
export type ProtectionCaseNotClosed = InstanceType<typeof ProtectionCaseNotClosed>;

/** A beneficiary is a victim of a case once. */
export const VictimAlreadyInCase = ruleViolation(
  'VICTIM_ALREADY_IN_CASE',
  'This beneficiary is already a victim of the case.',
);
export type VictimAlreadyInCase = InstanceType<typeof VictimAlreadyInCase>;

/** Rescues, identifications, placements and returns concern the case's own victims only. */
export class VictimNotInCase extends ProtectionCaseRuleViolation {
  static readonly reason = 'VICTIM_NOT_IN_CASE';
  /** Which of the named beneficiaries is not a victim (for the caller's code, not the message). */
  constructor(readonly beneficiaryId: string) {
    super(
      VictimNotInCase.reason,
      'A beneficiary named is not a victim of the case: add her to the case first.',
    );
  }
}

/**
 * No escorted journey home before the authorities officially identified the victim or she was
 * placed in a shelter: before either, nobody is answerable for her safety on the way.
 */
export const VictimNotIdentifiedOrPlaced = ruleViolation(
  'VICTIM_NOT_IDENTIFIED_OR_PLACED',
  'A victim can be escorted home only once officially identified or placed in a shelter.',
);
export type VictimNotIdentifiedOrPlaced = InstanceType<typeof VictimNotIdentifiedOrPlaced>;

/**
 * A minor victim needs a guardian or shelter contact before she is escorted across a border, and
 * before the case is closed.
 */
export const GuardianContactRequired = ruleViolation(
  'GUARDIAN_CONTACT_REQUIRED',
  'The case has a minor victim: record a guardian or shelter contact first.',
);
export type GuardianContactRequired = InstanceType<typeof GuardianContactRequired>;

/** A shelter placement ends on or after the day it starts. */
export const PlacementEndsBeforeStart = ruleViolation(
  'PLACEMENT_ENDS_BEFORE_START',
  'A shelter placement cannot end before it starts (to must be on or after from).',
);
export type PlacementEndsBeforeStart = InstanceType<typeof PlacementEndsBeforeStart>;

/** Reception follows the escorted journey, and follow-up follows reception. */
export class RepatriationStepOutOfOrder extends ProtectionCaseRuleViolation {
  static readonly reason = 'REPATRIATION_STEP_OUT_OF_ORDER';
  constructor(step: string, requires: string) {
    super(
      RepatriationStepOutOfOrder.reason,
      `The ${step} step needs the ${requires} step recorded first.`,
    );
  }
}

/** A note, operation or placement id given by the client is already used for other facts. */
export class CaseRecordIdTaken extends ProtectionCaseRuleViolation {
  static readonly reason = 'CASE_RECORD_ID_TAKEN';
  constructor(field: string) {
    super(CaseRecordIdTaken.reason, `${field} is already used in this case for another record.`);
  }
}

/** An attachment names an operation id that is no rescue of this case. */
export const RescueOperationNotFound = domainError(
  'not_found',
  'RESCUE_OPERATION_NOT_FOUND',
  'No rescue operation of this case has this id.',
);
export type RescueOperationNotFound = InstanceType<typeof RescueOperationNotFound>;

/** A rescue names at most as many victims as the persons it rescued. */
export const RescuedCountReached = ruleViolation(
  'RESCUED_COUNT_REACHED',
  'Every person this rescue operation rescued is already named.',
);
export type RescuedCountReached = InstanceType<typeof RescuedCountReached>;
