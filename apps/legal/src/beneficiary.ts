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
import { IsInt, Max, Min } from 'class-validator';
import { BeneficiaryLegalCases } from '@haven/legal/read-models';
import { beneficiaryCountExtension, principalOf, type GraphQLContext } from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import { toLegalCase } from './cases/legal-case.mapper';
import { LegalCaseReadModel } from './cases/legal-case.read-model';
import { LegalCase } from './cases/legal-case.types';
import { LegalPolicy } from './policies';

/** Protection's `Beneficiary`, by its key: legal adds the number of legal cases they are a party to. */
export const { Beneficiary, BeneficiaryResolver } = beneficiaryCountExtension({
  field: 'legalCaseCount',
  description: 'Legal cases in which this beneficiary is a party.',
  entity: BeneficiaryLegalCases,
  columns: { id: 'beneficiaryId', count: 'count' },
});

@ArgsType()
class BeneficiaryLegalCasesArgs {
  // Small by default: the field is resolved for lists of beneficiaries, and priced per item.
  @Field(() => Int, { defaultValue: 10, description: 'At most this many (up to 50).' })
  @IsInt()
  @Min(1)
  @Max(50)
  first!: number;
}

/** `Beneficiary.legalCases`: the cases she is a party to, in the reader's countries. */
@Resolver(() => Beneficiary)
export class BeneficiaryLegalCasesResolver {
  constructor(@Inject(LegalCaseReadModel) private readonly readModel: LegalCaseReadModel) {}

  @Policy(LegalPolicy.readCases)
  @ResolveField(() => [LegalCase], {
    nullable: true,
    description: 'The legal cases she is a party to, in your countries, oldest first.',
  })
  async legalCases(
    @Parent() beneficiary: { id: string },
    @Args() { first }: BeneficiaryLegalCasesArgs,
    @Context() context: GraphQLContext,
  ): Promise<LegalCase[]> {
    const rows = await this.readModel.casesOf(principalOf(context), beneficiary.id, first);
    return rows.map(toLegalCase);
  }
}
