import { Module } from '@nestjs/common';
import { HavenServiceModule } from '@haven/platform/nest';
import { NETWORKS_ENTITIES, NETWORKS_PROJECTIONS } from '@haven/networks/read-models';
import { Beneficiary, BeneficiaryResolver } from './beneficiary';

/** Networks: partner organisations and watchdogs report cases. Adds `caseNotificationCount` to protection's `Beneficiary`. */
@Module({
  imports: [
    HavenServiceModule.forRoot({
      name: 'networks',
      database: { entities: NETWORKS_ENTITIES, projections: NETWORKS_PROJECTIONS },
      // No resolver returns a Beneficiary here: the type is only extended, so list it.
      graphql: { orphanedTypes: [Beneficiary] },
    }),
  ],
  providers: [BeneficiaryResolver],
})
export class AppModule {}
