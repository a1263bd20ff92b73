import { Client } from 'pg';
import { runMigrations } from '@haven/platform/database';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { TreeStore } from '../tree-store';
import { CreateAuditTree1767000000000 } from './1767000000000-create-audit-tree';
import { CreateVerificationJobs1767500000000 } from './1767500000000-create-verification-jobs';
import { LeafRuns1767900000000 } from './1767900000000-leaf-runs';

const BEFORE = [CreateAuditTree1767000000000, CreateVerificationJobs1767500000000];
const LEAVES_SQL = `SELECT log, leaf_index::text, source_position::text, encode(leaf_hash, 'hex') AS hash
  FROM audit.tree_leaves ORDER BY log, leaf_index`;

describe('migration 1767900000000: leaves stored in runs', () => {
  let db: TestDatabase;
  let client: Client;
  beforeAll(async () => {
    db = await createTestDatabase('leafruns');
    await runMigrations(db.url, { schema: 'audit', migrations: BEFORE });
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('moves a tree of a row per leaf into runs that serve the same leaves, and back down row for row', async () => {
    // Leaf i of event_store at position 10 + 3i (positions with gaps); a short second log.
    await client.query(`INSERT INTO audit.tree_leaves
      SELECT 'event_store', i, 10 + 3 * i, sha256(int8send(i)) FROM generate_series(0, 2499) i`);
    await client.query(`INSERT INTO audit.tree_leaves
      SELECT 'access_log', i, 5 + i, sha256(int8send(100000 + i)) FROM generate_series(0, 9) i`);
    const before = (await client.query(LEAVES_SQL)).rows;

    await runMigrations(db.url, {
      schema: 'audit',
      migrations: [...BEFORE, LeafRuns1767900000000],
    });
    const { rows: runs } = await client.query<{ log: string; first_leaf: string; n: number }>(
      `SELECT log, first_leaf, cardinality(positions) AS n FROM audit.tree_leaf_runs ORDER BY log, first_leaf`,
    );
    expect(runs.map((r) => [r.log, Number(r.first_leaf), r.n])).toEqual([
      ['access_log', 0, 10],
      ['event_store', 0, 1024],
      ['event_store', 1024, 1024],
      ['event_store', 2048, 452],
    ]);
    const tree = new TreeStore(client, 'event_store');
    const hashOf = (i: number) =>
      before.find((r) => r.log === 'event_store' && r.leaf_index === String(i))?.hash;
    expect(await tree.leafAt(10 + 3 * 1500)).toEqual({
      index: 1500,
      hash: Buffer.from(hashOf(1500)!, 'hex'),
    });
    expect(await tree.leafAt(11)).toBeNull(); // a position between two leaves
    expect(await tree.leavesBelow(0)).toBe(0);
    expect(await tree.leavesBelow(11)).toBe(1);
    expect(await tree.leavesBelow(10 + 3 * 1024)).toBe(1024); // the first leaf of a run
    expect(await tree.leavesBelow(99_999)).toBe(2500);
    const between = await tree.leavesBetween(3080, 3100);
    expect([...between.keys()]).toEqual([3082, 3085, 3088, 3091, 3094, 3097, 3100]);
    expect(between.get(3082)).toEqual({ index: 1024, hash: Buffer.from(hashOf(1024)!, 'hex') });
    const nodes = await tree.fetchNodes([
      { level: 0, index: 1023 },
      { level: 0, index: 2499 },
      { level: 0, index: 2500 }, // beyond the tree: not found
    ]);
    expect([...nodes.keys()].sort()).toEqual(['0:1023', '0:2499']);
    expect(nodes.get('0:2499')).toEqual(Buffer.from(hashOf(2499)!, 'hex'));
    await expect(client.query('DELETE FROM audit.tree_leaf_runs')).rejects.toThrow(/append-only/);

    await new LeafRuns1767900000000().down({
      query: (sql: string) => client.query(sql),
    } as never);
    expect((await client.query(LEAVES_SQL)).rows).toEqual(before);
  });
});
