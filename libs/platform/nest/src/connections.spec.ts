import { decodePositionCursor } from './paging';
import { toConnection } from './connections';

describe('toConnection', () => {
  const page = (totalCount: number | (() => Promise<number>)) => ({
    rows: [{ position: 7 }, { position: 9 }],
    hasNextPage: true,
    totalCount,
  });

  it('makes edges with position cursors, and the page info of the last edge', () => {
    const connection = toConnection(
      'case',
      page(5),
      (row) => row.position,
      (row) => row.position,
    );
    expect(connection.edges.map((edge) => edge.node)).toEqual([7, 9]);
    expect(decodePositionCursor('case', connection.edges[1].cursor)).toBe(9);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      endCursor: connection.edges[1].cursor,
    });
    expect(connection.totalCount).toBe(5);
  });

  it('counts lazily: only when totalCount is read, as a value GraphQL can await', async () => {
    const count = jest.fn(async () => 42);
    const connection = toConnection(
      'case',
      page(count),
      (row) => row.position,
      (row) => row,
    );
    expect(count).not.toHaveBeenCalled();
    await expect(connection.totalCount).resolves.toBe(42);
    expect(count).toHaveBeenCalledTimes(1);
  });
});
