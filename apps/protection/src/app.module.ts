import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { HavenServiceModule } from '@haven/platform/nest';
import { PROTECTION_ENTITIES, PROTECTION_PROJECTIONS } from '@haven/protection/read-models';
import { BeneficiaryReadModel } from './beneficiaries/beneficiary-read-model';
import { BeneficiaryResolver } from './beneficiaries/beneficiary.resolver';
import { ProtectionErrorFilter } from './beneficiaries/protection-error.filter';
import { RegisterBeneficiaryHandler } from './beneficiaries/register-beneficiary.handler';

/** Protection: owns the `Beneficiary` entity of the supergraph. */
@Module({
  imports: [
    HavenServiceModule.forRoot({
      name: 'protection',
      database: { entities: PROTECTION_ENTITIES, projections: PROTECTION_PROJECTIONS },
    }),
  ],
  providers: [
    BeneficiaryResolver,
    BeneficiaryReadModel,
    RegisterBeneficiaryHandler,
    { provide: APP_FILTER, useClass: ProtectionErrorFilter },
  ],
})
export class AppModule {}
