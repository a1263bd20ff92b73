// A relief response's state: only what decisions need, and how each event changes it.
import { unreachable } from '@haven/platform/domain';
import type { RiskReason } from '@haven/relief/contracts';
import type { ReliefResponseEvent, ReliefResponseOpened } from './events';

// ---- State: only what decisions need. -----------------------------------------------------

export type Open = {
  status: 'OPEN';
  opened: ReliefResponseOpened['data'];
  /**
   * Relief recipients by id: the beneficiary a coordinator linked them to, if any; erased or not;
   * why they are at risk (what their distributions carry, for reports).
   */
  recipients: Record<
    string,
    { beneficiaryId: string | null; erased: boolean; riskReason: RiskReason }
  >;
  /** Every entry recorded, by id, with its facts (a retry with the same facts is no change). */
  entries: Record<string, unknown>;
  detections: Record<string, { notified: boolean }>;
  microProjects: Record<string, { startedOn: string }>;
};

export type ReliefResponseState = { status: 'NONE' } | Open;

export const initialReliefResponseState = (): ReliefResponseState => ({ status: 'NONE' });

// ---- Evolve. ------------------------------------------------------------------------------

function remember(state: Open, id: string, facts: unknown): Open {
  return { ...state, entries: { ...state.entries, [id]: facts } };
}

export function evolveReliefResponse(
  state: ReliefResponseState,
  event: ReliefResponseEvent,
): ReliefResponseState {
  if (event.type === 'ReliefResponseOpened') {
    return {
      status: 'OPEN',
      opened: event.data,
      recipients: {},
      entries: {},
      detections: {},
      microProjects: {},
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'ReliefRecipientRegistered': {
      const next = remember(state, event.data.recipientId, event.data);
      return {
        ...next,
        recipients: {
          ...state.recipients,
          [event.data.recipientId]: {
            beneficiaryId: null,
            erased: false,
            riskReason: event.data.riskReason,
          },
        },
      };
    }
    case 'ReliefRecipientLinked':
      return {
        ...state,
        recipients: {
          ...state.recipients,
          [event.data.recipientId]: {
            ...state.recipients[event.data.recipientId],
            beneficiaryId: event.data.beneficiaryId,
          },
        },
      };
    case 'ReliefRecipientAliasErased':
      return {
        ...state,
        recipients: {
          ...state.recipients,
          [event.data.recipientId]: { ...state.recipients[event.data.recipientId], erased: true },
        },
      };
    case 'ReliefDistributed':
      return remember(state, event.data.distributionId, event.data);
    case 'PersonAtRiskRecorded':
    case 'MigratedFamiliesRecorded':
      return remember(state, event.data.entryId, event.data);
    case 'PotentialVictimDetected': {
      const next = remember(state, event.data.detectionId, event.data);
      return {
        ...next,
        detections: { ...state.detections, [event.data.detectionId]: { notified: false } },
      };
    }
    case 'ReliefDetectionNotified':
      return {
        ...state,
        detections: { ...state.detections, [event.data.detectionId]: { notified: true } },
      };
    case 'MicroProjectStarted': {
      const next = remember(state, event.data.projectId, event.data);
      return {
        ...next,
        microProjects: {
          ...state.microProjects,
          [event.data.projectId]: { startedOn: event.data.startedOn },
        },
      };
    }
    case 'MicroProjectFollowedUp':
      return remember(state, event.data.followUpId, event.data);
    default:
      return unreachable(event, 'event');
  }
}
