/**
 * What other services may rely on about networks' register of agents of change: the stream naming
 * and the registration event on the log (relief follows it to check the agents of change who do
 * its field work). Changing the shape means a new schema version and an upcaster, never an edit
 * in place. No personal data: an agent of change is protection's id of the person, a country and
 * dates.
 */
import type { Country } from '@haven/vocabulary';

/** Stream category of an agent of change: `agentofchange-<uuid>`. */
export const AGENT_OF_CHANGE_CATEGORY = 'agentofchange';

export function agentOfChangeStreamId(agentOfChangeId: string): string {
  return `${AGENT_OF_CHANGE_CATEGORY}-${agentOfChangeId}`;
}

/** A beneficiary who completed the programme joined the register (schema version 1). */
export type AgentOfChangeRegistered = {
  type: 'AgentOfChangeRegistered';
  data: {
    agentOfChangeId: string;
    /** Protection's id of the person: only the id is kept. */
    beneficiaryId: string;
    country: Country;
    province: string | null;
    /** The day the programme was completed, YYYY-MM-DD. */
    qualifiedOn: string;
    /** ISO 8601 instant. */
    registeredAt: string;
  };
};

export const AGENT_OF_CHANGE_EVENT_TYPES: readonly AgentOfChangeRegistered['type'][] = [
  'AgentOfChangeRegistered',
];
