import { Module } from '@nestjs/common';
import { HavenServiceModule } from '@haven/platform/nest';
import { RELIEF_ENTITIES, RELIEF_PROJECTIONS } from '@haven/relief/read-models';
import { Beneficiary, BeneficiaryResolver } from './beneficiary';

/** Relief: food, shelter and medical aid. Adds `reliefDistributionCount` to protection's `Beneficiary`. */
@Module({
  imports: [
    HavenServiceModule.forRoot({
      name: 'relief',
      database: { entities: RELIEF_ENTITIES, projections: RELIEF_PROJECTIONS },
      // No resolver returns a Beneficiary here: the type is only extended, so list it.
      graphql: { orphanedTypes: [Beneficiary] },
    }),
  ],
  providers: [BeneficiaryResolver],
})
export class AppModule {}
