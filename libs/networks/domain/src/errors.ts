import type { CaseNotificationStatus } from '@haven/networks/contracts';

/** A rule of the networks domain was broken; `code` is stable for callers to switch on. */
export abstract class NetworksDomainError extends Error {
  abstract readonly code: string;
}

/** A command carries a value the domain refuses; `field` names it (never its value). */
export abstract class InvalidNetworksData extends NetworksDomainError {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field} ${reason}`);
  }
}

// ---- Case notifications. -----------------------------------------------------------------

export class InvalidCaseNotificationData extends InvalidNetworksData {
  readonly code = 'INVALID_CASE_NOTIFICATION_DATA';
  override name = 'InvalidCaseNotificationData';
}

/** A notification counts more minors than possible victims. */
export class MinorsExceedVictims extends InvalidNetworksData {
  readonly code = 'MINORS_EXCEED_VICTIMS';
  override name = 'MinorsExceedVictims';
  constructor() {
    super('minors', 'must not be more than possibleVictims.');
  }
}

/** A notification was marked a duplicate of itself. */
export class DuplicateOfItself extends InvalidNetworksData {
  readonly code = 'DUPLICATE_OF_ITSELF';
  override name = 'DuplicateOfItself';
  constructor() {
    super('duplicateOf', 'must be another notification than this one.');
  }
}

/** The notification named as the original does not exist (or is not the caller's to see). */
export class OriginalNotificationNotFound extends InvalidNetworksData {
  readonly code = 'ORIGINAL_NOTIFICATION_NOT_FOUND';
  override name = 'OriginalNotificationNotFound';
  constructor() {
    super('duplicateOf', 'names no notification you may see.');
  }
}

/** The reporter reference names no record of the reporter's kind. */
export class UnknownReporter extends InvalidNetworksData {
  readonly code = 'UNKNOWN_REPORTER';
  override name = 'UnknownReporter';
  constructor(reason: string) {
    super('reporterReference', reason);
  }
}

export class CaseNotificationNotFound extends NetworksDomainError {
  readonly code = 'CASE_NOTIFICATION_NOT_FOUND';
  override name = 'CaseNotificationNotFound';
  constructor(readonly notificationId: string) {
    super(`No case notification has the id ${notificationId}.`);
  }
}

/** The notification id is taken, by a submission with other facts. */
export class CaseNotificationAlreadySubmitted extends NetworksDomainError {
  readonly code = 'CASE_NOTIFICATION_ALREADY_SUBMITTED';
  override name = 'CaseNotificationAlreadySubmitted';
  constructor(readonly notificationId: string) {
    super(`Case notification ${notificationId} is already submitted, with other facts.`);
  }
}

/** Only a submitted notification can be validated, rejected or marked a duplicate. */
export class CaseNotificationNotSubmitted extends NetworksDomainError {
  readonly code = 'CASE_NOTIFICATION_NOT_SUBMITTED';
  override name = 'CaseNotificationNotSubmitted';
  constructor(
    readonly notificationId: string,
    readonly status: CaseNotificationStatus,
  ) {
    super(
      `Case notification ${notificationId} is ${status}: only a SUBMITTED notification can be validated, rejected or marked a duplicate.`,
    );
  }
}

/** Only a validated notification can be referred to protection. */
export class CaseNotificationNotValidated extends NetworksDomainError {
  readonly code = 'CASE_NOTIFICATION_NOT_VALIDATED';
  override name = 'CaseNotificationNotValidated';
  constructor(readonly notificationId: string) {
    super(`Case notification ${notificationId} must be validated before it is referred.`);
  }
}

export class RejectedNotificationNotReferable extends NetworksDomainError {
  readonly code = 'CASE_NOTIFICATION_REJECTED';
  override name = 'RejectedNotificationNotReferable';
  constructor(readonly notificationId: string) {
    super(`Case notification ${notificationId} was rejected: it cannot be referred.`);
  }
}

export class DuplicateNotificationNotReferable extends NetworksDomainError {
  readonly code = 'CASE_NOTIFICATION_DUPLICATE';
  override name = 'DuplicateNotificationNotReferable';
  constructor(readonly notificationId: string) {
    super(
      `Case notification ${notificationId} is a duplicate: refer the original notification instead.`,
    );
  }
}

/** A notification is referred once: protection opens one case from it. */
export class CaseNotificationAlreadyReferred extends NetworksDomainError {
  readonly code = 'CASE_NOTIFICATION_ALREADY_REFERRED';
  override name = 'CaseNotificationAlreadyReferred';
  constructor(readonly notificationId: string) {
    super(`Case notification ${notificationId} is already referred to protection.`);
  }
}

/** A duplicate points at the original, never at another duplicate (no chains, no cycles). */
export class OriginalIsADuplicate extends NetworksDomainError {
  readonly code = 'ORIGINAL_IS_A_DUPLICATE';
  override name = 'OriginalIsADuplicate';
  constructor(readonly duplicateOf: string) {
    super(
      `Case notification ${duplicateOf} is itself a duplicate: mark this one a duplicate of its original.`,
    );
  }
}

// ---- The networks' members and prevention activities. --------------------------------------

export class InvalidRegistrationData extends InvalidNetworksData {
  readonly code = 'INVALID_REGISTRATION_DATA';
  override name = 'InvalidRegistrationData';
}

/** The id is taken, by a registration with other facts (or of another kind). */
export class AlreadyRegistered extends NetworksDomainError {
  readonly code = 'ALREADY_REGISTERED';
  override name = 'AlreadyRegistered';
  constructor(readonly id: string) {
    super(`${id} is already registered, with other facts.`);
  }
}

/** An agent of change must be a beneficiary protection registered. */
export class UnknownBeneficiary extends InvalidNetworksData {
  readonly code = 'UNKNOWN_BENEFICIARY';
  override name = 'UnknownBeneficiary';
  constructor() {
    super('beneficiaryId', 'names no registered beneficiary.');
  }
}

/** A beneficiary is registered as an agent of change once. */
export class AlreadyAgentOfChange extends NetworksDomainError {
  readonly code = 'ALREADY_AGENT_OF_CHANGE';
  override name = 'AlreadyAgentOfChange';
  constructor() {
    super('This beneficiary is already registered as an agent of change.');
  }
}

export class InvalidPreventionActivityData extends InvalidNetworksData {
  readonly code = 'INVALID_PREVENTION_ACTIVITY_DATA';
  override name = 'InvalidPreventionActivityData';
}

export class PreventionActivityAlreadyRecorded extends NetworksDomainError {
  readonly code = 'PREVENTION_ACTIVITY_ALREADY_RECORDED';
  override name = 'PreventionActivityAlreadyRecorded';
  constructor(readonly activityId: string) {
    super(`Prevention activity ${activityId} is already recorded, with other facts.`);
  }
}
