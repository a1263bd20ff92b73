import { Module } from '@nestjs/common';
import { HavenServiceModule } from '@haven/platform/nest';
import { EMPOWERMENT_ENTITIES, EMPOWERMENT_PROJECTIONS } from '@haven/empowerment/read-models';
import { Beneficiary, BeneficiaryResolver } from './beneficiary';

/** Empowerment: education, vocational training and counselling. Adds `empowermentServiceCount` to protection's `Beneficiary`. */
@Module({
  imports: [
    HavenServiceModule.forRoot({
      name: 'empowerment',
      database: { entities: EMPOWERMENT_ENTITIES, projections: EMPOWERMENT_PROJECTIONS },
      // No resolver returns a Beneficiary here: the type is only extended, so list it.
      graphql: { orphanedTypes: [Beneficiary] },
    }),
  ],
  providers: [BeneficiaryResolver],
})
export class AppModule {}
