import type { Client, Pool } from 'pg';

/**
 * How many events the whole log holds: a spec compares it before and after a refused command,
 * which must write nothing.
 */
export async function eventCount(db: Pick<Client | Pool, 'query'>): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM event_store.events',
  );
  return rows[0].n;
}
