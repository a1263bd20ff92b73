import {
  ENROLMENT_CATEGORY,
  type AgentOfChangeTrainingCompleted,
} from '@haven/empowerment/contracts';
import {
  agentOfChangeStreamId,
  networkMemberDecider,
  type NetworkMemberCommand,
} from '@haven/networks/domain';
import { reactor } from '@haven/platform/nest';
import { v5 as uuidv5 } from 'uuid';

// Fixed for ever: an agent of change registered from training has an id derived from the
// beneficiary's, so every replay and redelivery lands on the same stream and changes nothing.
const AGENT_OF_CHANGE_NAMESPACE = '3b8f5e2a-9c41-4d6e-b7a0-5f1c2d8e9a64';

export function agentOfChangeIdOf(beneficiaryId: string): string {
  return uuidv5(beneficiaryId.toLowerCase(), AGENT_OF_CHANGE_NAMESPACE);
}

/**
 * Empowerment's `AgentOfChangeTrainingCompleted` on the log registers the person as an agent of
 * change, once: the same registration again (a replay, a second enrolment's training) is a retry
 * the decider recognises. The person is registered with protection: empowerment enrols only
 * beneficiaries protection registered.
 */
export const agentOfChangeTrainingReactor = reactor({
  name: 'networks.agent-of-change-training',
  handles: ['AgentOfChangeTrainingCompleted'],
  categories: [ENROLMENT_CATEGORY],
  decider: networkMemberDecider,
  streamId: (event) =>
    agentOfChangeStreamId(
      agentOfChangeIdOf((event.data as { beneficiaryId: string }).beneficiaryId),
    ),
  command(event, state, metadata): NetworkMemberCommand | null {
    // Registered already (from this event or an earlier training): nothing to do.
    if (state.status === 'REGISTERED') return null;
    const data = event.data as AgentOfChangeTrainingCompleted['data'];
    return {
      type: 'RegisterAgentOfChange',
      data: {
        agentOfChangeId: agentOfChangeIdOf(data.beneficiaryId),
        beneficiaryId: data.beneficiaryId,
        country: data.country,
        province: null,
        qualifiedOn: data.completedOn,
        beneficiary: { registered: true, agentOfChangeId: null },
      },
      metadata,
    };
  },
});
