import { Inject } from '@nestjs/common';
import {
  Context,
  Directive,
  Field,
  ID,
  Int,
  ObjectType,
  Parent,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { CountsById, type GraphQLContext } from '@haven/platform/nest';
import { BeneficiaryLegalCases } from '@haven/legal/read-models';
import { DataSource } from 'typeorm';

/** Protection's entity, by its key: this subgraph adds one field to it. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Beneficiary {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => Beneficiary)
export class BeneficiaryResolver {
  private readonly counts: CountsById<BeneficiaryLegalCases>;

  constructor(@Inject(DataSource) dataSource: DataSource) {
    this.counts = new CountsById(dataSource, BeneficiaryLegalCases, {
      id: 'beneficiaryId',
      count: 'count',
    });
  }

  /** One query per request for all the beneficiaries in it. */
  @ResolveField(() => Int, {
    // Nullable: when this service is down, only this field is null, not the whole answer.
    nullable: true,
    description: 'Legal cases in which this beneficiary is a party.',
  })
  legalCaseCount(
    @Parent() beneficiary: Beneficiary,
    @Context() context: GraphQLContext,
  ): Promise<number> {
    return this.counts.load(context, beneficiary.id);
  }
}
