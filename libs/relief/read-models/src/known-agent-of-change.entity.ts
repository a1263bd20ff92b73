import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `relief.known_agents_of_change`: networks' register of agents of change, learnt from the log. */
@Entity({ schema: 'relief', name: 'known_agents_of_change' })
export class KnownAgentOfChangeRow {
  @PrimaryColumn('uuid', { name: 'agent_of_change_id' })
  agentOfChangeId!: string;

  @Column('text')
  country!: string;
}
