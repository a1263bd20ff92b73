// What every list of networks shares: the page info, the page size limit, and opaque cursors.
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { clientError } from '@haven/platform/nest';
import { allow, Policy } from '@haven/platform/security';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

// Not `PageInfo`: protection declares that type without @shareable, and a value type two
// subgraphs resolve must be shareable in both.
@ObjectType({ description: 'Where a page of a networks list ends.' })
// Each list has its own, narrower, policy; whoever got the list may read where it ends.
@Policy(allow('any'))
export class NetworksPageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** Cursors are opaque to clients; inside, a kind and a global position (e.g. `watchdog:42`). */
export function encodeCursor(kind: string, position: number): string {
  return Buffer.from(`${kind}:${position}`).toString('base64url');
}

/** The position after which a page starts, or a BAD_USER_INPUT error for a foreign cursor. */
export function pageAfter(kind: string, after: string | null | undefined): number | undefined {
  if (!after) return undefined;
  const text = Buffer.from(after, 'base64url').toString('utf8');
  const position = text.startsWith(`${kind}:`) ? Number(text.slice(kind.length + 1)) : NaN;
  if (!Number.isSafeInteger(position) || position < 0) {
    throw clientError('BAD_USER_INPUT', 'after is not a cursor from a previous page.', {
      fields: [{ field: 'after', messages: ['not a cursor from a previous page'] }],
    });
  }
  return position;
}

export interface Page<Node> {
  edges: Array<{ cursor: string; node: Node }>;
  pageInfo: NetworksPageInfo;
}

/** A page of nodes from a page of rows: each edge's cursor is its row's position. */
export function toPage<Row, Node>(
  kind: string,
  { rows, hasNextPage }: { rows: Row[]; hasNextPage: boolean },
  position: (row: Row) => number,
  toNode: (row: Row) => Node,
): Page<Node> {
  const edges = rows.map((row) => ({
    cursor: encodeCursor(kind, position(row)),
    node: toNode(row),
  }));
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}

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
