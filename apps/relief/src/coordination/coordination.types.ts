// The GraphQL inputs of what only coordinators do: link, notify, micro-projects.
import { Field, ID, InputType } from '@nestjs/graphql';
import { MICRO_PROJECT_KINDS, FOLLOW_UP_STATUSES } from '@haven/relief/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { GrantInput, RecipientInput } from '../entries/entry.types';
import { FollowUpStatusEnum, MicroProjectKindEnum } from '../enums';

const uuid = (field: string) => IsUUID('all', { message: `${field} must be a UUID` });
const date = (field: string) =>
  Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${field} must be a date (YYYY-MM-DD)` });

@InputType({ description: 'A coordinator’s decision that a relief recipient is this beneficiary.' })
export class LinkReliefRecipientInput {
  @Field(() => ID)
  @uuid('responseId')
  responseId!: string;

  @Field(() => ID)
  @uuid('recipientId')
  recipientId!: string;

  @Field(() => ID)
  @uuid('beneficiaryId')
  beneficiaryId!: string;
}

@InputType({ description: 'Turn a detection into a case notification for networks (once).' })
export class NotifyDetectionInput {
  @Field(() => ID)
  @uuid('responseId')
  responseId!: string;

  @Field(() => ID)
  @uuid('detectionId')
  detectionId!: string;
}

@InputType({ description: 'A family’s income project, with its grant.' })
export class StartMicroProjectInput {
  @Field(() => ID, { nullable: true, description: 'Give your own UUID to make retries safe.' })
  @IsOptional()
  @uuid('id')
  id?: string | null;

  @Field(() => ID)
  @uuid('responseId')
  responseId!: string;

  @Field(() => RecipientInput)
  @ValidateNested()
  @Type(() => RecipientInput)
  recipient!: RecipientInput;

  @Field(() => MicroProjectKindEnum)
  @IsIn(MICRO_PROJECT_KINDS, { message: 'kind must be a micro-project kind' })
  kind!: string;

  @Field(() => GrantInput)
  @ValidateNested()
  @Type(() => GrantInput)
  grant!: GrantInput;

  @Field()
  @IsBoolean({ message: 'marketCheckDone must be true or false' })
  marketCheckDone!: boolean;

  @Field({ description: 'YYYY-MM-DD.' })
  @date('startedOn')
  startedOn!: string;
}

@InputType()
export class FollowUpMicroProjectInput {
  @Field(() => ID, { nullable: true, description: 'Give your own UUID to make retries safe.' })
  @IsOptional()
  @uuid('id')
  id?: string | null;

  @Field(() => ID)
  @uuid('responseId')
  responseId!: string;

  @Field(() => ID)
  @uuid('projectId')
  projectId!: string;

  @Field({ description: 'YYYY-MM-DD.' })
  @date('followedUpOn')
  followedUpOn!: string;

  @Field(() => FollowUpStatusEnum)
  @IsIn(FOLLOW_UP_STATUSES, { message: 'status must be a follow-up status' })
  status!: string;
}
