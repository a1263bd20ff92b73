import { domainError } from '@haven/platform/domain';

// Every rule of an enrolment, named once; the messages quote no value.
export const BeneficiaryUnknown = domainError(
  'not_found',
  'BENEFICIARY_UNKNOWN',
  'No beneficiary with this id is registered with protection.',
);
export const ServicesConsentMissing = domainError(
  'conflict',
  'SERVICES_CONSENT_MISSING',
  'The beneficiary has not given (or has withdrawn) consent to services.',
);
export const BeneficiaryErased = domainError(
  'conflict',
  'BENEFICIARY_ERASED',
  'The beneficiary was erased: nothing new is recorded for them.',
);
export const AlreadyEnrolled = domainError(
  'conflict',
  'ALREADY_ENROLLED',
  'This enrolment already exists with other facts.',
);
export const NotEnrolled = domainError('not_found', 'NOT_ENROLLED', 'No such enrolment.');
export const EnrolmentClosed = domainError(
  'conflict',
  'ENROLMENT_CLOSED',
  'The enrolment is closed: nothing more is recorded on it.',
);
export const BeforeEnrolment = domainError(
  'invalid',
  'BEFORE_ENROLMENT',
  'The date comes before the enrolment began.',
);
export const SettingIncomplete = domainError(
  'invalid',
  'SETTING_INCOMPLETE',
  'A shelter needs its name and whether the government runs it; a community needs its province.',
);
export const SameSetting = domainError(
  'conflict',
  'SAME_SETTING',
  'The enrolment is already in this setting.',
);
export const ModeNotAllowed = domainError(
  'invalid',
  'MODE_NOT_ALLOWED',
  'This mode or activity does not apply to this kind of service.',
);
export const EmployerMissing = domainError(
  'invalid',
  'EMPLOYER_MISSING',
  'A job placement names the employer, a partner organisation (and only a placement does).',
);
export const IdAlreadyUsed = domainError(
  'conflict',
  'ID_ALREADY_USED',
  'This id was already used on this enrolment for another record.',
);
export const NextFollowUpNotAfter = domainError(
  'invalid',
  'NEXT_FOLLOW_UP_NOT_AFTER',
  'The next follow-up date must come after the follow-up’s own date.',
);
export const GrantNotApproved = domainError(
  'conflict',
  'GRANT_NOT_APPROVED',
  'A grant is disbursed only after it is approved.',
);
export const GrantAlreadyDisbursed = domainError(
  'conflict',
  'GRANT_ALREADY_DISBURSED',
  'This grant was already disbursed.',
);
export const DisbursementAboveApproved = domainError(
  'conflict',
  'DISBURSEMENT_ABOVE_APPROVED',
  'A disbursement may not exceed the approved amount, nor be in another currency.',
);
export const TrainingAlreadyCompleted = domainError(
  'conflict',
  'TRAINING_ALREADY_COMPLETED',
  'Agent-of-change training was already completed on this enrolment.',
);
export const PlanInvalid = domainError(
  'invalid',
  'PLAN_INVALID',
  'A plan needs at least one goal, each once, and review dates in order after it is agreed.',
);
export const NoteEmpty = domainError('invalid', 'NOTE_EMPTY', 'A note needs its sealed text.');
export const EmployerUnknown = domainError(
  'not_found',
  'EMPLOYER_UNKNOWN',
  'The employer is not one of the partner organisations networks registered.',
);
export const OccupationMissing = domainError(
  'invalid',
  'OCCUPATION_MISSING',
  'A job placement names the occupation (and only a placement does).',
);
export const SupportIncomplete = domainError(
  'invalid',
  'SUPPORT_INCOMPLETE',
  'Tuition fees and living allowances name the institution, the period and the amount.',
);
export const CourseIncomplete = domainError(
  'invalid',
  'COURSE_INCOMPLETE',
  'A vocational training names the institution.',
);
export const AccommodationIncomplete = domainError(
  'invalid',
  'ACCOMMODATION_INCOMPLETE',
  'A safe accommodation names the place and the period.',
);
export const DetailNotApplicable = domainError(
  'invalid',
  'DETAIL_NOT_APPLICABLE',
  'This detail does not apply to this kind of service.',
);
export const PeriodOutOfOrder = domainError(
  'invalid',
  'PERIOD_OUT_OF_ORDER',
  'A period ends on or after the day it begins.',
);
