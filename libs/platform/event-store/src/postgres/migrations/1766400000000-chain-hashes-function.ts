import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `event_store.chain_hashes`: the hash chain of one append's events (docs/adr/0003), computed in
 * one function call instead of a recursive query, which cost about twice as much per event. The
 * formula is the one `hash-chain.ts` documents and `verifyStream` recomputes.
 */
export class ChainHashesFunction1766400000000 implements MigrationInterface {
  name = 'ChainHashesFunction1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION event_store.chain_hashes(
        head_hash bytea, head_version bigint, digests bytea[], positions bigint[], recorded_micros bigint
      ) RETURNS bytea[] LANGUAGE plpgsql IMMUTABLE STRICT AS $fn$
      DECLARE
        hash bytea := head_hash;
        hashes bytea[] := '{}';
        recorded bytea := int8send(recorded_micros);
      BEGIN
        FOR i IN 1 .. cardinality(digests) LOOP
          hash := sha256(hash || digests[i] || int8send(head_version + i) || int8send(positions[i])
                         || recorded);
          hashes[i] := hash;
        END LOOP;
        RETURN hashes;
      END
      $fn$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION event_store.chain_hashes(bytea, bigint, bytea[], bigint[], bigint)`,
    );
  }
}
