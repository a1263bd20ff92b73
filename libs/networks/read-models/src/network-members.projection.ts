import {
  AGENT_OF_CHANGE_CATEGORY,
  PARTNER_ORGANISATION_CATEGORY,
  WATCHDOG_CATEGORY,
  WOMENS_GROUP_CATEGORY,
  type AgentOfChangeRegistered,
  type PartnerOrganisationRegistered,
  type WatchdogRegistered,
  type WomensGroupRegistered,
} from '@haven/networks/domain';
import type { JsonObject, RecordedEvent } from '@haven/platform/event-store';
import { rowProjection } from '@haven/platform/projections';
import {
  AgentOfChangeRow,
  PartnerOrganisationRow,
  WatchdogRow,
  WomensGroupRow,
} from './network-members.entity';

type Recorded<Event extends { type: string; data: JsonObject }> = RecordedEvent<
  Event['type'],
  Event['data']
>;

/** `networks.watchdogs`: one row per registered watchdog. */
export const watchdogsProjection = rowProjection<WatchdogRow, Recorded<WatchdogRegistered>>({
  name: 'networks.watchdogs',
  entity: WatchdogRow,
  handles: ['WatchdogRegistered'],
  categories: [WATCHDOG_CATEGORY],
  keyOf: (event) => event.data.watchdogId,
  evolve: (_row, { data, globalPosition }) => ({
    id: data.watchdogId,
    kind: data.kind,
    country: data.country,
    province: data.province,
    livesIn: data.livesIn,
    joinedOn: data.joinedOn,
    trained: data.trained,
    registeredAt: new Date(data.registeredAt),
    registeredPosition: globalPosition,
  }),
});

/** `networks.agents_of_change`: one row per agent of change. */
export const agentsOfChangeProjection = rowProjection<
  AgentOfChangeRow,
  Recorded<AgentOfChangeRegistered>
>({
  name: 'networks.agents_of_change',
  entity: AgentOfChangeRow,
  handles: ['AgentOfChangeRegistered'],
  categories: [AGENT_OF_CHANGE_CATEGORY],
  keyOf: (event) => event.data.agentOfChangeId,
  evolve: (_row, { data, globalPosition }) => ({
    id: data.agentOfChangeId,
    beneficiaryId: data.beneficiaryId,
    country: data.country,
    province: data.province,
    qualifiedOn: data.qualifiedOn,
    registeredAt: new Date(data.registeredAt),
    registeredPosition: globalPosition,
  }),
});

/** `networks.womens_groups`: one row per women's group. */
export const womensGroupsProjection = rowProjection<
  WomensGroupRow,
  Recorded<WomensGroupRegistered>
>({
  name: 'networks.womens_groups',
  entity: WomensGroupRow,
  handles: ['WomensGroupRegistered'],
  categories: [WOMENS_GROUP_CATEGORY],
  keyOf: (event) => event.data.womensGroupId,
  evolve: (_row, { data, globalPosition }) => ({
    id: data.womensGroupId,
    country: data.country,
    province: data.province,
    joinedOn: data.joinedOn,
    memberCount: data.memberCount,
    registeredAt: new Date(data.registeredAt),
    registeredPosition: globalPosition,
  }),
});

/** `networks.partner_organisations`: one row per partner organisation. */
export const partnerOrganisationsProjection = rowProjection<
  PartnerOrganisationRow,
  Recorded<PartnerOrganisationRegistered>
>({
  name: 'networks.partner_organisations',
  entity: PartnerOrganisationRow,
  handles: ['PartnerOrganisationRegistered'],
  categories: [PARTNER_ORGANISATION_CATEGORY],
  keyOf: (event) => event.data.partnerOrganisationId,
  evolve: (_row, { data, globalPosition }) => ({
    id: data.partnerOrganisationId,
    name: data.name,
    kind: data.kind,
    country: data.country,
    registeredAt: new Date(data.registeredAt),
    registeredPosition: globalPosition,
  }),
});
