import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsDay, IsId, IsShorterThan, payloadType } from '@haven/platform/nest';
import type { NoteTopic } from '@haven/empowerment/domain';
import { Policy } from '@haven/platform/security';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { NoteTopicEnum } from '../enums';
import { EmpowermentPolicy } from '../policies';
import { MAX_NOTE } from '../validation';

@ObjectType({
  description:
    'A counselling note or the family situation: personal data, sealed with the person’s key. ' +
    'Every read is written to the access log; after erasure the text is null.',
})
@Policy(EmpowermentPolicy.readNotes)
export class EmpowermentNote {
  @Field(() => ID)
  id!: string;

  @Field(() => NoteTopicEnum)
  topic!: NoteTopic;

  @Field()
  writtenOn!: string;

  @Field()
  writtenBy!: string;

  @Field(() => String, { nullable: true, description: 'Null once the person was erased.' })
  text!: string | null;
}

@ObjectType()
@Policy(EmpowermentPolicy.payload)
export class RecordedNote {
  @Field(() => ID)
  id!: string;
}
export const EmpowermentNotePayload = payloadType('EmpowermentNotePayload', RecordedNote);
export type EmpowermentNotePayload = InstanceType<typeof EmpowermentNotePayload>;

@InputType()
export class RecordEmpowermentNoteInput {
  @Field(() => ID)
  @IsId('enrolmentId')
  enrolmentId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId('noteId')
  noteId?: string | null;

  @Field(() => NoteTopicEnum)
  @IsIn(Object.values(NoteTopicEnum))
  topic!: NoteTopic;

  @Field()
  @IsDay('writtenOn')
  writtenOn!: string;

  @Field({ description: `Free text, at most ${MAX_NOTE} characters.` })
  @IsString()
  @IsShorterThan('text', MAX_NOTE)
  text!: string;
}
