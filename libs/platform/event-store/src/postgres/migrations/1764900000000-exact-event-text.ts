import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stores each event's data and metadata as the exact JSON text the writer hashed (`json`, which
 * PostgreSQL validates and keeps byte for byte) instead of `jsonb` (parsed, reordered, printed
 * anew on every read). docs/adr/0010-exact-event-text.md says why.
 *
 * `hash_version` says what an event's content digest was computed over, so that events recorded
 * before this migration still verify: 1 = the canonical JSON of the parsed content (keys sorted),
 * 2 = the stored text itself. Events appended from now on are version 2 (the column default).
 */
export class ExactEventText1764900000000 implements MigrationInterface {
  name = 'ExactEventText1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // ALTER TYPE rewrites the table; it is not an UPDATE, so the append-only trigger lets it
    // through, and every stored value is kept (jsonb prints as valid JSON).
    await queryRunner.query(`
      ALTER TABLE event_store.events
        ALTER COLUMN data TYPE json USING data::json,
        ALTER COLUMN metadata TYPE json USING metadata::json,
        ADD COLUMN hash_version smallint NOT NULL DEFAULT 1
          CONSTRAINT events_hash_version_known CHECK (hash_version IN (1, 2));
      ALTER TABLE event_store.events ALTER COLUMN hash_version SET DEFAULT 2;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Events recorded as version 2 would no longer verify once their text is reprinted by jsonb.
    await queryRunner.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM event_store.events WHERE hash_version = 2) THEN
          RAISE EXCEPTION 'event_store.events holds events hashed over their exact text: reverting to jsonb would break their hash chains';
        END IF;
      END $$;
      ALTER TABLE event_store.events
        DROP COLUMN hash_version,
        ALTER COLUMN data TYPE jsonb USING data::jsonb,
        ALTER COLUMN metadata TYPE jsonb USING metadata::jsonb;
    `);
  }
}
