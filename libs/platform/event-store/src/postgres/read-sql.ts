/** The statements the store reads the log with (appends are in append-sql.ts). */

// recorded_at as epoch milliseconds: pg's timestamp parser costs more than the rest of a row
// (date_part is float8 from the start, extract() goes through numeric). The category is the
// stream id's prefix, worked out in toEvent rather than sent with every row.
export const COLUMNS = `global_position, event_id, stream_id, stream_version, type, schema_version,
  data, metadata, date_part('epoch', recorded_at) * 1000 AS recorded_ms`;

/** Events in [$1, $2) in global order, at most $3; $2 is a horizon (docs/adr/0002). */
export const READ_BELOW_SQL = `SELECT ${COLUMNS} FROM event_store.events
  WHERE global_position >= $1 AND global_position < $2 ORDER BY global_position LIMIT $3`;
/**
 * The same in some categories: one index range per category, merged (a plan for `= ANY` made
 * without the values sorted every later event of the categories for each page). The ranges
 * yield positions only, read from the (stream_category, global_position) index; the page's rows
 * are then read by position. A sparse category's range reaches far beyond the page's end, and
 * reading whole rows there read a heap page for each event the merge then dropped. Each range is
 * written as row comparisons, which only that index can serve: with `stream_category = c.category`
 * the planner, not knowing the category when it plans, walked the primary key from $1 and read
 * every later event's heap row to filter on its category (ADR 24, addendum).
 */
export const READ_BELOW_IN_CATEGORIES_SQL = `SELECT ${COLUMNS} FROM event_store.events
  WHERE global_position = ANY (ARRAY(
    SELECT page.global_position FROM (SELECT DISTINCT u FROM unnest($4::text[]) u) c(category)
    CROSS JOIN LATERAL (
      SELECT global_position FROM event_store.events
       WHERE (stream_category, global_position) >= (c.category, $1)
         AND (stream_category, global_position) < (c.category, $2)
       ORDER BY stream_category, global_position LIMIT $3
    ) page
    ORDER BY page.global_position LIMIT $3))
  ORDER BY global_position`;
