import { unreachable } from '@haven/platform/domain';
import { rowProjection } from '@haven/platform/projections';
import { RELIEF_RESPONSE_CATEGORY } from '@haven/relief/contracts';
import { RELIEF_RESPONSE_EVENT_TYPES } from '@haven/relief/domain';
import type { RecordedReliefEvent } from './recorded';
import { ReliefEntryRow } from './relief-entry.entity';

/** The event types that make or change an entry: all but the opening of the response. */
export const RELIEF_ENTRY_EVENT_TYPES = RELIEF_RESPONSE_EVENT_TYPES.filter(
  (type) => type !== 'ReliefResponseOpened',
);

function keyOf(event: RecordedReliefEvent): string | undefined {
  switch (event.type) {
    case 'ReliefResponseOpened':
      return undefined;
    case 'ReliefRecipientRegistered':
    case 'ReliefRecipientLinked':
    case 'ReliefRecipientAliasErased':
      return event.data.recipientId;
    case 'ReliefDistributed':
      return event.data.distributionId;
    case 'PersonAtRiskRecorded':
    case 'MigratedFamiliesRecorded':
      return event.data.entryId;
    case 'PotentialVictimDetected':
    case 'ReliefDetectionNotified':
      return event.data.detectionId;
    case 'MicroProjectStarted':
      return event.data.projectId;
    case 'MicroProjectFollowedUp':
      return event.data.followUpId;
    default:
      return unreachable(event, 'event');
  }
}

/** The columns every new entry starts from. */
function blank(event: RecordedReliefEvent, id: string, responseId: string): ReliefEntryRow {
  return {
    id,
    responseId,
    entryType: 'DISTRIBUTION',
    kind: '',
    recipientKind: null,
    recipientId: null,
    beneficiaryId: null,
    fieldWorkerKind: null,
    fieldWorkerId: null,
    sex: null,
    ageBand: null,
    place: null,
    count: null,
    destination: null,
    flag: null,
    amountMinor: null,
    currency: null,
    projectId: null,
    notificationId: null,
    notifiedAt: null,
    occurredOn: '',
    recordedBy: event.metadata.actorId,
    recordedAt: new Date(event.metadata.occurredAt),
    position: event.globalPosition,
  };
}

/** `relief.entries`: what field workers and coordinators recorded, one row per entry. */
export const reliefEntriesProjection = rowProjection<ReliefEntryRow, RecordedReliefEvent>({
  name: 'relief.entries',
  entity: ReliefEntryRow,
  handles: RELIEF_ENTRY_EVENT_TYPES,
  categories: [RELIEF_RESPONSE_CATEGORY],
  keyOf,
  evolve(row, event) {
    switch (event.type) {
      case 'ReliefResponseOpened':
        return row;
      case 'ReliefRecipientRegistered': {
        const { data } = event;
        return {
          ...blank(event, data.recipientId, data.responseId),
          entryType: 'RECIPIENT',
          kind: data.riskReason,
          recipientKind: 'RELIEF_RECIPIENT',
          recipientId: data.recipientId,
          fieldWorkerKind: data.fieldWorkerKind,
          fieldWorkerId: data.fieldWorkerId,
          sex: data.sex,
          ageBand: data.ageBand,
          place: data.district,
          count: data.householdSize,
          flag: data.singleMotherHead,
          occurredOn: data.registeredOn,
        };
      }
      case 'ReliefRecipientLinked':
        return row && { ...row, beneficiaryId: event.data.beneficiaryId };
      case 'ReliefRecipientAliasErased':
        // The entry holds no alias: its coarse facts stay counted.
        return row;
      case 'ReliefDistributed': {
        const { data } = event;
        return {
          ...blank(event, data.distributionId, data.responseId),
          entryType: 'DISTRIBUTION',
          kind: data.kind,
          recipientKind: data.recipientKind,
          recipientId: data.recipientId,
          beneficiaryId: data.beneficiaryId,
          fieldWorkerKind: data.fieldWorkerKind,
          fieldWorkerId: data.fieldWorkerId,
          amountMinor: data.amountMinor,
          currency: data.currency,
          occurredOn: data.distributedOn,
        };
      }
      case 'PersonAtRiskRecorded': {
        const { data } = event;
        return {
          ...blank(event, data.entryId, data.responseId),
          entryType: 'PERSON_AT_RISK',
          kind: data.reason,
          fieldWorkerKind: data.fieldWorkerKind,
          fieldWorkerId: data.fieldWorkerId,
          sex: data.sex,
          ageBand: data.ageBand,
          place: data.district,
          occurredOn: data.foundOn,
        };
      }
      case 'MigratedFamiliesRecorded': {
        const { data } = event;
        return {
          ...blank(event, data.entryId, data.responseId),
          entryType: 'MIGRATED_FAMILIES',
          kind: 'MIGRATED_FOR_WORK',
          fieldWorkerKind: data.fieldWorkerKind,
          fieldWorkerId: data.fieldWorkerId,
          place: data.district,
          count: data.families,
          destination: data.destination,
          occurredOn: data.recordedOn,
        };
      }
      case 'PotentialVictimDetected': {
        const { data } = event;
        return {
          ...blank(event, data.detectionId, data.responseId),
          entryType: 'DETECTION',
          kind: data.formOfExploitation,
          fieldWorkerKind: data.fieldWorkerKind,
          fieldWorkerId: data.fieldWorkerId,
          sex: data.sex,
          ageBand: data.ageBand,
          place: data.place,
          // Absent from detections recorded before it was asked: unknown.
          destination: data.destination ?? null,
          occurredOn: data.detectedOn,
        };
      }
      case 'ReliefDetectionNotified':
        return (
          row && {
            ...row,
            notificationId: event.data.notificationId,
            notifiedAt: new Date(event.data.notifiedAt),
          }
        );
      case 'MicroProjectStarted': {
        const { data } = event;
        return {
          ...blank(event, data.projectId, data.responseId),
          entryType: 'MICRO_PROJECT',
          kind: data.kind,
          recipientKind: data.recipientId ? 'RELIEF_RECIPIENT' : 'BENEFICIARY',
          recipientId: data.recipientId,
          beneficiaryId: data.beneficiaryId,
          amountMinor: data.amountMinor,
          currency: data.currency,
          flag: data.marketCheckDone,
          occurredOn: data.startedOn,
        };
      }
      case 'MicroProjectFollowedUp': {
        const { data } = event;
        return {
          ...blank(event, data.followUpId, data.responseId),
          entryType: 'FOLLOW_UP',
          kind: data.status,
          projectId: data.projectId,
          occurredOn: data.followedUpOn,
        };
      }
      default:
        return unreachable(event, 'event');
    }
  },
});
