import { AGENT_OF_CHANGE_CATEGORY, type AgentOfChangeRegistered } from '@haven/networks/contracts';
import type { RecordedEvent } from '@haven/platform/event-store';
import { rowProjection } from '@haven/platform/projections';
import { KnownAgentOfChangeRow } from './known-agent-of-change.entity';

/** Networks' agents of change as relief needs them: that the register holds an id, and where. */
export const knownAgentsOfChangeProjection = rowProjection<
  KnownAgentOfChangeRow,
  RecordedEvent<'AgentOfChangeRegistered', AgentOfChangeRegistered['data']>
>({
  name: 'relief.known_agents_of_change',
  entity: KnownAgentOfChangeRow,
  handles: ['AgentOfChangeRegistered'],
  categories: [AGENT_OF_CHANGE_CATEGORY],
  keyOf: (event) => event.data.agentOfChangeId,
  evolve: (_row, event) => ({
    agentOfChangeId: event.data.agentOfChangeId.toLowerCase(),
    country: event.data.country,
  }),
});
