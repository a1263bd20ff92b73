import { Inject } from '@nestjs/common';
import {
  Context,
  Directive,
  Field,
  ID,
  ObjectType,
  Parent,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { EnrolmentRow } from '@haven/empowerment/read-models';
import { perRequest, principalOf, type GraphQLContext } from '@haven/platform/nest';
import { allow, Policy, RECORD_READER_ROLES } from '@haven/platform/security';
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

  constructor(@Inject(EmpowermentReadModel) private readonly readModel: EmpowermentReadModel) {}

  @Policy(EmpowermentPolicy.read)
  @ResolveField(() => [Enrolment], {
    description:
      'The person’s empowerment enrolments (with their plan and records), in your countries.',
  })
  empowermentEnrolments(
    @Parent() beneficiary: Beneficiary,
    @Context() context: GraphQLContext,
  ): Promise<Enrolment[]> {
    return this.enrolments(context).load(beneficiary.id);
  }
}
