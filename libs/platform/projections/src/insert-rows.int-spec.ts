import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { insertRows } from './insert-rows';

const asNumber = { to: (value: number) => value, from: (value: string) => Number(value) };

/** Every column type Haven's read models use, with the options they use them with. */
abstract class Sample {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('bigint', { transformer: asNumber })
  position!: number;

  @Column('int', { nullable: true })
  count!: number | null;

  @Column('boolean')
  open!: boolean;

  @Column('date', { nullable: true })
  openedOn!: string | null;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  @Column('jsonb', { nullable: true })
  detail!: Record<string, unknown> | null;

  @Column('jsonb', { default: () => `'[]'::jsonb` })
  history?: unknown[];

  @Column('uuid', { array: true })
  people!: string[];

  @Column('text', { array: true, default: () => `'{}'` })
  tags?: string[];

  @Column('date', { array: true, default: () => `'{}'` })
  days?: string[];

  @Column('varchar', { length: 4, nullable: true })
  code!: string | null;
}

@Entity({ schema: 'insert_rows', name: 'built_here' })
class BuiltHere extends Sample {}

@Entity({ schema: 'insert_rows', name: 'built_by_typeorm' })
class BuiltByTypeorm extends Sample {}

const awkward = `quote " backslash \\ comma , brace { } apostrophe ' and ภาษาไทย`;

function sample(index: number, overrides: Partial<Sample> = {}): Sample {
  return {
    id: randomUUID(),
    name: `${awkward} ${index}`,
    note: index % 2 ? null : awkward,
    position: 9_007_199_254_740_000 + index,
    count: index % 3 ? index : null,
    open: index % 2 === 0,
    openedOn: index % 4 ? '2020-12-31' : null,
    recordedAt: new Date(Date.UTC(2021, 0, 1, 0, 0, index % 60, 123)),
    detail: index % 5 ? { nested: { list: [1, 'two', null], text: awkward } } : null,
    ...(index % 2 ? { history: [{ at: index }] } : {}),
    people: [randomUUID(), randomUUID()],
    ...(index % 3 ? { tags: [awkward, '', 'NULL', 'plain'] } : {}),
    ...(index % 2 ? { days: ['2020-01-01', '2020-12-31'] } : {}),
    code: index % 2 ? 'TH' : null,
    ...overrides,
  } as Sample;
}

describe('insertRows', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('insert_rows');
    const setup = new DataSource({ type: 'postgres', url: db.url });
    await setup.initialize();
    await setup.query('CREATE SCHEMA insert_rows');
    await setup.destroy();
    dataSource = new DataSource({
      type: 'postgres',
      url: db.url,
      entities: [BuiltHere, BuiltByTypeorm],
      synchronize: true,
    });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  afterEach(() => jest.restoreAllMocks());

  const stored = (table: string) =>
    dataSource.query(
      `SELECT to_jsonb(t) - 'id' AS row FROM insert_rows.${table} t ORDER BY position`,
    ) as Promise<Array<{ row: unknown }>>;

  it('writes every column type exactly as TypeORM’s InsertQueryBuilder does, defaults included', async () => {
    const rows = Array.from({ length: 40 }, (_, index) => sample(index));
    await insertRows(dataSource.manager, BuiltHere, rows, { doNothing: true });
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(BuiltByTypeorm)
      // TypeORM's deep-partial type does not take the JSON column's Record type; the rows are whole.
      .values(rows as QueryDeepPartialEntity<BuiltByTypeorm>[])
      .updateEntity(false)
      .execute();
    const here = await stored('built_here');
    expect(here).toHaveLength(40);
    expect(here).toEqual(await stored('built_by_typeorm'));
    // Defaults were applied where a value was left out, and values kept where given.
    expect(here[0].row).toMatchObject({ history: [], tags: [], days: [] });
    expect(here[1].row).toMatchObject({
      history: [{ at: 1 }],
      tags: [awkward, '', 'NULL', 'plain'],
      days: ['2020-01-01', '2020-12-31'],
    });
  });

  it('on a conflict, updates only the listed columns, or leaves the stored row as it is', async () => {
    await dataSource.query('TRUNCATE insert_rows.built_here');
    const first = sample(1, { name: 'first', note: 'kept' });
    await insertRows(dataSource.manager, BuiltHere, [first], { doNothing: true });

    await insertRows(dataSource.manager, BuiltHere, [{ ...first, name: 'ignored' }], {
      doNothing: true,
    });
    await insertRows(dataSource.manager, BuiltHere, [{ ...first, name: 'second', note: 'lost' }], {
      conflict: ['id'],
      update: ['name'],
    });
    const [row] = await dataSource.query('SELECT name, note FROM insert_rows.built_here');
    expect(row).toEqual({ name: 'second', note: 'kept' });
  });

  it('writes rows that give the same columns in one statement, however many', async () => {
    await dataSource.query('TRUNCATE insert_rows.built_here, insert_rows.built_by_typeorm');
    // Every column given: one shape. 6,000 rows of 14 columns would have been 84,000 parameters
    // as a VALUES list, more than a statement may carry; as arrays they are 14.
    const rows = Array.from({ length: 6000 }, (_, index) =>
      sample(index, { history: [index], tags: [`t${index}`, awkward], days: ['2024-02-29'] }),
    );
    const statements = countingStatements();
    await insertRows(dataSource.manager, BuiltHere, rows, { doNothing: true });
    expect(statements.count()).toBe(1);
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(BuiltByTypeorm)
      .values(rows.slice(0, 500) as QueryDeepPartialEntity<BuiltByTypeorm>[])
      .updateEntity(false)
      .execute();
    const here = await stored('built_here');
    expect(here).toHaveLength(6000);
    expect(here.slice(0, 500)).toEqual(await stored('built_by_typeorm'));
  });

  it('refuses a value too long for its column instead of cutting it, and writes nothing', async () => {
    await dataSource.query('TRUNCATE insert_rows.built_here');
    await expect(
      insertRows(dataSource.manager, BuiltHere, [sample(1, { code: 'TOO-LONG' })], {
        doNothing: true,
      }),
    ).rejects.toThrow(/too long/);
    expect(await stored('built_here')).toEqual([]);
  });

  /** Counts the statements the data source runs until the test ends. */
  function countingStatements(): { count(): number } {
    const query = dataSource.manager.query.bind(dataSource.manager);
    let count = 0;
    jest.spyOn(dataSource.manager, 'query').mockImplementation((sql, parameters) => {
      count++;
      return query(sql, parameters);
    });
    return { count: () => count };
  }
});
