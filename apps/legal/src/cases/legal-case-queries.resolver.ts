// Legal case queries, a case's parts, and offender identities (opened for legal officers and
// admins only, each read logged before the values leave the service).
import { Inject } from '@nestjs/common';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  clientError,
  pageAfter,
  principalOf,
  toConnection,
  type GraphQLContext,
} from '@haven/platform/nest';
import { openPersonalFields } from '@haven/platform/privacy';
import { forbidden, inScope, Policy } from '@haven/platform/security';
import { LegalPolicy } from '../policies';
import { LegalPrivacy } from '../privacy';
import { LegalCaseArgs, LegalCasesArgs, OffenderIdentityArgs } from './legal-case.inputs';
import {
  LEGAL_CASE_CURSOR,
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
  LegalServiceOccasion,
  Offender,
  OffenderIdentity,
} from './legal-case.types';

@Resolver(() => LegalCase)
export class LegalCaseQueries {
  constructor(
    @Inject(LegalCaseReadModel) private readonly readModel: LegalCaseReadModel,
    @Inject(LegalPrivacy) private readonly privacy: LegalPrivacy,
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

  @ResolveField(() => [Offender])
  async offenders(@Parent() legalCase: LegalCase): Promise<Offender[]> {
    return (await this.readModel.offenders(legalCase.id)).map(toOffender);
  }

  @ResolveField(() => [LegalServiceOccasion], { description: 'In the order they were recorded.' })
  async serviceOccasions(@Parent() legalCase: LegalCase): Promise<LegalServiceOccasion[]> {
    return (await this.readModel.occasions(legalCase.id)).map(toServiceOccasion);
  }

  @ResolveField(() => [EvidenceDocument])
  async evidenceDocuments(@Parent() legalCase: LegalCase): Promise<EvidenceDocument[]> {
    return (await this.readModel.documents(legalCase.id)).map(toEvidenceDocument);
  }

  @ResolveField(() => [CompensationClaim])
  async compensationClaims(@Parent() legalCase: LegalCase): Promise<CompensationClaim[]> {
    return (await this.readModel.claims(legalCase.id)).map(toCompensationClaim);
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
