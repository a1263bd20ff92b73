import { Module } from '@nestjs/common';
import { HavenServiceModule, PersonalData } from '@haven/platform/nest';
import { LEGAL_ENTITIES, LEGAL_PROJECTIONS } from '@haven/legal/read-models';
import { AdvocacyResolver } from './advocacy/advocacy';
import { Beneficiary, BeneficiaryLegalCasesResolver, BeneficiaryResolver } from './beneficiary';
import { CAPPED_LIST_RESOLVERS } from './cases/capped-lists';
import { LegalCaseCommands } from './cases/legal-case.commands';
import { LegalCaseQueries } from './cases/legal-case-queries.resolver';
import { LegalCaseReadModel } from './cases/legal-case.read-model';
import { LegalCaseMutations } from './cases/legal-case.resolver';
import { KnownBeneficiaries } from './known-beneficiaries';
import { OffenderErasureResolver } from './offenders/offender-erasure';

/**
 * Legal: cases for the rights of beneficiaries who consented to legal action, their offenders,
 * court outcomes and compensation, and advocacy. Adds `legalCaseCount` and `legalCases` to
 * protection's `Beneficiary`.
 */
@Module({
  imports: [
    HavenServiceModule.forRoot({
      name: 'legal',
      database: { entities: LEGAL_ENTITIES, projections: LEGAL_PROJECTIONS },
      // No resolver returns a Beneficiary here: the type is only extended, so list it.
      graphql: { orphanedTypes: [Beneficiary] },
    }),
  ],
  providers: [
    BeneficiaryResolver,
    BeneficiaryLegalCasesResolver,
    PersonalData,
    KnownBeneficiaries,
    LegalCaseReadModel,
    LegalCaseCommands,
    LegalCaseMutations,
    LegalCaseQueries,
    OffenderErasureResolver,
    ...CAPPED_LIST_RESOLVERS,
    AdvocacyResolver,
  ],
})
export class AppModule {}
