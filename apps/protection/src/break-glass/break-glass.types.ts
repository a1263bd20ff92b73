import { ArgsType, Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsString, IsUUID, Length, Matches } from 'class-validator';
import { allow, Policy } from '@haven/platform/security';
import { BREAK_GLASS_REASON_LENGTH, type Country } from '@haven/protection/domain';
import { connectionType, CountryEnum, type Connection } from '@haven/platform/nest';
import { PageArgs } from '../paging';
import { ProtectionPolicy } from '../policies';
import { FREE_TEXT, NOT_BLANK } from '../text-rules';

const { min, max } = BREAK_GLASS_REASON_LENGTH;

@InputType()
export class RequestBreakGlassAccessInput {
  @Field(() => ID, { description: 'A beneficiary outside your scope.' })
  @IsUUID('all', { message: 'beneficiaryId must be a UUID' })
  beneficiaryId!: string;

  @Field({
    description:
      `Why you need it now (${min} to ${max} characters), for the reviewers. Stored in clear: ` +
      'never put personal data in it.',
  })
  @IsString({ message: 'reason must be text' })
  @Length(min, max, { message: `reason must be ${min} to ${max} characters` })
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @Matches(FREE_TEXT, { message: 'reason must not contain control characters' })
  reason!: string;
}

@ObjectType()
// Whoever may make the mutation may read what it returns.
@Policy(allow('any'))
export class RequestBreakGlassAccessPayload {
  @Field(() => ID)
  grantId!: string;

  @Field(() => ID)
  beneficiaryId!: string;

  @Field(() => GraphQLISODateTime, {
    description: 'Until then, read the beneficiary with a purpose: beneficiary(id, purpose).',
  })
  expiresAt!: Date;
}

const REVIEW = ProtectionPolicy.reviewBreakGlass;

@ObjectType({ description: 'Access to one beneficiary outside its holder’s scope, for a time.' })
@Policy(REVIEW)
export class BreakGlassGrant {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  beneficiaryId!: string;

  @Field(() => CountryEnum, { description: "The beneficiary's country." })
  country!: Country;

  @Field({ description: 'The user id of the grant’s holder.' })
  actorId!: string;

  @Field({ description: 'The role the grant was asked in (it works in that role only).' })
  role!: string;

  @Field(() => String, { nullable: true })
  organisationId!: string | null;

  @Field()
  reason!: string;

  @Field(() => GraphQLISODateTime)
  grantedAt!: Date;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;

  @Field({ description: 'Not expired yet.' })
  active!: boolean;
}

/** Break-glass grants, oldest first. */
export const BreakGlassGrantConnection = connectionType('BreakGlassGrant', BreakGlassGrant, REVIEW);
export type BreakGlassGrantConnection = Connection<BreakGlassGrant>;

@ArgsType()
export class BreakGlassGrantsArgs extends PageArgs {
  @Field({ defaultValue: false, description: 'Only grants that have not expired.' })
  @IsBoolean()
  activeOnly!: boolean;
}
