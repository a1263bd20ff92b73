import { Module } from '@nestjs/common';
import { HavenServiceModule, PersonalData } from '@haven/platform/nest';
import { RELIEF_ENTITIES, RELIEF_PROJECTIONS } from '@haven/relief/read-models';
import { Beneficiary, BeneficiaryResolver } from './beneficiary';
import { BeneficiaryReliefRecordResolver } from './beneficiary-relief-record';
import { ReliefCoordinationResolver } from './coordination/coordination.resolver';
import { ReliefEntryResolver } from './entries/entry.resolver';
import { KnownAgentsOfChange } from './known-agents-of-change';
import { KnownBeneficiaries } from './known-beneficiaries';
import { ReliefRecipientResolver } from './recipients/recipient.resolver';
import { ReliefReadModel } from './relief-read-model';
import { ReliefResponseResolver } from './responses/response.resolver';

/**
 * Relief: crisis responses (COVID-19 in 2020) with their distributions, relief recipients,
 * people at risk, migrated families, potential victims detected in the field (turned into case
 * notifications for networks) and micro-projects. Adds `reliefDistributionCount` and the relief
 * record (`reliefDistributions`) to protection's `Beneficiary`.
 */
@Module({
  imports: [
    HavenServiceModule.forRoot({
      name: 'relief',
      database: { entities: RELIEF_ENTITIES, projections: RELIEF_PROJECTIONS },
      // No resolver returns a Beneficiary here: the type is only extended, so list it.
      graphql: { orphanedTypes: [Beneficiary] },
    }),
  ],
  providers: [
    BeneficiaryResolver,
    BeneficiaryReliefRecordResolver,
    ReliefReadModel,
    KnownBeneficiaries,
    KnownAgentsOfChange,
    PersonalData,
    ReliefResponseResolver,
    ReliefRecipientResolver,
    ReliefEntryResolver,
    ReliefCoordinationResolver,
  ],
})
export class AppModule {}
