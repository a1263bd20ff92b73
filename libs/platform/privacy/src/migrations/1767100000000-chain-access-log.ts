import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log made tamper-evident (docs/adr/0016), without a lock on the read path:
 * - each entry records the transaction that wrote it (`txid`), so that a follower can take, at
 *   any moment, exactly the entries of transactions that have finished (below the snapshot's
 *   xmin), in (txid, id) order, and never meet a late one below what it took;
 * - `access_log_chain` is that order, hash-chained: entry n's hash covers its content and entry
 *   n−1's hash. The follower writes it, and the access log's Merkle tree and checkpoints (log
 *   `access_log` in the audit tables) cover it. It is append-only, as the log is.
 */
export class ChainAccessLog1767100000000 implements MigrationInterface {
  name = 'ChainAccessLog1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE privacy.access_log ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id();
      CREATE INDEX access_log_by_transaction ON privacy.access_log (txid, id);

      CREATE TABLE privacy.access_log_chain (
        seq      bigint PRIMARY KEY,
        entry_id bigint NOT NULL UNIQUE,
        hash     bytea  NOT NULL
      );
      CREATE FUNCTION privacy.refuse_chain_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'privacy.access_log_chain is append-only: % is refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $fn$;
      CREATE TRIGGER access_log_chain_append_only
        BEFORE UPDATE OR DELETE OR TRUNCATE ON privacy.access_log_chain
        FOR EACH STATEMENT EXECUTE FUNCTION privacy.refuse_chain_change();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE privacy.access_log_chain;
      DROP FUNCTION privacy.refuse_chain_change();
      DROP INDEX privacy.access_log_by_transaction;
      ALTER TABLE privacy.access_log DROP COLUMN txid;
    `);
  }
}
