import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsString, IsUUID, Length, Matches } from 'class-validator';
import { allow, Policy } from '@haven/platform/security';
import { MAX_ERASURE_REASON_LENGTH } from '@haven/protection/domain';
import { Beneficiary } from '../beneficiaries/beneficiary.types';
import { FREE_TEXT, NOT_BLANK } from '../text-rules';

@InputType()
export class EraseBeneficiaryInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'beneficiaryId must be a UUID' })
  beneficiaryId!: string;

  @Field({
    description:
      `Why, for the record (at most ${MAX_ERASURE_REASON_LENGTH} characters): a ticket, a request ` +
      'reference, a legal ground. Stored in clear and kept for good: never put personal data in it.',
  })
  @IsString({ message: 'reason must be text' })
  @Length(1, MAX_ERASURE_REASON_LENGTH, {
    message: `reason must be 1 to ${MAX_ERASURE_REASON_LENGTH} characters`,
  })
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @Matches(FREE_TEXT, { message: 'reason must not contain control characters' })
  reason!: string;
}

@InputType()
export class ConfirmBeneficiaryErasureInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'beneficiaryId must be a UUID' })
  beneficiaryId!: string;
}

export enum ErasureStatus {
  REQUESTED = 'REQUESTED',
  ERASED = 'ERASED',
}
registerEnumType(ErasureStatus, {
  name: 'ErasureStatus',
  valuesMap: {
    REQUESTED: { description: 'Waiting for a second admin to confirm.' },
    ERASED: { description: 'Confirmed: the personal data can no longer be read by anyone.' },
  },
});

@ObjectType()
// Whoever may make the mutation may read what it returns.
@Policy(allow('any'))
export class BeneficiaryErasurePayload {
  @Field(() => ID)
  beneficiaryId!: string;

  @Field(() => Int, { description: 'The version of the beneficiary stream after the mutation.' })
  streamVersion!: number;

  @Field(() => ErasureStatus)
  status!: ErasureStatus;

  @Field(() => Beneficiary, {
    nullable: true,
    description: 'The beneficiary as queries now show it (null if the read model lags).',
  })
  beneficiary!: Beneficiary | null;
}
