// The networks domain's broken rules, as kernel DomainErrors: each a kind (how the platform maps
// it to a GraphQL code) and a stable reason callers switch on. Messages name fields, never values.
import type { CaseNotificationStatus } from '@haven/networks/contracts';
import { DomainError, domainError, InvalidValue } from '@haven/platform/domain';

/** A command carries a value a networks decider refuses; `field` names it (never its value). */
function invalidData(reason: string, name: string) {
  return class extends InvalidValue {
    static readonly reason = reason;
    constructor(field: string, requirement: string) {
      super(field, requirement, reason);
      this.name = name;
    }
  };
}

// ---- Case notifications. -----------------------------------------------------------------

export const InvalidCaseNotificationData = invalidData(
  'INVALID_CASE_NOTIFICATION_DATA',
  'InvalidCaseNotificationData',
);
export type InvalidCaseNotificationData = InstanceType<typeof InvalidCaseNotificationData>;

/** A notification counts more minors than possible victims. */
export class MinorsExceedVictims extends InvalidValue {
  static readonly reason = 'MINORS_EXCEED_VICTIMS';
  constructor() {
    super('minors', 'must not be more than possibleVictims.', MinorsExceedVictims.reason);
    this.name = 'MinorsExceedVictims';
  }
}

/** A notification was marked a duplicate of itself. */
export class DuplicateOfItself extends InvalidValue {
  static readonly reason = 'DUPLICATE_OF_ITSELF';
  constructor() {
    super('duplicateOf', 'must be another notification than this one.', DuplicateOfItself.reason);
    this.name = 'DuplicateOfItself';
  }
}

/** The notification named as the original does not exist (or is not the caller's to see). */
export class OriginalNotificationNotFound extends InvalidValue {
  static readonly reason = 'ORIGINAL_NOTIFICATION_NOT_FOUND';
  constructor() {
    super('duplicateOf', 'names no notification you may see.', OriginalNotificationNotFound.reason);
    this.name = 'OriginalNotificationNotFound';
  }
}

/** The reporter reference names no record of the reporter's kind. */
export class UnknownReporter extends InvalidValue {
  static readonly reason = 'UNKNOWN_REPORTER';
  constructor(requirement: string) {
    super('reporterReference', requirement, UnknownReporter.reason);
    this.name = 'UnknownReporter';
  }
}

export const CaseNotificationNotFound = domainError(
  'not_found',
  'CASE_NOTIFICATION_NOT_FOUND',
  'No case notification has this id.',
);
export type CaseNotificationNotFound = InstanceType<typeof CaseNotificationNotFound>;

/**
 * The notification id is taken: by a submission with other facts, or by another caller (who is
 * told the same, whatever the facts, so that an id reveals nothing of the notification).
 */
export const CaseNotificationAlreadySubmitted = domainError(
  'conflict',
  'CASE_NOTIFICATION_ALREADY_SUBMITTED',
  'This case notification id is already used: submit a new notification with a new id.',
);
export type CaseNotificationAlreadySubmitted = InstanceType<
  typeof CaseNotificationAlreadySubmitted
>;

/** Only a submitted notification can be validated, rejected or marked a duplicate. */
export class CaseNotificationNotSubmitted extends DomainError {
  static readonly reason = 'CASE_NOTIFICATION_NOT_SUBMITTED';
  constructor(readonly status: CaseNotificationStatus) {
    super(
      'conflict',
      CaseNotificationNotSubmitted.reason,
      `This case notification is ${status}: only a SUBMITTED notification can be validated, rejected or marked a duplicate.`,
    );
    this.name = 'CaseNotificationNotSubmitted';
  }
}

/** Only a validated notification can be referred to protection. */
export const CaseNotificationNotValidated = domainError(
  'conflict',
  'CASE_NOTIFICATION_NOT_VALIDATED',
  'A case notification must be validated before it is referred.',
);
export type CaseNotificationNotValidated = InstanceType<typeof CaseNotificationNotValidated>;

export const RejectedNotificationNotReferable = domainError(
  'conflict',
  'CASE_NOTIFICATION_REJECTED',
  'This case notification was rejected: it cannot be referred.',
);
export type RejectedNotificationNotReferable = InstanceType<
  typeof RejectedNotificationNotReferable
>;

export const DuplicateNotificationNotReferable = domainError(
  'conflict',
  'CASE_NOTIFICATION_DUPLICATE',
  'This case notification is a duplicate: refer the original notification instead.',
);
export type DuplicateNotificationNotReferable = InstanceType<
  typeof DuplicateNotificationNotReferable
>;

/** A notification is referred once: protection opens one case from it. */
export const CaseNotificationAlreadyReferred = domainError(
  'conflict',
  'CASE_NOTIFICATION_ALREADY_REFERRED',
  'This case notification is already referred to protection.',
);
export type CaseNotificationAlreadyReferred = InstanceType<typeof CaseNotificationAlreadyReferred>;

/** A duplicate points at the original, never at another duplicate (no chains, no cycles). */
export const OriginalIsADuplicate = domainError(
  'conflict',
  'ORIGINAL_IS_A_DUPLICATE',
  'The notification named as the original is itself a duplicate: mark this one a duplicate of its original.',
);
export type OriginalIsADuplicate = InstanceType<typeof OriginalIsADuplicate>;

// ---- The networks' members and prevention activities. --------------------------------------

export const InvalidRegistrationData = invalidData(
  'INVALID_REGISTRATION_DATA',
  'InvalidRegistrationData',
);
export type InvalidRegistrationData = InstanceType<typeof InvalidRegistrationData>;

/**
 * The id is taken: by a registration with other facts (or of another kind), or by another
 * registrar (who is told the same, whatever the facts, so that an id reveals nothing).
 */
export const AlreadyRegistered = domainError(
  'conflict',
  'ALREADY_REGISTERED',
  'This id is already used: register the member with a new id.',
);
export type AlreadyRegistered = InstanceType<typeof AlreadyRegistered>;

/**
 * An agent of change must be a beneficiary protection registered, in the registrar's scope: an
 * unknown id and one out of scope get this same answer.
 */
export class UnknownBeneficiary extends InvalidValue {
  static readonly reason = 'UNKNOWN_BENEFICIARY';
  constructor() {
    super('beneficiaryId', 'names no registered beneficiary.', UnknownBeneficiary.reason);
    this.name = 'UnknownBeneficiary';
  }
}

/** A beneficiary is registered as an agent of change once. */
export const AlreadyAgentOfChange = domainError(
  'conflict',
  'ALREADY_AGENT_OF_CHANGE',
  'This beneficiary is already registered as an agent of change.',
);
export type AlreadyAgentOfChange = InstanceType<typeof AlreadyAgentOfChange>;

export const InvalidPreventionActivityData = invalidData(
  'INVALID_PREVENTION_ACTIVITY_DATA',
  'InvalidPreventionActivityData',
);
export type InvalidPreventionActivityData = InstanceType<typeof InvalidPreventionActivityData>;

/** The activity id is taken: by other facts, or by another recorder (told the same). */
export const PreventionActivityAlreadyRecorded = domainError(
  'conflict',
  'PREVENTION_ACTIVITY_ALREADY_RECORDED',
  'This prevention activity id is already used: record the activity with a new id.',
);
export type PreventionActivityAlreadyRecorded = InstanceType<
  typeof PreventionActivityAlreadyRecorded
>;
