import type {
  AgentOfChangeRow,
  PartnerOrganisationRow,
  WatchdogRow,
  WomensGroupRow,
} from '@haven/networks/read-models';
import type { AgentOfChange, PartnerOrganisation, Watchdog, WomensGroup } from './member.types';

// Read-model rows → GraphQL types, field by field: a column added later stays out until named here.

export function toWatchdog(row: WatchdogRow): Watchdog {
  return {
    id: row.id,
    kind: row.kind,
    country: row.country,
    province: row.province,
    livesIn: row.livesIn,
    joinedOn: row.joinedOn,
    trained: row.trained,
    registeredAt: row.registeredAt,
  };
}

export function toAgentOfChange(row: AgentOfChangeRow): AgentOfChange {
  return {
    id: row.id,
    beneficiaryId: row.beneficiaryId,
    country: row.country,
    province: row.province,
    qualifiedOn: row.qualifiedOn,
    registeredAt: row.registeredAt,
  };
}

export function toWomensGroup(row: WomensGroupRow): WomensGroup {
  return {
    id: row.id,
    country: row.country,
    province: row.province,
    joinedOn: row.joinedOn,
    memberCount: row.memberCount,
    registeredAt: row.registeredAt,
  };
}

export function toPartnerOrganisation(row: PartnerOrganisationRow): PartnerOrganisation {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    country: row.country,
    registeredAt: row.registeredAt,
  };
}
