import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CategoryReadsByIndex1767700000000 } from './1767700000000-category-reads-by-index';

/**
 * `event_store.read_all` with some categories merges positions only, from the category index,
 * then reads the page's rows by position, as the store's reads below the horizon do (ADR 24,
 * addendum). Merging whole rows read every category's range in full: a sparse category's range
 * of `limit` events reaches far past the page, a heap page for each event then dropped.
 */
export class CategoryReadsPositionsFirst1767800000000 implements MigrationInterface {
  name = 'CategoryReadsPositionsFirst1767800000000';

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
          RETURN QUERY SELECT * FROM event_store.events e
            WHERE e.global_position = ANY (ARRAY(
              SELECT page.global_position FROM (SELECT DISTINCT u FROM unnest(p_categories) u) c(category)
              CROSS JOIN LATERAL (
                SELECT i.global_position FROM event_store.events i
                 WHERE i.stream_category = c.category
                   AND i.global_position >= p_from AND i.global_position < v_horizon
                 ORDER BY i.global_position LIMIT p_limit
              ) page
              ORDER BY page.global_position LIMIT p_limit))
            ORDER BY e.global_position;
        END IF;
      END
      $fn$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await new CategoryReadsByIndex1767700000000().up(queryRunner);
  }
}
