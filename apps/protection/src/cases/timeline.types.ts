// The GraphQL shapes of timelines: what happened, from any service, oldest first.
import { ArgsType, Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Policy } from '@haven/platform/security';
import { connectionType } from '@haven/platform/nest';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '../paging';
import { ProtectionPolicy } from '../policies';

import type { Connection } from '@haven/platform/nest';
import { DATE_DESCRIPTION } from './case.enums';

const READ_CASES = ProtectionPolicy.readCases;

// ---- Timelines. ---------------------------------------------------------------------------

@ObjectType({
  description:
    'What a timeline entry shows of its event: the facts that event type has (the others are ' +
    'null), never free text or personal data.',
})
@Policy(READ_CASES)
export class TimelineSummary {
  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => String, { nullable: true })
  province!: string | null;

  @Field(() => Boolean, { nullable: true })
  abroad!: boolean | null;

  @Field(() => String, { nullable: true })
  formOfExploitation!: string | null;

  @Field(() => Int, { nullable: true, description: 'How many possible victims were reported.' })
  possibleVictims!: number | null;

  @Field(() => Int, { nullable: true, description: 'How many of them were reported minors.' })
  minors!: number | null;

  @Field(() => String, { nullable: true })
  reportedBy!: string | null;

  @Field(() => ID, { nullable: true })
  sourceNotificationId!: string | null;

  @Field(() => ID, { nullable: true })
  beneficiaryId!: string | null;

  @Field(() => String, { nullable: true })
  referenceCode!: string | null;

  @Field(() => Boolean, { nullable: true })
  minor!: boolean | null;

  @Field(() => ID, { nullable: true })
  noteId!: string | null;

  @Field(() => ID, { nullable: true })
  operationId!: string | null;

  @Field(() => ID, { nullable: true })
  placementId!: string | null;

  @Field(() => String, { nullable: true, description: DATE_DESCRIPTION })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'A placement’s first day.' })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'A placement’s last day.' })
  to!: string | null;

  @Field(() => Int, { nullable: true })
  victimsRescued!: number | null;

  @Field(() => Int, { nullable: true, description: 'How many partner agencies took part.' })
  partnerAgencies!: number | null;

  @Field(() => String, { nullable: true })
  outcome!: string | null;

  @Field(() => String, { nullable: true })
  step!: string | null;

  @Field(() => String, { nullable: true, description: 'A guardian or shelter contact’s kind.' })
  kind!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why a case was closed or reopened, or a notification rejected.',
  })
  reason!: string | null;

  @Field(() => ID, { nullable: true, description: 'The notification a duplicate repeats.' })
  duplicateOf!: string | null;
}

@ObjectType({
  description:
    'Something that happened, from any service: what (the event type and a few facts, never ' +
    'personal data), who (user id and role) and when.',
})
@Policy(READ_CASES)
export class TimelineEntry {
  @Field(() => Float, { description: 'Its position in the global event log: the order.' })
  position!: number;

  @Field({ description: 'The event type, e.g. VictimAddedToCase.' })
  type!: string;

  @Field(() => TimelineSummary)
  summary!: TimelineSummary;

  @Field()
  actorId!: string;

  @Field()
  role!: string;

  @Field(() => GraphQLISODateTime)
  occurredAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The case it belongs to, if any.' })
  caseId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The case notification it belongs to, if any.' })
  notificationId!: string | null;
}

/** A timeline, oldest first. */
export const TimelineConnection = connectionType('Timeline', TimelineEntry, READ_CASES);
export type TimelineConnection = Connection<TimelineEntry>;

@ArgsType()
export class TimelineArgs {
  @Field(() => Int, { defaultValue: 50, description: `At most ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'after must be a cursor from a previous page' })
  after?: string | null;
}
