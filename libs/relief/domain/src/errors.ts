import { domainError } from '@haven/platform/domain';

// Relief's rules, each a named error (reason code for callers, a message quoting no value).

export const ReliefResponseNotFound = domainError(
  'not_found',
  'RELIEF_RESPONSE_NOT_FOUND',
  'No relief response has this id.',
);
export const ReliefResponseAlreadyOpened = domainError(
  'conflict',
  'RELIEF_RESPONSE_ALREADY_OPENED',
  'A relief response with this id was opened with other facts.',
);
export const ResponseEndsBeforeItStarts = domainError(
  'invalid',
  'RESPONSE_ENDS_BEFORE_IT_STARTS',
  'A relief response cannot end before it starts.',
);
export const OutsideResponseDates = domainError(
  'invalid',
  'OUTSIDE_RESPONSE_DATES',
  'The date falls outside the relief response’s dates.',
);
export const OutsideResponseCountry = domainError(
  'invalid',
  'OUTSIDE_RESPONSE_COUNTRY',
  'Relief is given only in the relief response’s country.',
);
export const GrantRequired = domainError(
  'invalid',
  'GRANT_REQUIRED',
  'A micro-project grant has an amount and a currency.',
);
export const GrantOnlyForMicroProjects = domainError(
  'invalid',
  'GRANT_ONLY_FOR_MICRO_PROJECTS',
  'Only a micro-project grant carries an amount.',
);
export const UnknownBeneficiary = domainError(
  'not_found',
  'UNKNOWN_BENEFICIARY',
  'No registered beneficiary has this id.',
);
export const BeneficiaryErased = domainError(
  'conflict',
  'BENEFICIARY_ERASED',
  'An erased beneficiary takes nothing new.',
);
export const UnknownRecipient = domainError(
  'not_found',
  'UNKNOWN_RECIPIENT',
  'No relief recipient of this response has this id.',
);
export const RecipientAlreadyLinked = domainError(
  'conflict',
  'RECIPIENT_ALREADY_LINKED',
  'This relief recipient is already linked to a beneficiary.',
);
export const EntryIdTaken = domainError(
  'conflict',
  'ENTRY_ID_TAKEN',
  'An entry with this id was recorded with other facts.',
);
export const DetectionNotFound = domainError(
  'not_found',
  'DETECTION_NOT_FOUND',
  'No potential victim of this response was detected under this id.',
);
export const DetectionAlreadyNotified = domainError(
  'conflict',
  'DETECTION_ALREADY_NOTIFIED',
  'This detection was already turned into a case notification.',
);
export const MicroProjectNotFound = domainError(
  'not_found',
  'MICRO_PROJECT_NOT_FOUND',
  'No micro-project of this response has this id.',
);
export const FollowUpBeforeStart = domainError(
  'invalid',
  'FOLLOW_UP_BEFORE_START',
  'A follow-up cannot come before the micro-project started.',
);
export const AgentOfChangeNeedsReference = domainError(
  'invalid',
  'AGENT_OF_CHANGE_NEEDS_REFERENCE',
  'An agent of change is named by their id in networks’ register.',
);
export const UnknownAgentOfChange = domainError(
  'not_found',
  'UNKNOWN_AGENT_OF_CHANGE',
  'No agent of change in networks’ register has this id.',
);
export const RecipientAliasRequired = domainError(
  'invalid',
  'RECIPIENT_ALIAS_REQUIRED',
  'A relief recipient is recorded with an alias.',
);
export const RecipientErased = domainError(
  'conflict',
  'RECIPIENT_ERASED',
  'A relief recipient whose alias was erased takes nothing new.',
);
