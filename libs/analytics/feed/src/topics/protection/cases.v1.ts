import {
  CASE_CLOSURE_REASONS,
  CASE_REOPENING_REASONS,
  COUNTRIES,
  FORMS_OF_EXPLOITATION,
  IDENTIFICATION_OUTCOMES,
  PROTECTION_CASE_CATEGORY,
  REPATRIATION_STEPS,
} from '@haven/protection/contracts';
import {
  countOf,
  dateOf,
  flag,
  nullableDateOf,
  nullableFlag,
  nullablePseudonymOf,
  oneOf,
  pseudonymOf,
} from '../../fields';
import { defineTopic } from '../../topic';

const caseId = pseudonymOf('case', 'caseId');
const person = pseudonymOf('person', 'beneficiaryId');

/**
 * Protection cases: openings, victims, identification, shelter, return home, closure. Never
 * published: investigation notes and guardian contacts (sealed free text), places, shelter and
 * authority names.
 */
export const PROTECTION_CASES_V1 = defineTopic({
  name: 'haven.protection.cases.v1',
  version: 1,
  description:
    'Protection cases from opening to closure, with their victims by pseudonym. Keyed by the case pseudonym.',
  category: PROTECTION_CASE_CATEGORY,
  keyKind: 'case',
  events: {
    ProtectionCaseOpened: {
      case: caseId,
      country: oneOf('country', COUNTRIES),
      abroad: flag('abroad'),
      // Null on cases opened before interceptions were recorded (none of them was one).
      intercepted: nullableFlag('intercepted'),
      formOfExploitation: oneOf('formOfExploitation', FORMS_OF_EXPLOITATION),
      sourceNotification: nullablePseudonymOf('notification', 'sourceNotificationId'),
      openedOn: dateOf('openedAt', 'day'),
    },
    VictimAddedToCase: {
      case: caseId,
      person,
      formOfExploitation: oneOf('formOfExploitation', FORMS_OF_EXPLOITATION),
      minor: flag('minor'),
      addedOn: dateOf('addedAt', 'day'),
    },
    RescueOperationRecorded: {
      case: caseId,
      rescuedVictims: countOf('rescuedBeneficiaryIds'),
      rescuedOn: dateOf('date', 'day'),
    },
    VictimIdentificationRecorded: {
      case: caseId,
      person,
      outcome: oneOf('outcome', IDENTIFICATION_OUTCOMES),
      decidedOn: dateOf('date', 'day'),
    },
    ShelterPlacementRecorded: {
      case: caseId,
      person,
      from: dateOf('from', 'day'),
      to: nullableDateOf('to', 'day'),
    },
    RepatriationStepRecorded: {
      case: caseId,
      person,
      step: oneOf('step', REPATRIATION_STEPS),
      doneOn: dateOf('date', 'day'),
    },
    ProtectionCaseClosed: {
      case: caseId,
      reason: oneOf('reason', CASE_CLOSURE_REASONS),
      closedOn: dateOf('closedAt', 'day'),
    },
    ProtectionCaseReopened: {
      case: caseId,
      reason: oneOf('reason', CASE_REOPENING_REASONS),
      reopenedOn: dateOf('reopenedAt', 'day'),
    },
  },
  partitions: 3,
  retentionDays: 3650,
});
