import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Merkle trees over Haven's append-only logs and their signed checkpoints (docs/adr/0016).
 * One set of tables serves several logs (`event_store`, `access_log`), told apart by `log`.
 * Leaves, nodes and checkpoints are facts like the events: a trigger refuses to change them.
 */
export class CreateAuditTree1767000000000 implements MigrationInterface {
  name = 'CreateAuditTree1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      -- Where the follower of each log stands: its tree's size and the last source position read.
      CREATE TABLE audit.tree_state (
        log           text   PRIMARY KEY,
        size          bigint NOT NULL,
        last_position bigint NOT NULL
      );

      -- Leaf i of a log's tree: SHA-256(0x00 ‖ stored hash of the entry at source_position).
      CREATE TABLE audit.tree_leaves (
        log             text   NOT NULL,
        leaf_index      bigint NOT NULL,
        source_position bigint NOT NULL,
        leaf_hash       bytea  NOT NULL,
        PRIMARY KEY (log, leaf_index),
        CONSTRAINT tree_leaves_position_unique UNIQUE (log, source_position)
      );

      -- Every perfect subtree above the leaves: 2^level leaves from node_index·2^level on.
      CREATE TABLE audit.tree_nodes (
        log        text     NOT NULL,
        level      smallint NOT NULL CHECK (level > 0),
        node_index bigint   NOT NULL,
        hash       bytea    NOT NULL,
        PRIMARY KEY (log, level, node_index)
      );

      CREATE TABLE audit.checkpoints (
        log             text        NOT NULL,
        size            bigint      NOT NULL,
        root            text        NOT NULL,
        position        bigint      NOT NULL,
        signed_at       timestamptz NOT NULL,
        time            text        NOT NULL,
        previous        text        NOT NULL,
        checkpoint_hash text        NOT NULL UNIQUE,
        signature       text        NOT NULL,
        key_id          text        NOT NULL,
        PRIMARY KEY (log, size)
      );
      CREATE INDEX checkpoints_by_time ON audit.checkpoints (log, signed_at);

      CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $fn$;
      CREATE TRIGGER tree_leaves_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
        ON audit.tree_leaves FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
      CREATE TRIGGER tree_nodes_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
        ON audit.tree_nodes FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
      CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
        ON audit.checkpoints FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE audit.checkpoints;
      DROP TABLE audit.tree_nodes;
      DROP TABLE audit.tree_leaves;
      DROP TABLE audit.tree_state;
      DROP FUNCTION audit.refuse_change();
    `);
  }
}
