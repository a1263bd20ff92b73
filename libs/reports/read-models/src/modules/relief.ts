import type { RecordedEvent } from '@haven/platform/event-store';
import {
  MINOR_AGE_BANDS,
  RELIEF_RESPONSE_CATEGORY,
  type ReliefIntegrationEvent,
} from '@haven/relief/contracts';
import { known, type NewFact, type ReportModule, type SubjectBook } from '../programme-module';

const responseKey = (responseId: string) => `reliefresponse:${responseId}`;

/**
 * Where an entry was recorded: its own country, or (for entries recorded before they carried
 * one) the country its response's distributions named; OTHER when neither is known.
 */
function countryOf(data: { responseId: string; country?: string }, subjects: SubjectBook): string {
  return data.country ?? (subjects.get(responseKey(data.responseId))?.country as string) ?? 'OTHER';
}

/** A field worker who collected data ("6 agents of change hired to collect data"). */
function collector(
  country: string,
  on: string,
  data: { fieldWorkerId: string; fieldWorkerKind: string },
): NewFact {
  return {
    kind: 'fieldWorker',
    country,
    occurredOn: on,
    subjectId: data.fieldWorkerId,
    attributes: { kind: data.fieldWorkerKind, task: 'DATA_COLLECTION' },
  };
}

/**
 * Recipients by kind of distribution (a registered beneficiary counts across programmes),
 * micro-project grant amounts by currency, potential victims detected during relief (by form of
 * exploitation and where they were to be taken) and those notified to networks, the field workers by kind and by task (distributing, or collecting data on people
 * at risk and migrated families), the people at risk found in the field (by reason), and the
 * families who migrated for work (a sum, by destination).
 */
export const reliefModule: ReportModule = {
  programme: 'relief',
  // 3: field workers who collected data count too, by task.
  // 4: potential victims detected count, notified or not; recipients break down by reason.
  revision: 4,
  categories: [RELIEF_RESPONSE_CATEGORY],
  handles: [
    'ReliefDistributed',
    'PotentialVictimDetected',
    'ReliefDetectionNotified',
    'PersonAtRiskRecorded',
    'MigratedFamiliesRecorded',
  ],
  reads: (recorded) => {
    const { responseId } = recorded.data as { responseId?: string };
    return responseId ? [responseKey(responseId)] : [];
  },
  factsOf(recorded: RecordedEvent, subjects: SubjectBook): NewFact[] {
    const event = recorded as unknown as ReliefIntegrationEvent;
    switch (event.type) {
      case 'ReliefDistributed': {
        const { country, kind, recipientKind, beneficiaryId, recipientId, distributedOn } =
          event.data;
        const on = distributedOn;
        subjects.set(responseKey(event.data.responseId), { country });
        const facts: NewFact[] = [
          {
            kind: 'recipient',
            country,
            occurredOn: on,
            subjectId: beneficiaryId ?? recipientId,
            person: recipientKind === 'BENEFICIARY' && beneficiaryId !== null,
            attributes: {
              distribution: kind,
              recipientKind,
              // "77 single mothers": a relief recipient's reason; none for a beneficiary.
              reason:
                recipientKind === 'BENEFICIARY' ? 'BENEFICIARY' : known(event.data.riskReason),
            },
          },
          {
            kind: 'fieldWorker',
            country,
            occurredOn: on,
            subjectId: event.data.fieldWorkerId,
            attributes: { kind: event.data.fieldWorkerKind, task: 'DISTRIBUTION' },
          },
        ];
        if (event.data.amountMinor !== null) {
          facts.push({
            kind: 'reliefAmount',
            country,
            occurredOn: on,
            subjectId: event.data.distributionId,
            quantity: event.data.amountMinor,
            attributes: { distribution: kind, currency: known(event.data.currency) },
          });
        }
        return facts;
      }
      case 'PotentialVictimDetected':
        return [
          {
            kind: 'potentialVictimDetected',
            country: countryOf(event.data, subjects),
            occurredOn: event.data.detectedOn,
            subjectId: event.data.detectionId,
            attributes: {
              form: event.data.formOfExploitation,
              ageGroup: MINOR_AGE_BANDS.includes(event.data.ageBand) ? 'MINOR' : 'ADULT',
              sex: event.data.sex,
              destination: known(event.data.destination),
            },
          },
        ];
      case 'ReliefDetectionNotified':
        return [
          {
            kind: 'detectionNotified',
            country: event.data.country,
            occurredOn: event.data.notifiedAt.slice(0, 10),
            subjectId: event.data.detectionId,
            attributes: {
              form: event.data.formOfExploitation,
              ageGroup: event.data.minor ? 'MINOR' : 'ADULT',
            },
          },
        ];
      case 'PersonAtRiskRecorded':
        return [
          collector(countryOf(event.data, subjects), event.data.foundOn, event.data),
          {
            kind: 'personAtRisk',
            country: countryOf(event.data, subjects),
            occurredOn: event.data.foundOn,
            subjectId: event.data.entryId,
            attributes: { reason: event.data.reason, sex: event.data.sex },
          },
        ];
      case 'MigratedFamiliesRecorded':
        return [
          collector(countryOf(event.data, subjects), event.data.recordedOn, event.data),
          {
            kind: 'migratedFamilies',
            country: countryOf(event.data, subjects),
            occurredOn: event.data.recordedOn,
            subjectId: event.data.entryId,
            quantity: event.data.families,
            attributes: { destination: event.data.destination },
          },
        ];
      default:
        return [];
    }
  },
  figures: [
    {
      name: 'recipients',
      kind: 'recipient',
      measure: 'subjects',
      breakdowns: ['distribution', 'recipientKind', 'reason'],
      crossings: [['distribution', 'reason']],
    },
    {
      name: 'reliefAmounts',
      kind: 'reliefAmount',
      measure: 'sum',
      sumOfFew: 'hidden',
      breakdowns: ['distribution', 'currency'],
    },
    {
      // "175 potential victims of forced marriage"; "13 … who married Chinese men".
      name: 'potentialVictimsDetected',
      kind: 'potentialVictimDetected',
      measure: 'subjects',
      breakdowns: ['form', 'ageGroup', 'sex', 'destination'],
      crossings: [['form', 'destination']],
    },
    {
      name: 'potentialVictimsNotified',
      kind: 'detectionNotified',
      measure: 'subjects',
      breakdowns: ['form', 'ageGroup'],
    },
    {
      name: 'fieldWorkers',
      kind: 'fieldWorker',
      measure: 'subjects',
      breakdowns: ['kind', 'task'],
    },
    {
      name: 'peopleAtRisk',
      kind: 'personAtRisk',
      measure: 'subjects',
      breakdowns: ['reason', 'sex'],
    },
    {
      name: 'migratedFamilies',
      kind: 'migratedFamilies',
      measure: 'sum',
      breakdowns: ['destination'],
    },
  ],
};
