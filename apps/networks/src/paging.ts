// What every list of networks shares: its page info and pages; the page arguments and cursors
// are platform/nest's.
import { Field, ObjectType } from '@nestjs/graphql';
import { encodePositionCursor } from '@haven/platform/nest';
import { allow, Policy } from '@haven/platform/security';

export { MAX_PAGE_SIZE, PageArgs, pageAfter } from '@haven/platform/nest';

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
    cursor: encodePositionCursor(kind, position(row)),
    node: toNode(row),
  }));
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}
