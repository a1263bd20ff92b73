import type { RecordedEvent } from '@haven/platform/event-store';
import { RELIEF_RESPONSE_CATEGORY, type ReliefIntegrationEvent } from '@haven/relief/contracts';
import { known, type NewFact, type ReportModule } from '../programme-module';

/**
 * Recipients by kind of distribution (a registered beneficiary counts across programmes),
 * micro-project grant amounts by currency, potential victims detected during relief and notified
 * to networks, and the field workers who distributed, by kind. People at risk recorded without a
 * distribution are not in relief's contracts yet: they are not counted here.
 */
export const reliefModule: ReportModule = {
  programme: 'relief',
  categories: [RELIEF_RESPONSE_CATEGORY],
  handles: ['ReliefDistributed', 'ReliefDetectionNotified'],
  reads: () => [],
  factsOf(recorded: RecordedEvent): NewFact[] {
    const event = recorded as unknown as ReliefIntegrationEvent;
    switch (event.type) {
      case 'ReliefDistributed': {
        const { country, kind, recipientKind, beneficiaryId, recipientId, distributedOn } =
          event.data;
        const on = distributedOn;
        const facts: NewFact[] = [
          {
            kind: 'recipient',
            country,
            occurredOn: on,
            subjectId: beneficiaryId ?? recipientId,
            person: recipientKind === 'BENEFICIARY' && beneficiaryId !== null,
            attributes: { distribution: kind, recipientKind },
          },
          {
            kind: 'fieldWorker',
            country,
            occurredOn: on,
            subjectId: event.data.fieldWorkerId,
            attributes: { kind: event.data.fieldWorkerKind },
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
      default:
        return [];
    }
  },
  figures: [
    {
      name: 'recipients',
      kind: 'recipient',
      measure: 'subjects',
      breakdowns: ['distribution', 'recipientKind'],
    },
    {
      name: 'reliefAmounts',
      kind: 'reliefAmount',
      measure: 'sum',
      breakdowns: ['distribution', 'currency'],
    },
    {
      name: 'potentialVictimsNotified',
      kind: 'detectionNotified',
      measure: 'subjects',
      breakdowns: ['form', 'ageGroup'],
    },
    { name: 'fieldWorkers', kind: 'fieldWorker', measure: 'subjects', breakdowns: ['kind'] },
  ],
};
