import { Module } from '@nestjs/common';
import { HavenServiceModule } from '@haven/platform/nest';
import { LEGAL_ENTITIES, LEGAL_PROJECTIONS } from '@haven/legal/read-models';
import { Beneficiary, BeneficiaryResolver } from './beneficiary';

/** Legal: cases against traffickers and for the rights of beneficiaries. Adds `legalCaseCount` to protection's `Beneficiary`. */
@Module({
  imports: [
    HavenServiceModule.forRoot({
      name: 'legal',
      database: { entities: LEGAL_ENTITIES, projections: LEGAL_PROJECTIONS },
      // No resolver returns a Beneficiary here: the type is only extended, so list it.
      graphql: { orphanedTypes: [Beneficiary] },
    }),
  ],
  providers: [BeneficiaryResolver],
})
export class AppModule {}
