// What every list and every mutation result of every service shares: one page info, connection
// and payload types made by factories, keyset pages over a position column, and read-your-writes.
import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { allow, Policy, type AccessPolicy } from '@haven/platform/security';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ServiceDatabase } from './database';
import { encodePositionCursor } from './paging';

@ObjectType({ description: 'Where a page of a list ends.' })
@Directive('@shareable')
// Each list has its own, narrower, policy; whoever got the list may read where it ends.
@Policy(allow('any'))
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor to pass as `after`.' })
  endCursor!: string | null;
}

export interface Edge<Node> {
  cursor: string;
  node: Node;
}

/**
 * A count, or how to count: GraphQL calls the function only when `totalCount` is selected, so a
 * page whose count nobody asked for costs no count query.
 */
export type Count = number | (() => Promise<number>);

export interface Connection<Node> {
  edges: Array<Edge<Node>>;
  pageInfo: PageInfo;
  totalCount: Count;
}

/**
 * The `<Name>Connection` and `<Name>Edge` GraphQL types of a list of `node`, both under the
 * list's policy. `totalCount` counts every item the filters match, not only this page's.
 */
export function connectionType<Node>(
  name: string,
  node: Type<Node>,
  policy: AccessPolicy,
): Type<Connection<Node>> {
  @ObjectType(`${name}Edge`)
  @Policy(policy)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: Node;
  }

  @ObjectType(`${name}Connection`)
  @Policy(policy)
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: Array<Edge<Node>>;

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the list has in all, with its filters.' })
    totalCount!: Count;
  }
  return ConnectionType;
}

export interface Payload<Node> {
  id: string;
  streamVersion: number;
  node: Node | null;
}

/**
 * A mutation's result: the record's id, the stream version the command wrote, and the record
 * as the read model shows it (null only when the read model did not catch up in time).
 */
export function payloadType<Node>(name: string, node: Type<Node>): Type<Payload<Node>> {
  @ObjectType(name)
  @Policy(allow('any'))
  class PayloadType {
    @Field(() => ID)
    id!: string;

    @Field(() => Int, { description: 'The version of the record’s stream after the mutation.' })
    streamVersion!: number;

    @Field(() => node, {
      nullable: true,
      description:
        'Null only if the read model did not catch up within 5 seconds; the change is recorded all the same.',
    })
    node!: Node | null;
  }
  return PayloadType;
}

export interface RowPage<Row> {
  rows: Row[];
  hasNextPage: boolean;
  totalCount: Count;
}

/**
 * A keyset page of rows ordered by a position column (the global position of the event that
 * created them): `first` rows after `after`, and how to count all rows the query matches.
 */
export async function keysetPage<Row extends ObjectLiteral>(
  query: SelectQueryBuilder<Row>,
  options: { position: string; first: number; after: number | undefined },
): Promise<RowPage<Row>> {
  const alias = query.alias;
  // Counted when the client selects totalCount, not for every page.
  const totalCount = () => query.clone().getCount();
  const page = query.clone().orderBy(`${alias}.${options.position}`, 'ASC').take(undefined);
  page.limit(options.first + 1);
  if (options.after !== undefined) {
    page.andWhere(`${alias}.${options.position} > :pageAfter`, { pageAfter: options.after });
  }
  const rows = await page.getMany();
  return {
    rows: rows.slice(0, options.first),
    hasNextPage: rows.length > options.first,
    totalCount,
  };
}

/** A connection from a page of rows: each edge's cursor is its row's position, of `kind`. */
export function toConnection<Row, Node>(
  kind: string,
  page: RowPage<Row>,
  positionOf: (row: Row) => number,
  toNode: (row: Row) => Node,
): Connection<Node> {
  const edges = page.rows.map((row) => ({
    cursor: encodePositionCursor(kind, positionOf(row)),
    node: toNode(row),
  }));
  const { totalCount } = page;
  const connection = {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
  } as Connection<Node>;
  // A getter, so that the count runs only when `totalCount` is read: whatever resolves the field
  // reads the property, and GraphQL awaits the promise a lazy count gives.
  Object.defineProperty(connection, 'totalCount', {
    enumerable: true,
    get: typeof totalCount === 'function' ? totalCount : () => totalCount,
  });
  return connection;
}

/**
 * Read your writes: `read()` once this service's projections have applied the log up to
 * `position`, or null when they did not within the wait (the write stands all the same).
 */
export async function afterWrite<T>(
  database: ServiceDatabase,
  position: number,
  read: () => Promise<T | null>,
): Promise<T | null> {
  try {
    await database.waitForProjections(position);
  } catch {
    return null;
  }
  return read();
}
