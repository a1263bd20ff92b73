import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reads of some categories walk the (stream_category, global_position) index once per category
 * and merge, instead of `stream_category = ANY (...)`. A plan made without the values (the
 * store's pool plans generically) could not know how many categories there are, nor how common:
 * it fetched every later event of the categories and sorted them for each page, so a projection
 * catching up read 10–20 times slower than the whole log. Per category, a page is an index range
 * of at most `limit` rows whatever the categories' share of the log.
 */
export class CategoryReadsByIndex1767700000000 implements MigrationInterface {
  name = 'CategoryReadsByIndex1767700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION event_store.read_all(p_from bigint, p_limit integer, p_categories text[])
      RETURNS SETOF event_store.events
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        v_horizon bigint := event_store.read_horizon();
      BEGIN
        IF p_categories IS NULL THEN
          RETURN QUERY SELECT * FROM event_store.events e
            WHERE e.global_position >= p_from AND e.global_position < v_horizon
            ORDER BY e.global_position LIMIT p_limit;
        ELSE
          RETURN QUERY SELECT page.* FROM (SELECT DISTINCT u FROM unnest(p_categories) u) c(category)
            CROSS JOIN LATERAL (
              SELECT * FROM event_store.events e
               WHERE e.stream_category = c.category
                 AND e.global_position >= p_from AND e.global_position < v_horizon
               ORDER BY e.global_position LIMIT p_limit
            ) page
            ORDER BY page.global_position LIMIT p_limit;
        END IF;
      END
      $fn$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION event_store.read_all(p_from bigint, p_limit integer, p_categories text[])
      RETURNS SETOF event_store.events
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        v_horizon bigint := event_store.read_horizon();
      BEGIN
        IF p_categories IS NULL THEN
          RETURN QUERY SELECT * FROM event_store.events e
            WHERE e.global_position >= p_from AND e.global_position < v_horizon
            ORDER BY e.global_position LIMIT p_limit;
        ELSE
          RETURN QUERY SELECT * FROM event_store.events e
            WHERE e.global_position >= p_from AND e.global_position < v_horizon
              AND e.stream_category = ANY (p_categories)
            ORDER BY e.global_position LIMIT p_limit;
        END IF;
      END
      $fn$;
    `);
  }
}
