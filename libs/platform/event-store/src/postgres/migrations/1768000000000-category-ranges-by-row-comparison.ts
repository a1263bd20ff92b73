import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CategoryReadsPositionsFirst1767800000000 } from './1767800000000-category-reads-positions-first';

/**
 * `event_store.read_all` with some categories walks each category's range of the
 * (stream_category, global_position) index, written as row comparisons. Written as
 * `stream_category = c.category AND global_position >= p_from`, the category unknown when the
 * statement is planned, PostgreSQL chose to walk the primary key from `p_from` and read each
 * later event's heap row to filter on its category: 30 times slower for a sparse category
 * (ADR 24, addendum). Row comparisons only that index can serve, so it is always the one used.
 */
export class CategoryRangesByRowComparison1768000000000 implements MigrationInterface {
  name = 'CategoryRangesByRowComparison1768000000000';

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
                 WHERE (i.stream_category, i.global_position) >= (c.category, p_from)
                   AND (i.stream_category, i.global_position) < (c.category, v_horizon)
                 ORDER BY i.stream_category, i.global_position LIMIT p_limit
              ) page
              ORDER BY page.global_position LIMIT p_limit))
            ORDER BY e.global_position;
        END IF;
      END
      $fn$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await new CategoryReadsPositionsFirst1767800000000().up(queryRunner);
  }
}
