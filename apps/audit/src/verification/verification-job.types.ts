import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Policy } from '@haven/platform/security';
import { AuditPolicy } from '../policies';
import { AuditLogVerificationType } from '../records/audit.types';

export enum AuditVerificationStatus {
  RUNNING = 'RUNNING',
  VERIFIED = 'VERIFIED',
  FAILED = 'FAILED',
  INTERRUPTED = 'INTERRUPTED',
}

registerEnumType(AuditVerificationStatus, {
  name: 'AuditVerificationStatus',
  description:
    'RUNNING; VERIFIED (nothing wrong); FAILED (problems found: see the report); INTERRUPTED (the service stopped mid-run: start it again).',
});

@ObjectType({
  description:
    'A verification of the log running in the background: ask for it by id until it has finished.',
})
@Policy(AuditPolicy.audit)
export class AuditLogVerificationJobType {
  @Field(() => ID) id!: string;
  @Field(() => AuditVerificationStatus) status!: AuditVerificationStatus;
  @Field(() => Int, { nullable: true }) fromPosition!: number | null;
  @Field(() => Int, { nullable: true }) toPosition!: number | null;
  @Field(() => Int, { description: 'The tree size of the checkpoint it is proven against.' })
  checkpointSize!: number;
  @Field(() => Int, { description: 'Events checked so far.' }) processed!: number;
  @Field(() => Int, { description: 'Events the range holds, as the tree recorded them.' })
  total!: number;
  @Field(() => GraphQLISODateTime) startedAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When it last reported progress.' })
  updatedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt!: Date | null;
  @Field(() => AuditLogVerificationType, {
    nullable: true,
    description: 'The report, once VERIFIED or FAILED.',
  })
  report!: AuditLogVerificationType | null;
}
