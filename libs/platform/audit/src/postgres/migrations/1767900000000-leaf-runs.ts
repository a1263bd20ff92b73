import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tree's leaves are stored in runs, a row per run of up to 1,024 consecutive leaves (their
 * source positions as an array, their hashes one after another), instead of a row per leaf
 * with two index entries: keeping the tree then writes a row per few hundred appends, not one
 * per append (docs/adr/0016, last addendum). The hashes are stored uncompressed and out of
 * line (`EXTERNAL`), so that reading one leaf's 32 bytes reads only those. Existing leaves are
 * moved into runs of 1,024 by leaf index.
 */
export class LeafRuns1767900000000 implements MigrationInterface {
  name = 'LeafRuns1767900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      -- Leaves first_leaf to first_leaf + n − 1 of a log's tree: leaf first_leaf + j is
      -- SHA-256(0x00 ‖ stored hash of the entry at positions[j + 1]), bytes 32j to 32j + 31 of
      -- leaf_hashes. Positions rise with the leaf index.
      CREATE TABLE audit.tree_leaf_runs (
        log            text     NOT NULL,
        first_leaf     bigint   NOT NULL,
        first_position bigint   NOT NULL,
        positions      bigint[] NOT NULL,
        leaf_hashes    bytea    NOT NULL,
        PRIMARY KEY (log, first_leaf),
        CONSTRAINT tree_leaf_runs_position_unique UNIQUE (log, first_position),
        CONSTRAINT tree_leaf_runs_shape CHECK (
          cardinality(positions) > 0 AND octet_length(leaf_hashes) = 32 * cardinality(positions)
          AND positions[1] = first_position)
      );
      ALTER TABLE audit.tree_leaf_runs ALTER COLUMN leaf_hashes SET STORAGE EXTERNAL;
      INSERT INTO audit.tree_leaf_runs (log, first_leaf, first_position, positions, leaf_hashes)
        SELECT log, min(leaf_index), min(source_position),
               array_agg(source_position ORDER BY leaf_index),
               string_agg(leaf_hash, ''::bytea ORDER BY leaf_index)
          FROM audit.tree_leaves
         GROUP BY log, leaf_index / 1024;
      DROP TABLE audit.tree_leaves;
      CREATE TRIGGER tree_leaf_runs_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
        ON audit.tree_leaf_runs FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit.tree_leaves (
        log             text   NOT NULL,
        leaf_index      bigint NOT NULL,
        source_position bigint NOT NULL,
        leaf_hash       bytea  NOT NULL,
        PRIMARY KEY (log, leaf_index),
        CONSTRAINT tree_leaves_position_unique UNIQUE (log, source_position)
      );
      INSERT INTO audit.tree_leaves (log, leaf_index, source_position, leaf_hash)
        SELECT r.log, r.first_leaf + p.j - 1, p.position,
               substring(r.leaf_hashes FROM ((p.j - 1) * 32 + 1)::int FOR 32)
          FROM audit.tree_leaf_runs r, unnest(r.positions) WITH ORDINALITY AS p(position, j);
      DROP TABLE audit.tree_leaf_runs;
      CREATE TRIGGER tree_leaves_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
        ON audit.tree_leaves FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
    `);
  }
}
