import { Inject } from '@nestjs/common';
import {
  Args,
  ArgsType,
  Context,
  Field,
  Int,
  Parent,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import {
  keysetPage,
  pageAfter,
  principalOf,
  toConnection,
  type GraphQLContext,
} from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Beneficiary } from './beneficiary';
import { ENTRY_CURSOR, toReliefEntry } from './entries/entry.mapper';
import { ReliefEntryConnection } from './entries/entry.types';
import { ReliefPolicy } from './policies';
import { ReliefReadModel } from './relief-read-model';

@ArgsType()
class BeneficiaryReliefDistributionsArgs {
  // Small by default and bounded: the gateway asks for this field for up to 100 beneficiaries at
  // once (`_entities`), and the subgraph's cost limit prices each page by its size.
  @Field(() => Int, { defaultValue: 10, description: 'Page size: at most this many (up to 50).' })
  @IsInt({ message: 'first must be a whole number' })
  @Min(1, { message: 'first must be at least 1' })
  @Max(50, { message: 'first must be at most 50' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'after must be a cursor from a previous page' })
  after?: string | null;
}

/**
 * Protection's `Beneficiary` gains its relief record: the distributions it received (directly, or
 * as a relief recipient a coordinator linked to it), in the reader's countries, oldest first.
 * Relief readers only: coordinators and auditors; anyone else gets an error on this field alone.
 */
@Resolver(() => Beneficiary)
export class BeneficiaryReliefRecordResolver {
  constructor(@Inject(ReliefReadModel) private readonly readModel: ReliefReadModel) {}

  @Policy(ReliefPolicy.read)
  @ResolveField(() => ReliefEntryConnection, {
    // Nullable: when this service is down, only this field is null, not the whole answer.
    nullable: true,
    description:
      'Relief distributions this beneficiary received, in your countries, in the order recorded.',
  })
  async reliefDistributions(
    @Parent() beneficiary: { id: string },
    @Args() args: BeneficiaryReliefDistributionsArgs,
    @Context() context: GraphQLContext,
  ): Promise<ReliefEntryConnection> {
    const query = this.readModel
      .entries(principalOf(context))
      .andWhere("row.entryType = 'DISTRIBUTION'")
      // Given to her directly, or to a relief recipient a coordinator linked to her (before or
      // after the link: the recipient's row carries the link).
      .andWhere(
        `(row.beneficiaryId = :beneficiaryId OR row.recipientId IN (
           SELECT r.id FROM relief.entries r
            WHERE r.entry_type = 'RECIPIENT' AND r.beneficiary_id = :beneficiaryId))`,
        { beneficiaryId: beneficiary.id.toLowerCase() },
      );
    const page = await keysetPage(query, {
      position: 'position',
      first: args.first,
      after: pageAfter(ENTRY_CURSOR, args.after),
    });
    return toConnection(ENTRY_CURSOR, page, (row) => row.position, toReliefEntry);
  }
}
