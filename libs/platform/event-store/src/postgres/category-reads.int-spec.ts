import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import type { NewEvent } from '../event-store';
import { migrateEventStore } from './migrations';
import { PostgresEventStore } from './postgres-event-store';
import { READ_BELOW_IN_CATEGORIES_SQL } from './read-sql';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

const step = (n: number): NewEvent => ({
  type: 'Step',
  data: { n },
  metadata: {
    actorId: 'a',
    role: 'admin',
    organisationId: null,
    correlationId: 'c',
    causationId: null,
    occurredAt: '2026-01-01T00:00:00Z',
  },
});

/**
 * A category's page must come from the (stream_category, global_position) index. Planned without
 * knowing the category, `stream_category = $x AND global_position >= $1` let PostgreSQL walk the
 * primary key instead and read every later event's row to filter on its category (ADR 24).
 */
describe('category reads', () => {
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase('event_store_category_plans');
    await migrateEventStore(db.url);
    const store = new PostgresEventStore({ connectionString: db.url });
    try {
      // A dense category and a sparse one: one sparse event after every 100 dense ones.
      for (let i = 0; i < 40; i++) {
        await store.append(
          `dense-${i}`,
          Array.from({ length: 100 }, (_, n) => step(n)),
          'no_stream',
        );
        await store.append(`sparse-${i}`, [step(0)], 'no_stream');
      }
      const sparse = await store.readAll({ categories: ['sparse'], limit: 100 });
      expect(sparse.map((event) => event.streamId)).toEqual(
        Array.from({ length: 40 }, (_, i) => `sparse-${i}`),
      );
    } finally {
      await store.close();
    }
    client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query('ANALYZE event_store.events');
    await client.query(
      `PREPARE read_in_categories(bigint, bigint, int, text[]) AS ${READ_BELOW_IN_CATEGORIES_SQL}`,
    );
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it.each(['force_custom_plan', 'force_generic_plan'])(
    'read a sparse category from the category index, never filtering the log by category (%s)',
    async (mode) => {
      await client.query(`SET plan_cache_mode = ${mode}`);
      const { rows } = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
        `EXPLAIN (FORMAT JSON) EXECUTE read_in_categories(1, 1000000, 1000, '{sparse,dense}')`,
      );
      const nodes = nodesOf(rows[0]['QUERY PLAN'][0].Plan);
      expect(nodes.map((node) => node['Index Name'])).toContain('events_category_position');
      expect(nodes.filter((node) => node.Filter?.includes('stream_category'))).toEqual([]);
    },
  );
});
