// Legal case queries, a case's parts, and offender identities (opened for legal officers and
// admins only, each read logged before the values leave the service).
import { Inject } from '@nestjs/common';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  clientError,
  type GraphQLContext,
  pageAfter,
  PageArgs,
  PersonalData,
  principalOf,
  toConnection,
} from '@haven/platform/nest';
import { openPersonalFields } from '@haven/platform/privacy';
import { forbidden, inScope, Policy } from '@haven/platform/security';
import { LEGAL_CASE_LIMITS as L } from '@haven/legal/domain';
import { LegalPolicy } from '../policies';
import { CappedFirst, capped } from './capped-lists';
import { LegalCaseArgs, LegalCasesArgs, OffenderIdentityArgs } from './legal-case.inputs';
import {
  LEGAL_CASE_CURSOR,
  SERVICE_OCCASION_CURSOR,
  toCompensationClaim,
  toEvidenceDocument,
  toLegalCase,
  toOffender,
  toServiceOccasion,
} from './legal-case.mapper';
import { LegalCaseReadModel } from './legal-case.read-model';
import {
  CompensationClaim,
  EvidenceDocument,
  LegalCase,
  LegalCaseConnection,
  LegalServiceOccasionConnection,
  Offender,
  OffenderIdentity,
} from './legal-case.types';

@Resolver(() => LegalCase)
export class LegalCaseQueries {
  constructor(
    @Inject(LegalCaseReadModel) private readonly readModel: LegalCaseReadModel,
    @Inject(PersonalData) private readonly privacy: PersonalData,
  ) {}

  @Policy(LegalPolicy.readCases)
  @Query(() => LegalCase, { description: 'One legal case of your countries.' })
  async legalCase(
    @Args() { id }: LegalCaseArgs,
    @Context() context: GraphQLContext,
  ): Promise<LegalCase> {
    const row = await this.readModel.findCase(id.toLowerCase());
    if (!row) throw clientError('NOT_FOUND', 'No legal case has this id.');
    if (!inScope(principalOf(context), row)) {
      throw forbidden('This legal case is outside your countries.', 'OUT_OF_SCOPE');
    }
    return toLegalCase(row);
  }

  @Policy(LegalPolicy.readCases)
  @Query(() => LegalCaseConnection, {
    description:
      'Legal cases of your countries in the order they were opened, filtered by country, year ' +
      'opened (or ongoing in a year), stage, kind and offender status.',
  })
  async legalCases(@Args() args: LegalCasesArgs, @Context() context: GraphQLContext) {
    const page = await this.readModel.page(
      principalOf(context),
      args,
      pageAfter(LEGAL_CASE_CURSOR, args.after),
    );
    return toConnection(LEGAL_CASE_CURSOR, page, (row) => row.position, toLegalCase);
  }

  @ResolveField(() => [Offender], {
    description: `In the order they were added (at most ${L.offenders}).`,
  })
  async offenders(
    @Parent() legalCase: LegalCase,
    @CappedFirst(L.offenders, 'offenders') first: number,
  ): Promise<Offender[]> {
    const rows = await this.readModel.offenders(legalCase.id, capped(first, L.offenders));
    return rows.map(toOffender);
  }

  @ResolveField(() => LegalServiceOccasionConnection, {
    description:
      'In the order they were recorded, a page at a time: a case runs for years and staff act ' +
      'on it many times.',
  })
  async serviceOccasions(@Parent() legalCase: LegalCase, @Args() { first, after }: PageArgs) {
    const page = await this.readModel.occasions(
      legalCase.id,
      first,
      pageAfter(SERVICE_OCCASION_CURSOR, after),
    );
    return toConnection(SERVICE_OCCASION_CURSOR, page, (row) => row.position, toServiceOccasion);
  }

  @ResolveField(() => [EvidenceDocument], {
    description: `In the order they were recorded (at most ${L.documents}).`,
  })
  async evidenceDocuments(
    @Parent() legalCase: LegalCase,
    @CappedFirst(L.documents, 'documents') first: number,
  ): Promise<EvidenceDocument[]> {
    const rows = await this.readModel.documents(legalCase.id, capped(first, L.documents));
    return rows.map(toEvidenceDocument);
  }

  @ResolveField(() => [CompensationClaim], {
    description: `In the order they were claimed (at most ${L.claims}).`,
  })
  async compensationClaims(
    @Parent() legalCase: LegalCase,
    @CappedFirst(L.claims, 'claims') first: number,
  ): Promise<CompensationClaim[]> {
    const rows = await this.readModel.claims(legalCase.id, capped(first, L.claims));
    return rows.map(toCompensationClaim);
  }

  @Policy(LegalPolicy.readOffenderIdentity)
  @Query(() => OffenderIdentity, {
    description: 'An offender’s names, aliases and notes. Every read is written to the access log.',
  })
  async offenderIdentity(
    @Args() { offenderId, purpose }: OffenderIdentityArgs,
    @Context() context: GraphQLContext,
  ): Promise<OffenderIdentity> {
    const principal = principalOf(context);
    const row = await this.readModel.findOffender(offenderId.toLowerCase());
    if (!row) throw clientError('NOT_FOUND', 'No offender has this id.');
    if (!inScope(principal, { country: row.country })) {
      throw forbidden('This offender’s case is outside your countries.', 'OUT_OF_SCOPE');
    }
    // Logged first: a value nobody logged never left the service.
    await this.privacy.accessLog.record([
      {
        actorId: principal.subject,
        role: principal.role,
        organisationId: principal.organisationId,
        recordType: 'Offender',
        recordId: row.id,
        fields: ['names', 'aliases', 'notes'],
        purpose: purpose ?? null,
        breakGlass: false,
        requestId: context.req.id === undefined ? null : String(context.req.id),
      },
    ]);
    const opened = await openPersonalFields(this.privacy.keys, row.id, {
      names: row.sealedNames,
      aliases: row.sealedAliases,
      notes: row.sealedNotes,
    });
    return { offenderId: row.id, ...opened.values, erased: opened.erased };
  }
}
