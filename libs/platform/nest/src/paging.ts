// What every cursor-paged list of every service shares: the page size limit, the page
// arguments, and opaque cursors over a global position.
import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { clientError } from './errors';

export const MAX_PAGE_SIZE = 100;

/** `first` and `after`: a list's own arguments extend these. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `At most ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first!: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'after must be a cursor from a previous page' })
  after?: string | null;
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
