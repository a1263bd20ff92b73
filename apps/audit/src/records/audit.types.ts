import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Policy } from '@haven/platform/security';
import { AuditPolicy } from '../policies';

@ObjectType({
  description:
    'An event as stored: data and metadata as their exact JSON text, personal fields sealed.',
})
@Policy(AuditPolicy.audit)
export class AuditEventType {
  @Field(() => Int) globalPosition!: number;
  @Field(() => Int) streamVersion!: number;
  @Field() eventId!: string;
  @Field() type!: string;
  @Field(() => Int) schemaVersion!: number;
  @Field({ description: 'The data as stored (JSON text); sealed fields stay sealed.' })
  data!: string;
  @Field({ description: 'The metadata as stored (JSON text).' }) metadata!: string;
  @Field(() => GraphQLISODateTime) recordedAt!: Date;
}

@ObjectType({ description: 'A stream as it stood at a date or a position.' })
@Policy(AuditPolicy.audit)
export class AuditStreamType {
  @Field() streamId!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) asOf!: Date | null;
  @Field(() => Int, { nullable: true }) upToPosition!: number | null;
  @Field(() => [AuditEventType]) events!: AuditEventType[];
}

@ObjectType({
  description:
    "A record's state as of a date or a position, rebuilt through its service's own evolve.",
})
@Policy(AuditPolicy.audit)
export class AuditRecordType {
  @Field() streamId!: string;
  @Field() recordType!: string;
  @Field() service!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) asOf!: Date | null;
  @Field(() => Int, { nullable: true }) upToPosition!: number | null;
  @Field(() => Int, { description: 'The stream version the state includes (0: none yet).' })
  version!: number;
  @Field(() => Int, { nullable: true }) lastPosition!: number | null;
  @Field({ description: 'The domain state as JSON; sealed fields stay sealed.' }) state!: string;
}

@ObjectType()
@Policy(AuditPolicy.audit)
export class AuditBrokenLinkType {
  @Field(() => Int, { nullable: true, description: 'The line of the export, when verifying one.' })
  line!: number | null;
  @Field() reason!: string;
  @Field() detail!: string;
  @Field({ nullable: true }) eventId?: string;
  @Field(() => Int, { nullable: true }) globalPosition?: number;
  @Field({ nullable: true }) streamId?: string;
  @Field(() => Int, { nullable: true }) streamVersion?: number;
}

@ObjectType()
@Policy(AuditPolicy.audit)
export class AuditStreamVerificationType {
  @Field() streamId!: string;
  @Field() ok!: boolean;
  @Field(() => Int) eventsChecked!: number;
  @Field(() => AuditBrokenLinkType, { nullable: true })
  firstBrokenLink!: AuditBrokenLinkType | null;
}

@ObjectType({
  description:
    'A signed tree head. Keep its fields as JSON: the offline verifier takes it as --trusted-checkpoint.',
})
@Policy(AuditPolicy.audit)
export class AuditCheckpointType {
  @Field() log!: string;
  @Field(() => Int) size!: number;
  @Field() root!: string;
  @Field(() => Int) position!: number;
  @Field() time!: string;
  @Field() previous!: string;
  @Field() signature!: string;
  @Field() keyId!: string;
  @Field({ description: "SHA-256 of the checkpoint's signed body (what the next one names)." })
  hash!: string;
}

@ObjectType()
@Policy(AuditPolicy.audit)
export class AuditLogVerificationType {
  @Field() ok!: boolean;
  @Field(() => Int) eventsChecked!: number;
  @Field(() => AuditCheckpointType, { nullable: true }) checkpoint!: AuditCheckpointType | null;
  @Field(() => AuditBrokenLinkType, { nullable: true })
  firstBrokenLink!: AuditBrokenLinkType | null;
  @Field(() => Int) problemCount!: number;
  @Field(() => [AuditBrokenLinkType]) problems!: AuditBrokenLinkType[];
}

@ObjectType({ description: 'RFC 9162 inclusion proof of an event in the tree of a checkpoint.' })
@Policy(AuditPolicy.audit)
export class AuditInclusionProofType {
  @Field(() => Int) globalPosition!: number;
  @Field(() => Int) leafIndex!: number;
  @Field(() => Int) treeSize!: number;
  @Field({ description: 'SHA-256(0x00 ‖ the event’s stored hash), hex.' }) leafHash!: string;
  @Field() root!: string;
  @Field(() => [String]) hashes!: string[];
}

@ObjectType({ description: 'RFC 9162 consistency proof: the later tree extends the earlier one.' })
@Policy(AuditPolicy.audit)
export class AuditConsistencyProofType {
  @Field(() => Int) fromSize!: number;
  @Field(() => Int) toSize!: number;
  @Field() fromRoot!: string;
  @Field() toRoot!: string;
  @Field(() => [String]) hashes!: string[];
}

@ObjectType()
@Policy(AuditPolicy.audit)
export class AuditPublicKeyType {
  @Field() keyId!: string;
  @Field({ description: 'Ed25519 public key, PEM (SPKI).' }) pem!: string;
}

@ObjectType({ description: 'A page of an audit export: JSON Lines, one string per line.' })
@Policy(AuditPolicy.audit)
export class AuditExportType {
  @Field(() => Int, { description: 'The events on this page.' }) events!: number;
  @Field(() => [String]) lines!: string[];
  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the next page (pass it as `after`); null on the last page.',
  })
  nextPage!: string | null;
}
