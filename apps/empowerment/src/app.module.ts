import { Module } from '@nestjs/common';
import { EMPOWERMENT_UPCASTERS } from '@haven/empowerment/contracts';
import type { Upcaster } from '@haven/platform/event-store';
import { HavenServiceModule, PersonalData } from '@haven/platform/nest';
import { EMPOWERMENT_ENTITIES, EMPOWERMENT_PROJECTIONS } from '@haven/empowerment/read-models';
import { Beneficiary, BeneficiaryResolver } from './beneficiary';
import { EmpowermentReadModel } from './empowerment-read-model';
import { KnownBeneficiaries } from './enrolments/enrolment.commands';
import { EnrolmentResolver } from './enrolments/enrolment.resolver';
import { NoteResolver } from './notes/note.resolver';
import { ServiceResolver } from './services/service.resolver';

/**
 * Empowerment and reintegration: enrolments in a shelter or the community, reintegration plans,
 * services, follow-ups, small grants and agent-of-change training; the officers' work lists.
 * Adds `empowermentEnrolments` to protection's `Beneficiary`.
 */
@Module({
  imports: [
    HavenServiceModule.forRoot({
      name: 'empowerment',
      database: {
        entities: EMPOWERMENT_ENTITIES,
        projections: EMPOWERMENT_PROJECTIONS,
        // Version 1 enrolments, services, follow-ups and training read as version 2.
        upcasters: EMPOWERMENT_UPCASTERS as readonly Upcaster[],
      },
      graphql: { orphanedTypes: [Beneficiary] },
    }),
  ],
  providers: [
    KnownBeneficiaries,
    EmpowermentReadModel,
    EnrolmentResolver,
    ServiceResolver,
    PersonalData,
    NoteResolver,
    BeneficiaryResolver,
  ],
})
export class AppModule {}
