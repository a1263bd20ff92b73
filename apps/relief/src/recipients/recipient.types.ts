// The GraphQL shapes of a relief recipient's alias: erase it, read it through the access log.
import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsId } from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import { IsOptional, MaxLength } from 'class-validator';
import { ReliefPolicy } from '../policies';

@InputType({
  description:
    'Erase a relief recipient’s alias: its key is destroyed, so the alias can never be read ' +
    'again; the recipient’s coarse facts stay counted.',
})
export class EraseReliefRecipientAliasInput {
  @Field(() => ID)
  @IsId('responseId')
  responseId!: string;

  @Field(() => ID)
  @IsId('recipientId')
  recipientId!: string;
}

@ArgsType()
export class ReliefRecipientAliasArgs {
  @Field(() => ID)
  @IsId('recipientId')
  recipientId!: string;

  @Field(() => String, { nullable: true, description: 'Why you read it: kept in the access log.' })
  @IsOptional()
  @MaxLength(200, { message: 'purpose must be at most 200 characters' })
  purpose?: string | null;
}

@ObjectType({ description: 'A relief recipient’s alias, opened for a coordinator and logged.' })
@Policy(ReliefPolicy.readRecipientAlias)
export class ReliefRecipientAlias {
  @Field(() => ID)
  recipientId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Null when erased, or for a recipient recorded before aliases were kept.',
  })
  alias!: string | null;

  @Field({ description: 'The recipient’s key was destroyed: the alias can never be read again.' })
  erased!: boolean;
}
