import {
  AGE_BANDS,
  DISTRIBUTION_KINDS,
  FIELD_WORKER_KINDS,
  RECIPIENT_KINDS,
  RELIEF_RESPONSE_CATEGORY,
  RISK_REASONS,
} from '@haven/relief/contracts';
import {
  COUNTRIES,
  COUNTRY_CODES,
  CURRENCIES,
  FORMS_OF_EXPLOITATION,
  SEXES,
} from '@haven/vocabulary';
import {
  dateOf,
  flag,
  integer,
  nullableInteger,
  nullableOneOf,
  nullablePseudonymOf,
  oneOf,
  pseudonymOf,
} from '../../fields';
import { defineTopic } from '../../topic';

const response = pseudonymOf('response', 'responseId');

/**
 * Crisis relief responses: distributions, potential victims detected (counted: a detection's id
 * stays in Haven), detections turned into case notifications, people at risk and migrated
 * families. Never published: districts and the place of a detection (free text
 * naming a village), a recipient's alias (sealed), the field worker's id, and the ids of single
 * distributions and entries. A person at risk has no id, so none is sent.
 */
export const RELIEF_RESPONSES_V1 = defineTopic({
  name: 'haven.relief.responses.v1',
  version: 1,
  description:
    'Crisis relief responses: distributions with their recipients by pseudonym, potential victims detected, detections notified to networks, people at risk and migrated families, counted. Keyed by the response pseudonym.',
  category: RELIEF_RESPONSE_CATEGORY,
  keyKind: 'response',
  events: {
    ReliefDistributed: {
      response,
      country: oneOf('country', COUNTRIES),
      kind: oneOf('kind', DISTRIBUTION_KINDS),
      recipientKind: oneOf('recipientKind', RECIPIENT_KINDS),
      // Protection's beneficiary (directly, or a relief recipient linked to her) and the relief
      // recipient: both people, so both of kind person.
      person: nullablePseudonymOf('person', 'beneficiaryId'),
      recipient: nullablePseudonymOf('person', 'recipientId'),
      // A relief recipient's reason; null for a beneficiary, and on distributions recorded before.
      riskReason: nullableOneOf('riskReason', RISK_REASONS),
      amountMinor: nullableInteger('amountMinor'),
      currency: nullableOneOf('currency', CURRENCIES),
      fieldWorkerKind: oneOf('fieldWorkerKind', FIELD_WORKER_KINDS),
      distributedOn: dateOf('distributedOn', 'day'),
    },
    PotentialVictimDetected: {
      response,
      // Null on detections recorded before the event carried the response's country.
      country: nullableOneOf('country', COUNTRIES),
      formOfExploitation: oneOf('formOfExploitation', FORMS_OF_EXPLOITATION),
      destination: nullableOneOf('destination', COUNTRY_CODES),
      sex: oneOf('sex', SEXES),
      ageBand: oneOf('ageBand', AGE_BANDS),
      fieldWorkerKind: oneOf('fieldWorkerKind', FIELD_WORKER_KINDS),
      detectedOn: dateOf('detectedOn', 'day'),
    },
    ReliefDetectionNotified: {
      response,
      // The same pseudonym as on haven.networks.case-notifications.v1: the two link.
      notification: pseudonymOf('notification', 'notificationId'),
      country: oneOf('country', COUNTRIES),
      formOfExploitation: oneOf('formOfExploitation', FORMS_OF_EXPLOITATION),
      sex: oneOf('sex', SEXES),
      minor: flag('minor'),
      notifiedOn: dateOf('notifiedAt', 'day'),
    },
    PersonAtRiskRecorded: {
      response,
      // Null on entries recorded before the event carried the response's country.
      country: nullableOneOf('country', COUNTRIES),
      reason: oneOf('reason', RISK_REASONS),
      sex: oneOf('sex', SEXES),
      ageBand: oneOf('ageBand', AGE_BANDS),
      fieldWorkerKind: oneOf('fieldWorkerKind', FIELD_WORKER_KINDS),
      foundOn: dateOf('foundOn', 'day'),
    },
    MigratedFamiliesRecorded: {
      response,
      country: nullableOneOf('country', COUNTRIES),
      families: integer('families'),
      destination: oneOf('destination', COUNTRY_CODES),
      fieldWorkerKind: oneOf('fieldWorkerKind', FIELD_WORKER_KINDS),
      recordedOn: dateOf('recordedOn', 'day'),
    },
  },
  partitions: 3,
  retentionDays: 3650,
});
