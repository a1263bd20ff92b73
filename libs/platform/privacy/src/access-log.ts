import type { PrivacyQueryable } from './person-keys';

/** One read of personal data: who, which record, which fields, why. Never the values read. */
export interface AccessLogEntry {
  /** The reader's user id, role and organisation, as the gateway verified them. */
  actorId: string;
  role: string;
  organisationId: string | null;
  /** The kind of record (`Beneficiary`) and its id. */
  recordType: string;
  recordId: string;
  /** The names of the fields read (at least one). */
  fields: readonly string[];
  /** Why, as the reader stated it; null when they gave no purpose. */
  purpose: string | null;
  /** Read under a break-glass grant (outside the reader's usual scope). */
  breakGlass: boolean;
  /** The request that read it, to find it in the logs. */
  requestId: string | null;
}

/** An entry as stored: its position in the log and when the database recorded it. */
export interface RecordedAccess extends AccessLogEntry {
  id: number;
  occurredAt: Date;
}

export interface AccessLogFilter {
  recordId?: string | null;
  actorId?: string | null;
  /** Inclusive bounds on `occurredAt`. */
  from?: Date | null;
  to?: Date | null;
}

export interface AccessLogPage {
  entries: RecordedAccess[];
  hasNextPage: boolean;
}

interface AccessRow {
  id: string;
  occurred_at: Date;
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

/**
 * `privacy.access_log`: the append-only record of every read of personal data. Readers write
 * their entry before they hand the values out, so a value nobody logged never left the service.
 */
export class AccessLog {
  constructor(private readonly db: PrivacyQueryable) {}

  /** Appends the entries, all in one INSERT (a page of 100 records is one round trip). */
  async record(entries: readonly AccessLogEntry[], client?: PrivacyQueryable): Promise<void> {
    if (entries.length === 0) return;
    for (const entry of entries) {
      if (entry.fields.length === 0) throw new RangeError('An access log entry names no field.');
    }
    const rows = entries.map((entry) => ({
      actor_id: entry.actorId,
      role: entry.role,
      organisation_id: entry.organisationId,
      record_type: entry.recordType,
      record_id: entry.recordId,
      fields: [...entry.fields],
      purpose: entry.purpose,
      break_glass: entry.breakGlass,
      request_id: entry.requestId,
    }));
    await (client ?? this.db).query(
      `INSERT INTO privacy.access_log
              (actor_id, role, organisation_id, record_type, record_id, fields, purpose,
               break_glass, request_id)
       SELECT actor_id, role, organisation_id, record_type, record_id, fields, purpose,
              break_glass, request_id
         FROM jsonb_to_recordset($1::jsonb) AS e(
                actor_id text, role text, organisation_id text, record_type text, record_id text,
                fields text[], purpose text, break_glass boolean, request_id text)`,
      [JSON.stringify(rows)],
    );
  }

  /** Entries in the order they were written, `first` at a time after the entry `after`. */
  async list(
    filter: AccessLogFilter,
    page: { first: number; after?: number | null },
  ): Promise<AccessLogPage> {
    if (!Number.isSafeInteger(page.first) || page.first < 1) {
      throw new RangeError('first must be a positive integer.');
    }
    const { rows } = await this.db.query<AccessRow>(
      `SELECT id, occurred_at, actor_id, role, organisation_id, record_type, record_id, fields,
              purpose, break_glass, request_id
         FROM privacy.access_log
        WHERE ($1::text IS NULL OR record_id = $1)
          AND ($2::text IS NULL OR actor_id = $2)
          AND ($3::timestamptz IS NULL OR occurred_at >= $3)
          AND ($4::timestamptz IS NULL OR occurred_at <= $4)
          AND ($5::bigint IS NULL OR id > $5)
        ORDER BY id
        LIMIT $6`,
      [
        filter.recordId ?? null,
        filter.actorId ?? null,
        filter.from ?? null,
        filter.to ?? null,
        page.after ?? null,
        page.first + 1,
      ],
    );
    return {
      entries: rows.slice(0, page.first).map((row) => ({
        id: Number(row.id),
        occurredAt: row.occurred_at,
        actorId: row.actor_id,
        role: row.role,
        organisationId: row.organisation_id,
        recordType: row.record_type,
        recordId: row.record_id,
        fields: row.fields,
        purpose: row.purpose,
        breakGlass: row.break_glass,
        requestId: row.request_id,
      })),
      hasNextPage: rows.length > page.first,
    };
  }
}
