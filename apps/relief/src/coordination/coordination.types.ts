import { DayOfFactField, IsId, MoneyField, MoneyInput } from '@haven/platform/nest';
// The GraphQL inputs of what only coordinators do: link, notify, micro-projects.
import { Field, ID, InputType } from '@nestjs/graphql';
import { MICRO_PROJECT_KINDS, FOLLOW_UP_STATUSES } from '@haven/relief/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { RecipientInput } from '../entries/entry.types';
import { FollowUpStatusEnum, MicroProjectKindEnum } from '../enums';

@InputType({ description: 'A coordinator’s decision that a relief recipient is this beneficiary.' })
export class LinkReliefRecipientInput {
  @Field(() => ID)
  @IsId('responseId')
  responseId!: string;

  @Field(() => ID)
  @IsId('recipientId')
  recipientId!: string;

  @Field(() => ID)
  @IsId('beneficiaryId')
  beneficiaryId!: string;
}

@InputType({ description: 'Turn a detection into a case notification for networks (once).' })
export class NotifyDetectionInput {
  @Field(() => ID)
  @IsId('responseId')
  responseId!: string;

  @Field(() => ID)
  @IsId('detectionId')
  detectionId!: string;
}

@InputType({ description: 'A family’s income project, with its grant.' })
export class StartMicroProjectInput {
  @Field(() => ID, { nullable: true, description: 'Give your own UUID to make retries safe.' })
  @IsOptional()
  @IsId('id')
  id?: string | null;

  @Field(() => ID)
  @IsId('responseId')
  responseId!: string;

  @Field(() => RecipientInput)
  @ValidateNested()
  @Type(() => RecipientInput)
  recipient!: RecipientInput;

  @Field(() => MicroProjectKindEnum)
  @IsIn(MICRO_PROJECT_KINDS, { message: 'kind must be a micro-project kind' })
  kind!: string;

  @MoneyField()
  grant!: MoneyInput;

  @Field()
  @IsBoolean({ message: 'marketCheckDone must be true or false' })
  marketCheckDone!: boolean;

  @DayOfFactField()
  startedOn!: string;
}

@InputType()
export class FollowUpMicroProjectInput {
  @Field(() => ID, { nullable: true, description: 'Give your own UUID to make retries safe.' })
  @IsOptional()
  @IsId('id')
  id?: string | null;

  @Field(() => ID)
  @IsId('responseId')
  responseId!: string;

  @Field(() => ID)
  @IsId('projectId')
  projectId!: string;

  @DayOfFactField()
  followedUpOn!: string;

  @Field(() => FollowUpStatusEnum)
  @IsIn(FOLLOW_UP_STATUSES, { message: 'status must be a follow-up status' })
  status!: string;
}
