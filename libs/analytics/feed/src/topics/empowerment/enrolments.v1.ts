import {
  CLOSURE_REASONS,
  ENROLMENT_CATEGORY,
  FOLLOW_UP_CHANNELS,
  FOLLOW_UP_RHYTHMS,
  GRANT_PURPOSES,
  PLAN_GOALS,
  REHABILITATION_ACTIVITIES,
  SERVICE_KINDS,
  SERVICE_MODES,
  SERVICE_OUTCOMES,
  SETTING_KINDS,
} from '@haven/empowerment/contracts';
import { COUNTRIES, COUNTRY_CODES, CURRENCIES, SEXES } from '@haven/vocabulary';
import {
  countOf,
  dateOf,
  flag,
  integer,
  listOf,
  nullableDateOf,
  nullableFlag,
  nullableInteger,
  nullableOneOf,
  nullablePseudonymOf,
  oneOf,
  pseudonymOf,
} from '../../fields';
import { defineTopic } from '../../topic';

// Every event names its enrolment, its person and the country of operation.
const ofEnrolment = {
  enrolment: pseudonymOf('enrolment', 'enrolmentId'),
  person: pseudonymOf('person', 'beneficiaryId'),
  country: oneOf('country', COUNTRIES),
};
// ADR 21's statistical attributes on the day; null when protection did not know them, and on
// events of schema version 1 (stored before they were recorded).
const statistics = {
  nationality: nullableOneOf('nationality', COUNTRY_CODES),
  ageYears: nullableInteger('ageYears'),
};
const grant = pseudonymOf('grant', 'grantId');
const amount = {
  amountMinor: integer('amount.amountMinor'),
  currency: oneOf('amount.currency', CURRENCIES),
};

/**
 * Empowerment enrolments: where a person is supported, the services, follow-ups and grants she
 * receives, and how the enrolment ends. Never published: a shelter's name and a community's
 * province or district (the setting's kind only), a placement's occupation and a school's name
 * (free text), a safe accommodation's sealed place, the staff who gave a service, and the ids of
 * single services and follow-ups.
 */
export const ENROLMENTS_V1 = defineTopic({
  name: 'haven.empowerment.enrolments.v1',
  version: 1,
  description:
    'Empowerment enrolments from enrolment to closure: settings, plans, services, follow-ups, small grants and agent-of-change training, with the person by pseudonym. Keyed by the enrolment pseudonym.',
  category: ENROLMENT_CATEGORY,
  keyKind: 'enrolment',
  events: {
    BeneficiaryEnrolled: {
      ...ofEnrolment,
      ...statistics,
      sex: oneOf('sex', SEXES),
      minor: flag('minor'),
      setting: oneOf('setting.kind', SETTING_KINDS),
      enrolledOn: dateOf('enrolledOn', 'day'),
    },
    EnrolmentSettingChanged: {
      ...ofEnrolment,
      setting: oneOf('setting.kind', SETTING_KINDS),
      changedOn: dateOf('changedOn', 'day'),
    },
    ReintegrationPlanAgreed: {
      ...ofEnrolment,
      goals: listOf('goals', PLAN_GOALS),
      followUpRhythm: oneOf('followUpRhythm', FOLLOW_UP_RHYTHMS),
      reviews: countOf('reviewDates'),
      agreedOn: dateOf('agreedOn', 'day'),
    },
    EmpowermentServiceRecorded: {
      ...ofEnrolment,
      ...statistics,
      minor: flag('minor'),
      kind: oneOf('kind', SERVICE_KINDS),
      mode: nullableOneOf('mode', SERVICE_MODES),
      activity: nullableOneOf('activity', REHABILITATION_ACTIVITIES),
      outcome: nullableOneOf('outcome', SERVICE_OUTCOMES),
      employer: nullablePseudonymOf('organisation', 'partnerOrganisationId'),
      periodFrom: nullableDateOf('period.from', 'day'),
      periodTo: nullableDateOf('period.to', 'day'),
      amountMinor: nullableInteger('amount.amountMinor'),
      currency: nullableOneOf('amount.currency', CURRENCIES),
      providedOn: dateOf('providedOn', 'day'),
    },
    FollowUpRecorded: {
      ...ofEnrolment,
      ...statistics,
      minor: nullableFlag('minor'),
      channel: oneOf('channel', FOLLOW_UP_CHANNELS),
      reached: flag('reached'),
      followedUpOn: dateOf('followedUpOn', 'day'),
      nextFollowUpOn: nullableDateOf('nextFollowUpOn', 'day'),
    },
    SmallGrantApproved: {
      ...ofEnrolment,
      grant,
      purpose: oneOf('purpose', GRANT_PURPOSES),
      ...amount,
      approvedOn: dateOf('approvedOn', 'day'),
    },
    SmallGrantDisbursed: {
      ...ofEnrolment,
      grant,
      ...amount,
      disbursedOn: dateOf('disbursedOn', 'day'),
    },
    AgentOfChangeTrainingCompleted: {
      ...ofEnrolment,
      ...statistics,
      sex: oneOf('sex', SEXES),
      minor: flag('minor'),
      completedOn: dateOf('completedOn', 'day'),
    },
    EnrolmentClosed: {
      ...ofEnrolment,
      reason: oneOf('reason', CLOSURE_REASONS),
      closedOn: dateOf('closedOn', 'day'),
    },
  },
  partitions: 3,
  retentionDays: 3650,
});
