// What every list of protection shares: the page info, the page size limit, and opaque cursors.
import { Field, ObjectType } from '@nestjs/graphql';
import { allow, Policy, RECORD_READER_ROLES } from '@haven/platform/security';
import { clientError } from '@haven/platform/nest';

export const MAX_PAGE_SIZE = 100;

@ObjectType()
// Every list's readers are record readers (each list has its own, narrower, policy).
@Policy(allow(RECORD_READER_ROLES))
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** Cursors are opaque to clients; inside, a kind and a position (e.g. `registered:42`). */
export function encodePositionCursor(kind: string, position: number): string {
  return Buffer.from(`${kind}:${position}`).toString('base64url');
}

/** The position in a cursor of this kind, or undefined when it is not one of ours. */
export function decodePositionCursor(kind: string, cursor: string): number | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const prefix = `${kind}:`;
  if (!text.startsWith(prefix)) return undefined;
  const position = Number(text.slice(prefix.length));
  return Number.isSafeInteger(position) && position >= 0 ? position : undefined;
}

/** The position after which a page starts, or a BAD_USER_INPUT error for a foreign cursor. */
export function pageAfter(kind: string, after: string | null | undefined): number | undefined {
  if (!after) return undefined;
  const position = decodePositionCursor(kind, after);
  if (position === undefined) {
    throw clientError('BAD_USER_INPUT', 'after is not a cursor from a previous page.', {
      fields: [{ field: 'after', messages: ['not a cursor from a previous page'] }],
    });
  }
  return position;
}
