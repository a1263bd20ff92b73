import { Module } from '@nestjs/common';
import { HavenServiceModule } from '@haven/platform/nest';
import { PROTECTION_ENTITIES, PROTECTION_PROJECTIONS } from '@haven/protection/read-models';
import type { Upcaster } from '@haven/platform/event-store';
import { PROTECTION_UPCASTERS } from '@haven/protection/contracts';
import { BeneficiaryAccess } from './beneficiaries/beneficiary-access';
import { BeneficiaryReadModel } from './beneficiaries/beneficiary-read-model';
import { BeneficiaryResolver } from './beneficiaries/beneficiary.resolver';
import { BeneficiaryCommands } from './beneficiaries/beneficiary.commands';
import { BeneficiaryRecordsResolver } from './beneficiaries/beneficiary-records.resolver';
import { BreakGlassGrants } from './break-glass/break-glass-grants';
import { BreakGlassCommands } from './break-glass/break-glass.commands';
import { BreakGlassResolver } from './break-glass/break-glass.resolver';
import { CaseCommands } from './cases/case.commands';
import {
  BeneficiaryTimelineResolver,
  CaseNotesResolver,
  CaseVictimResolver,
  GuardianContactResolver,
} from './cases/case-fields.resolver';
import { serviceCaseOpener } from './cases/case-opener';
import { CaseReadModel } from './cases/case-read-model';
import { ProtectionCaseResolver } from './cases/case.resolver';
import { ErasureCommands } from './erasure/erasure.commands';
import { ErasureResolver } from './erasure/erasure.resolver';
import { AccessRecorder } from './personal-data/access-recorder';
import { PersonalDataReader } from './personal-data/personal-data-reader';
import { PersonalDetailsResolver } from './beneficiaries/personal-details.resolver';
import { Privacy } from './personal-data/privacy';
import { loadProtectionSettings, PROTECTION_SETTINGS } from './settings';

/**
 * Protection: owns the `Beneficiary` and `ProtectionCase` entities of the supergraph, their
 * personal data and their timelines; opens a case for each referral networks records.
 */
@Module({
  imports: [
    HavenServiceModule.forRoot({
      name: 'protection',
      database: {
        entities: PROTECTION_ENTITIES,
        projections: PROTECTION_PROJECTIONS,
        reactors: [serviceCaseOpener],
        upcasters: PROTECTION_UPCASTERS as readonly Upcaster[],
      },
    }),
  ],
  providers: [
    { provide: PROTECTION_SETTINGS, useFactory: () => loadProtectionSettings() },
    Privacy,
    BeneficiaryResolver,
    BeneficiaryReadModel,
    BeneficiaryAccess,
    BeneficiaryCommands,
    BeneficiaryRecordsResolver,
    PersonalDetailsResolver,
    PersonalDataReader,
    AccessRecorder,
    ErasureResolver,
    ErasureCommands,
    BreakGlassResolver,
    BreakGlassCommands,
    BreakGlassGrants,
    ProtectionCaseResolver,
    CaseNotesResolver,
    GuardianContactResolver,
    CaseVictimResolver,
    BeneficiaryTimelineResolver,
    CaseReadModel,
    CaseCommands,
  ],
})
export class AppModule {}
