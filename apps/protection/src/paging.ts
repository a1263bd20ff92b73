// Protection's page info; the page arguments and cursors are platform/nest's.
import { Field, ObjectType } from '@nestjs/graphql';
import { allow, Policy, RECORD_READER_ROLES } from '@haven/platform/security';

export {
  decodePositionCursor,
  encodePositionCursor,
  MAX_PAGE_SIZE,
  PageArgs,
  pageAfter,
} from '@haven/platform/nest';

@ObjectType()
// Every list's readers are record readers (each list has its own, narrower, policy).
@Policy(allow(RECORD_READER_ROLES))
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
