import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { clientError, commandMetadata, type GraphQLContext } from '@haven/platform/nest';
import { BeneficiaryReadModel } from './beneficiary-read-model';
import { encodeCursor, toBeneficiary } from './beneficiary.mapper';
import {
  Beneficiary,
  BeneficiariesArgs,
  BeneficiaryArgs,
  BeneficiaryConnection,
  RegisterBeneficiaryInput,
  RegisterBeneficiaryPayload,
} from './beneficiary.types';
import { RegisterBeneficiaryHandler } from './register-beneficiary.handler';

/**
 * Beneficiary queries, the registration mutation and the entity's reference resolver. Thin on
 * purpose: arguments are validated before they arrive (class-validator), rules live in the
 * domain, and authorisation (a later issue) goes in front of each of these methods.
 */
@Resolver(() => Beneficiary)
export class BeneficiaryResolver {
  constructor(
    @Inject(BeneficiaryReadModel) private readonly readModel: BeneficiaryReadModel,
    @Inject(RegisterBeneficiaryHandler) private readonly register: RegisterBeneficiaryHandler,
  ) {}

  @Query(() => Beneficiary, {
    nullable: true,
    description: 'One beneficiary; a NOT_FOUND error when there is none with this id.',
  })
  async beneficiary(
    @Args() { id }: BeneficiaryArgs,
    @Context() context: GraphQLContext,
  ): Promise<Beneficiary> {
    const row = await this.readModel.load(context, id);
    if (!row) throw clientError('NOT_FOUND', `No beneficiary has the id ${id}.`);
    return toBeneficiary(row);
  }

  @Query(() => BeneficiaryConnection, {
    description: 'Beneficiaries in registration order, optionally of one country or age group.',
  })
  async beneficiaries(@Args() args: BeneficiariesArgs): Promise<BeneficiaryConnection> {
    const { rows, hasNextPage } = await this.readModel.page(args);
    const edges = rows.map((row) => ({ cursor: encodeCursor(row), node: toBeneficiary(row) }));
    return {
      edges,
      pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    };
  }

  @Mutation(() => RegisterBeneficiaryPayload)
  async registerBeneficiary(
    @Args('input') input: RegisterBeneficiaryInput,
    @Context() context: GraphQLContext,
  ): Promise<RegisterBeneficiaryPayload> {
    const result = await this.register.handle(
      { beneficiaryId: input.id, country: input.country, sex: input.sex, minor: input.minor },
      commandMetadata(context),
    );
    const row = await this.readModel.afterWrite(result.position, result.beneficiaryId);
    return {
      beneficiaryId: result.beneficiaryId,
      streamVersion: result.streamVersion,
      beneficiary: row && toBeneficiary(row),
    };
  }

  /** The gateway asks for beneficiaries by key; one query per request, however many. */
  @ResolveReference()
  async resolveReference(
    reference: { __typename: 'Beneficiary'; id: string },
    context: GraphQLContext,
  ): Promise<Beneficiary | null> {
    const row = await this.readModel.load(context, reference.id);
    return row && toBeneficiary(row);
  }
}
