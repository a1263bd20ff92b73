import { createHash } from 'node:crypto';
import type { LeafSource } from './leaf-sources';
import type { AuditQueryable } from './tree-store';

/** The access log's name in the audit tables. */
export const ACCESS_LOG = 'access_log';

export const CHAIN_START: Buffer = Buffer.alloc(32);

/** An access-log entry as hashed: every column, the time in whole microseconds. */
export interface AccessLogEntryRow {
  id: string;
  at: string;
  actor_id: string;
  role: string;
  organisation_id: string | null;
  record_type: string;
  record_id: string;
  fields: string[];
  purpose: string | null;
  break_glass: boolean;
  request_id: string | null;
}

export const ENTRY_COLUMNS = `a.id::text AS id,
  (extract(epoch FROM a.occurred_at) * 1000000)::bigint::text AS at, a.actor_id, a.role,
  a.organisation_id, a.record_type, a.record_id, a.fields, a.purpose, a.break_glass, a.request_id`;

/** Entry n's chain hash: SHA-256(entry n−1's chain hash ‖ SHA-256 of entry n's columns as JSON). */
export function accessChainHash(previous: Buffer, entry: AccessLogEntryRow): Buffer {
  const content = createHash('sha256')
    .update(
      JSON.stringify([
        entry.id,
        entry.at,
        entry.actor_id,
        entry.role,
        entry.organisation_id,
        entry.record_type,
        entry.record_id,
        entry.fields,
        entry.purpose,
        entry.break_glass,
        entry.request_id,
      ]),
    )
    .digest();
  return createHash('sha256').update(previous).update(content).digest();
}

/**
 * The access log (`privacy.access_log`) as a tree's source. Entries are taken in (transaction,
 * id) order, only from transactions below the snapshot's xmin, in the same statement: those have
 * all finished, so every entry they wrote is visible now, and any entry taken later belongs to a
 * later transaction and sorts after everything taken before. No lock on the read path, no gap, no
 * late entry. Reading also extends the hash chain (`privacy.access_log_chain`); the chain is a
 * function of that order, so a read repeated after a crash writes the same rows (or none).
 */
export const ACCESS_LOG_LEAVES: LeafSource = {
  log: ACCESS_LOG,
  async read(db, afterPosition, limit) {
    const { rows } = await db.query<AccessLogEntryRow>(
      `SELECT ${ENTRY_COLUMNS}
         FROM privacy.access_log a
        WHERE a.txid < pg_snapshot_xmin(pg_current_snapshot())
          AND ($1::bigint = 0 OR (a.txid, a.id) >
               ((SELECT txid FROM privacy.access_log WHERE id = $1::bigint), $1::bigint))
        ORDER BY a.txid, a.id
        LIMIT $2`,
      [afterPosition, limit],
    );
    if (rows.length === 0) return [];
    let { seq, hash } = await chainHead(db, afterPosition);
    const chain = rows.map((row) => {
      hash = accessChainHash(hash, row);
      return { seq: ++seq, entryId: row.id, hash };
    });
    await db.query(
      `INSERT INTO privacy.access_log_chain (seq, entry_id, hash)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bytea[]) ON CONFLICT DO NOTHING`,
      [chain.map((c) => c.seq), chain.map((c) => c.entryId), chain.map((c) => c.hash)],
    );
    return chain.map((c) => ({ position: Number(c.entryId), hash: c.hash }));
  },
};

async function chainHead(
  db: AuditQueryable,
  entryId: number,
): Promise<{ seq: number; hash: Buffer }> {
  if (entryId === 0) return { seq: 0, hash: CHAIN_START };
  const { rows } = await db.query<{ seq: string; hash: Buffer }>(
    'SELECT seq, hash FROM privacy.access_log_chain WHERE entry_id = $1',
    [entryId],
  );
  if (rows.length === 0) throw new Error(`The access log chain lacks entry ${entryId}.`);
  return { seq: Number(rows[0].seq), hash: rows[0].hash };
}
