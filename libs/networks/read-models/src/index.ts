// Networks's read models, registered in one place: the app's DataSource takes the entities,
// its runners the projections, and tools/migrate.ts the migrations.
import type { MigrationSet } from '@haven/platform/database';
import type { Projection } from '@haven/platform/projections';
import { BeneficiaryCaseNotifications } from './beneficiary-case-notifications.entity';
import { beneficiaryCaseNotificationsProjection } from './beneficiary-case-notifications.projection';
import { CaseNotificationRow } from './case-notification.entity';
import { caseNotificationsProjection } from './case-notifications.projection';
import { CreateBeneficiaryCaseNotifications1764100000001 } from './migrations/1764100000001-create-beneficiary-case-notifications';
import { CreateNetworksRegisters1764700000000 } from './migrations/1764700000000-create-networks-registers';
import { AddNotificationPlace1767500000019 } from './migrations/1767500000019-add-notification-place';
import { AddWatchdogResidence1768300000000 } from './migrations/1768300000000-add-watchdog-residence';
import { AddNotificationDestinationNationality1768300000001 } from './migrations/1768300000001-add-notification-destination-nationality';
import { AddActivityInstitutions1768300000002 } from './migrations/1768300000002-add-activity-institutions';
import {
  AgentOfChangeRow,
  PartnerOrganisationRow,
  WatchdogRow,
  WomensGroupRow,
} from './network-members.entity';
import {
  agentsOfChangeProjection,
  partnerOrganisationsProjection,
  watchdogsProjection,
  womensGroupsProjection,
} from './network-members.projection';
import { PreventionActivityRow } from './prevention-activity.entity';
import { preventionActivitiesProjection } from './prevention-activities.projection';

export {
  AgentOfChangeRow,
  agentsOfChangeProjection,
  BeneficiaryCaseNotifications,
  beneficiaryCaseNotificationsProjection,
  CaseNotificationRow,
  caseNotificationsProjection,
  PartnerOrganisationRow,
  partnerOrganisationsProjection,
  PreventionActivityRow,
  preventionActivitiesProjection,
  WatchdogRow,
  watchdogsProjection,
  WomensGroupRow,
  womensGroupsProjection,
};

export const NETWORKS_ENTITIES = [
  BeneficiaryCaseNotifications,
  CaseNotificationRow,
  WatchdogRow,
  AgentOfChangeRow,
  WomensGroupRow,
  PartnerOrganisationRow,
  PreventionActivityRow,
];
export const NETWORKS_PROJECTIONS: Projection[] = [
  caseNotificationsProjection,
  watchdogsProjection,
  agentsOfChangeProjection,
  womensGroupsProjection,
  partnerOrganisationsProjection,
  preventionActivitiesProjection,
  beneficiaryCaseNotificationsProjection,
];
export const NETWORKS_MIGRATIONS: MigrationSet = {
  schema: 'networks',
  migrations: [
    CreateBeneficiaryCaseNotifications1764100000001,
    CreateNetworksRegisters1764700000000,
    AddNotificationPlace1767500000019,
    AddWatchdogResidence1768300000000,
    AddNotificationDestinationNationality1768300000001,
    AddActivityInstitutions1768300000002,
  ],
};
