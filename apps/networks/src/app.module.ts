import { Module } from '@nestjs/common';
import { NETWORKS_UPCASTERS } from '@haven/networks/contracts';
import type { Upcaster } from '@haven/platform/event-store';
import { HavenServiceModule } from '@haven/platform/nest';
import { NETWORKS_ENTITIES, NETWORKS_PROJECTIONS } from '@haven/networks/read-models';
import { Beneficiary, BeneficiaryResolver } from './beneficiary';
import { CaseNotificationCommands } from './case-notifications/case-notification.commands';
import { CaseNotificationResolver } from './case-notifications/case-notification.resolver';
import { MemberResolver } from './members/member.resolver';
import { BeneficiaryCountries } from './members/beneficiary-countries';
import { MemberCommands } from './members/member.commands';
import { NetworksReadModel } from './networks-read-model';
import { PreventionResolver } from './prevention/prevention.resolver';
import { agentOfChangeTrainingReactor } from './reactions/agent-of-change-training.reactor';
import { reliefDetectionReactor } from './reactions/relief-detection.reactor';

/**
 * Networks: watchdogs, agents of change, women's groups and partner organisations; prevention
 * activities; case notifications, checked and referred to protection. Adds
 * `caseNotificationCount` to protection's `Beneficiary`.
 */
@Module({
  imports: [
    HavenServiceModule.forRoot({
      name: 'networks',
      database: {
        entities: NETWORKS_ENTITIES,
        projections: NETWORKS_PROJECTIONS,
        reactors: [agentOfChangeTrainingReactor, reliefDetectionReactor],
        upcasters: NETWORKS_UPCASTERS as readonly Upcaster[],
      },
      // The type is extended here and returned only as a reference (AgentOfChange.beneficiary).
      graphql: { orphanedTypes: [Beneficiary] },
    }),
  ],
  providers: [
    BeneficiaryResolver,
    NetworksReadModel,
    CaseNotificationCommands,
    CaseNotificationResolver,
    BeneficiaryCountries,
    MemberCommands,
    MemberResolver,
    PreventionResolver,
  ],
})
export class AppModule {}
