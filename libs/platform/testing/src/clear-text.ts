import type { Client, Pool } from 'pg';

export interface ClearTextHit {
  /** `schema.table`, or `event_store.events (data|metadata)`. */
  where: string;
  /** Which searched string was found (never the row: it may hold more of the same). */
  needle: string;
}

/** Every base table of the database outside PostgreSQL's own schemas. */
export async function everyTable(db: Pick<Client | Pool, 'query'>): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT format('%I.%I', table_schema, table_name) AS name
       FROM information_schema.tables
      WHERE table_type = 'BASE TABLE'
        AND table_schema NOT IN ('pg_catalog', 'information_schema')
        AND table_schema NOT LIKE 'pg\\_%'
      ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

/**
 * Where any of `needles` appears in clear (case-insensitively) in the database: in every row of
 * every table, each row cast to text, and in the event log's data and metadata as JSON text.
 * The proof that personal data is stored only sealed: an empty list.
 */
export async function findClearText(
  db: Pick<Client | Pool, 'query'>,
  needles: readonly string[],
): Promise<ClearTextHit[]> {
  const hits: ClearTextHit[] = [];
  const tables = await everyTable(db);
  for (const needle of needles) {
    if (!needle) throw new Error('findClearText: an empty string is found everywhere.');
    for (const table of tables) {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} AS t WHERE strpos(lower(t::text), lower($1)) > 0`,
        [needle],
      );
      if (rows[0].n > 0) hits.push({ where: table, needle });
    }
    if (tables.includes('event_store.events')) {
      for (const column of ['data', 'metadata']) {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM event_store.events
            WHERE strpos(lower(${column}::text), lower($1)) > 0`,
          [needle],
        );
        if (rows[0].n > 0) hits.push({ where: `event_store.events (${column})`, needle });
      }
    }
  }
  return hits;
}
