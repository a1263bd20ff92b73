import { Inject } from '@nestjs/common';
import {
  Args,
  ArgsType,
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
import { IsInt, Max, Min } from 'class-validator';
import { BeneficiaryEmpowermentServices, EnrolmentRow } from '@haven/empowerment/read-models';
import { CountsById, perRequest, principalOf, type GraphQLContext } from '@haven/platform/nest';
import { allow, Policy, RECORD_READER_ROLES } from '@haven/platform/security';
import { DataSource } from 'typeorm';
import { EmpowermentReadModel } from './empowerment-read-model';
import { toEnrolment } from './enrolments/enrolment.mapper';
import { Enrolment } from './enrolments/enrolment.types';
import { EmpowermentPolicy } from './policies';

/** Protection's `Beneficiary`, by its key: empowerment adds the person's enrolments. */
@ObjectType('Beneficiary')
@Directive('@key(fields: "id")')
export class Beneficiary {
  @Policy(allow(RECORD_READER_ROLES))
  @Field(() => ID)
  id!: string;
}

@ArgsType()
class BeneficiaryEnrolmentsArgs {
  // Bounded, with a small default: the gateway fetches this field for up to 100 beneficiaries at
  // once (`_entities`), and the subgraph's cost limit prices an unbounded list at 100 items each.
  @Field(() => Int, { defaultValue: 10, description: 'At most this many (up to 50).' })
  @IsInt()
  @Min(1)
  @Max(50)
  first!: number;
}

@Resolver(() => Beneficiary)
export class BeneficiaryResolver {
  // One query for every beneficiary of a request, within the reader's countries.
  private readonly enrolments = perRequest(
    async (ids: readonly string[], context: GraphQLContext) => {
      const rows = await this.readModel
        .scoped(EnrolmentRow, principalOf(context))
        .andWhere('row.beneficiaryId = ANY(:ids)', { ids: ids.map((id) => id.toLowerCase()) })
        .orderBy('row.enrolledPosition', 'ASC')
        .getMany();
      return ids.map((id) =>
        rows.filter((row) => row.beneficiaryId === id.toLowerCase()).map(toEnrolment),
      );
    },
  );

  private readonly serviceCounts: CountsById<BeneficiaryEmpowermentServices>;

  constructor(
    @Inject(EmpowermentReadModel) private readonly readModel: EmpowermentReadModel,
    @Inject(DataSource) dataSource: DataSource,
  ) {
    this.serviceCounts = new CountsById(dataSource, BeneficiaryEmpowermentServices, {
      id: 'beneficiaryId',
      count: 'count',
    });
  }

  // A count says how much work exists, not about whom: the record readers may see it.
  @Policy(allow(RECORD_READER_ROLES))
  @ResolveField(() => Int, {
    // Nullable: when this service is down, only this field is null, not the whole answer.
    nullable: true,
    description: 'Empowerment services (rehabilitation, counselling, training…) recorded for her.',
  })
  empowermentServiceCount(
    @Parent() beneficiary: Beneficiary,
    @Context() context: GraphQLContext,
  ): Promise<number> {
    return this.serviceCounts.load(context, beneficiary.id);
  }

  @Policy(EmpowermentPolicy.read)
  @ResolveField(() => [Enrolment], {
    description:
      'The person’s empowerment enrolments (with their plan and records), in your countries, oldest first.',
  })
  async empowermentEnrolments(
    @Parent() beneficiary: Beneficiary,
    @Args() { first }: BeneficiaryEnrolmentsArgs,
    @Context() context: GraphQLContext,
  ): Promise<Enrolment[]> {
    return (await this.enrolments(context).load(beneficiary.id)).slice(0, first);
  }
}
