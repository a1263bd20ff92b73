import type { Pool, PoolClient } from 'pg';
import type { SignedCheckpoint } from '../checkpoints/checkpoint';
import {
  MerkleFrontier,
  nodeHash,
  nodeKey,
  withFetchedNodes,
  type NodeSource,
  type TreeNode,
} from '../merkle';

export type AuditQueryable = Pick<Pool | PoolClient, 'query'>;

export interface TreeState {
  size: number;
  lastPosition: number;
  frontier: MerkleFrontier;
}

interface CheckpointRow {
  log: string;
  size: string;
  root: string;
  position: string;
  time: string;
  previous: string;
  signature: string;
  key_id: string;
}

const CHECKPOINT_COLUMNS = 'log, size, root, position, time, previous, signature, key_id';

function toCheckpoint(row: CheckpointRow): SignedCheckpoint {
  return {
    log: row.log,
    size: Number(row.size),
    root: row.root,
    position: Number(row.position),
    time: row.time,
    previous: row.previous,
    signature: row.signature,
    keyId: row.key_id,
  };
}

/**
 * Inner nodes below this level are not stored: each is the hash of at most 2^(level) stored
 * leaves, recomputed when a proof needs it. It leaves an eighth as many node rows as leaves
 * instead of one per leaf, so keeping the tree writes about half as much beside the appends
 * (docs/adr/0016).
 */
export const LOWEST_STORED_LEVEL = 4;

/** Leaves per stored run (see the migration `1767900000000-leaf-runs`). */
const LEAVES_PER_RUN = 1024;

/** The `audit` schema's tables, for one log. */
export class TreeStore {
  constructor(
    private readonly db: AuditQueryable,
    readonly log: string,
  ) {}

  /** The follower's state, locked FOR UPDATE when `client` holds a transaction. */
  async state(client: AuditQueryable = this.db, lock = false): Promise<TreeState> {
    await client.query(
      `INSERT INTO audit.tree_state (log, size, last_position) VALUES ($1, 0, 0)
       ON CONFLICT (log) DO NOTHING`,
      [this.log],
    );
    const { rows } = await client.query<{ size: string; last_position: string }>(
      `SELECT size, last_position FROM audit.tree_state WHERE log = $1${lock ? ' FOR UPDATE' : ''}`,
      [this.log],
    );
    const size = Number(rows[0].size);
    const shape = MerkleFrontier.nodesOf(size);
    const found = await this.fetchNodes(shape, client);
    const nodes = shape.map((node) => ({
      ...node,
      hash: found.get(nodeKey(node.level, node.index)) as Buffer,
    }));
    return {
      size,
      lastPosition: Number(rows[0].last_position),
      frontier: new MerkleFrontier(size, nodes),
    };
  }

  /** Stores a batch of leaves, the subtrees they complete, and the new state. */
  async append(
    client: AuditQueryable,
    leaves: ReadonlyArray<{ position: number; hash: Buffer }>,
    created: readonly TreeNode[],
    state: { size: number; lastPosition: number },
  ): Promise<void> {
    const leafNodes = created.filter((node) => node.level === 0);
    for (let start = 0; start < leaves.length; start += LEAVES_PER_RUN) {
      const run = leaves.slice(start, start + LEAVES_PER_RUN);
      await client.query(
        `INSERT INTO audit.tree_leaf_runs (log, first_leaf, first_position, positions, leaf_hashes)
         VALUES ($1, $2, $3, $4::bigint[], $5)`,
        [
          this.log,
          leafNodes[start].index,
          run[0].position,
          run.map((leaf) => leaf.position),
          Buffer.concat(leafNodes.slice(start, start + LEAVES_PER_RUN).map((node) => node.hash)),
        ],
      );
    }
    const inner = created.filter((node) => node.level >= LOWEST_STORED_LEVEL);
    if (inner.length) {
      await client.query(
        `INSERT INTO audit.tree_nodes (log, level, node_index, hash)
         SELECT $1, l, i, h FROM unnest($2::smallint[], $3::bigint[], $4::bytea[]) AS t(l, i, h)`,
        [this.log, inner.map((n) => n.level), inner.map((n) => n.index), inner.map((n) => n.hash)],
      );
    }
    await client.query(`UPDATE audit.tree_state SET size = $2, last_position = $3 WHERE log = $1`, [
      this.log,
      state.size,
      state.lastPosition,
    ]);
  }

  async fetchNodes(
    keys: ReadonlyArray<{ level: number; index: number }>,
    client: AuditQueryable = this.db,
  ): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    if (keys.length === 0) return found;
    // A node below the lowest stored level is read as the leaves it covers.
    const leaves = new Set<number>();
    const computed: Array<{ level: number; index: number }> = [];
    const stored: Array<{ level: number; index: number }> = [];
    for (const key of keys) {
      if (key.level >= LOWEST_STORED_LEVEL) stored.push(key);
      else {
        if (key.level > 0) computed.push(key);
        const width = 2 ** key.level;
        for (let i = key.index * width; i < (key.index + 1) * width; i++) leaves.add(i);
      }
    }
    const [leafRows, nodeRows] = await Promise.all([
      leaves.size
        ? client.query<{ leaf_index: string; leaf_hash: Buffer }>(
            `SELECT k.i AS leaf_index, substring(r.leaf_hashes FROM ((k.i - r.first_leaf) * 32 + 1)::int FOR 32) AS leaf_hash
               FROM unnest($2::bigint[]) AS k(i)
               CROSS JOIN LATERAL (
                 SELECT first_leaf, leaf_hashes FROM audit.tree_leaf_runs
                  WHERE log = $1 AND first_leaf <= k.i ORDER BY first_leaf DESC LIMIT 1) r
              WHERE k.i < r.first_leaf + octet_length(r.leaf_hashes) / 32`,
            [this.log, [...leaves]],
          )
        : { rows: [] },
      stored.length
        ? client.query<{ level: number; node_index: string; hash: Buffer }>(
            `SELECT n.level, n.node_index, n.hash FROM audit.tree_nodes n
               JOIN unnest($2::smallint[], $3::bigint[]) AS k(l, i) ON n.level = k.l AND n.node_index = k.i
              WHERE n.log = $1`,
            [this.log, stored.map((k) => k.level), stored.map((k) => k.index)],
          )
        : { rows: [] },
    ]);
    for (const row of leafRows.rows) found.set(nodeKey(0, Number(row.leaf_index)), row.leaf_hash);
    for (const row of nodeRows.rows)
      found.set(nodeKey(row.level, Number(row.node_index)), row.hash);
    for (const { level, index } of computed) {
      const hash = subtreeHash(found, level, index);
      if (hash) found.set(nodeKey(level, index), hash);
    }
    return found;
  }

  /** Runs proof-building work against the stored tree, reading every node it needs at once. */
  withNodes<T>(work: (source: NodeSource) => T): Promise<T> {
    return withFetchedNodes(work, (keys) => this.fetchNodes(keys));
  }

  async insertCheckpoint(
    client: AuditQueryable,
    checkpoint: SignedCheckpoint,
    hash: string,
  ): Promise<void> {
    await client.query(
      `INSERT INTO audit.checkpoints (log, size, root, position, signed_at, time, previous,
                                      checkpoint_hash, signature, key_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        checkpoint.log,
        checkpoint.size,
        checkpoint.root,
        checkpoint.position,
        checkpoint.time,
        checkpoint.time,
        checkpoint.previous,
        hash,
        checkpoint.signature,
        checkpoint.keyId,
      ],
    );
  }

  async latestCheckpoint(client: AuditQueryable = this.db): Promise<SignedCheckpoint | null> {
    const { rows } = await client.query<CheckpointRow>(
      `SELECT ${CHECKPOINT_COLUMNS} FROM audit.checkpoints WHERE log = $1 ORDER BY size DESC LIMIT 1`,
      [this.log],
    );
    return rows[0] ? toCheckpoint(rows[0]) : null;
  }

  /** The checkpoint of exactly this size, or null. */
  async checkpointOfSize(size: number): Promise<SignedCheckpoint | null> {
    const { rows } = await this.db.query<CheckpointRow>(
      `SELECT ${CHECKPOINT_COLUMNS} FROM audit.checkpoints WHERE log = $1 AND size = $2`,
      [this.log, size],
    );
    return rows[0] ? toCheckpoint(rows[0]) : null;
  }

  /** The newest checkpoint signed at or before `time`, or null. */
  async checkpointAsOf(time: Date): Promise<SignedCheckpoint | null> {
    const { rows } = await this.db.query<CheckpointRow>(
      `SELECT ${CHECKPOINT_COLUMNS} FROM audit.checkpoints WHERE log = $1 AND signed_at <= $2
        ORDER BY size DESC LIMIT 1`,
      [this.log, time],
    );
    return rows[0] ? toCheckpoint(rows[0]) : null;
  }

  /** Checkpoints of size at most `maxSize`, oldest first, `first` at a time after size `after`. */
  async checkpoints(
    options: { after?: number; first?: number; maxSize?: number } = {},
  ): Promise<SignedCheckpoint[]> {
    const { rows } = await this.db.query<CheckpointRow>(
      `SELECT ${CHECKPOINT_COLUMNS} FROM audit.checkpoints
        WHERE log = $1 AND size > $2 AND size <= $3 ORDER BY size LIMIT $4`,
      [
        this.log,
        options.after ?? -1,
        options.maxSize ?? Number.MAX_SAFE_INTEGER,
        options.first ?? 1_000_000,
      ],
    );
    return rows.map(toCheckpoint);
  }

  /** The leaf recorded for a source position: its index and hash, or null. */
  async leafAt(position: number): Promise<{ index: number; hash: Buffer } | null> {
    const { rows } = await this.db.query<{ leaf_index: string; leaf_hash: Buffer }>(
      `SELECT r.first_leaf + i - 1 AS leaf_index,
              substring(r.leaf_hashes FROM (i - 1) * 32 + 1 FOR 32) AS leaf_hash
         FROM (SELECT first_leaf, positions, leaf_hashes FROM audit.tree_leaf_runs
                WHERE log = $1 AND first_position <= $2
                ORDER BY first_position DESC LIMIT 1) r,
              LATERAL array_position(r.positions, $2::bigint) AS i
        WHERE i IS NOT NULL`,
      [this.log, position],
    );
    return rows[0] ? { index: Number(rows[0].leaf_index), hash: rows[0].leaf_hash } : null;
  }

  /** How many leaves lie below a source position (the index the first one at or above it has). */
  async leavesBelow(position: number): Promise<number> {
    const { rows } = await this.db.query<{ n: string }>(
      `SELECT r.first_leaf + (SELECT count(*) FROM unnest(r.positions) p WHERE p < $2) AS n
         FROM audit.tree_leaf_runs r
        WHERE r.log = $1 AND r.first_position < $2
        ORDER BY r.first_position DESC LIMIT 1`,
      [this.log, position],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Leaves recorded for source positions in [from, to], by position. */
  async leavesBetween(
    from: number,
    to: number,
  ): Promise<Map<number, { index: number; hash: Buffer }>> {
    const { rows } = await this.db.query<{
      first_leaf: string;
      positions: string[];
      leaf_hashes: Buffer;
    }>(
      `SELECT first_leaf, positions, leaf_hashes FROM audit.tree_leaf_runs
        WHERE log = $1 AND first_position <= $3
          AND first_position >= coalesce((SELECT max(first_position) FROM audit.tree_leaf_runs
                                           WHERE log = $1 AND first_position <= $2), 0)
        ORDER BY first_leaf`,
      [this.log, from, to],
    );
    const leaves = new Map<number, { index: number; hash: Buffer }>();
    for (const run of rows) {
      run.positions.forEach((text, j) => {
        const position = Number(text);
        if (position < from || position > to) return;
        leaves.set(position, {
          index: Number(run.first_leaf) + j,
          hash: run.leaf_hashes.subarray(j * 32, (j + 1) * 32),
        });
      });
    }
    return leaves;
  }
}

/** The hash of a perfect subtree from its leaves in `found`, or undefined if one is missing. */
function subtreeHash(
  found: ReadonlyMap<string, Buffer>,
  level: number,
  index: number,
): Buffer | undefined {
  if (level === 0) return found.get(nodeKey(0, index));
  const left = subtreeHash(found, level - 1, index * 2);
  const right = subtreeHash(found, level - 1, index * 2 + 1);
  return left && right ? nodeHash(left, right) : undefined;
}
