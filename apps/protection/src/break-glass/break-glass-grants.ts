import { Inject, Injectable } from '@nestjs/common';
import {
  isUuid,
  perRequest,
  principalOf,
  type GraphQLContext,
  type RowPage,
} from '@haven/platform/nest';
import { BREAK_GLASS_GRANTS_TABLE } from '@haven/protection/read-models';
import { DataSource } from 'typeorm';

/** A row of `protection.break_glass_grants`. */
export interface BreakGlassGrantRow {
  grantId: string;
  beneficiaryId: string;
  country: string;
  subject: string;
  role: string;
  organisationId: string | null;
  reason: string;
  grantedAt: Date;
  expiresAt: Date;
  position: number;
  /** Not expired at the time of the query (the database's clock). */
  active: boolean;
}

interface GrantRecord {
  grant_id: string;
  beneficiary_id: string;
  country: string;
  subject: string;
  role: string;
  organisation_id: string | null;
  reason: string;
  granted_at: Date;
  expires_at: Date;
  position: string;
  active: boolean;
}

const COLUMNS = `grant_id, beneficiary_id, country, subject, role, organisation_id, reason,
  granted_at, expires_at, position, expires_at > now() AS active`;

function toGrant(record: GrantRecord): BreakGlassGrantRow {
  return {
    grantId: record.grant_id,
    beneficiaryId: record.beneficiary_id,
    country: record.country,
    subject: record.subject,
    role: record.role,
    organisationId: record.organisation_id,
    reason: record.reason,
    grantedAt: record.granted_at,
    expiresAt: record.expires_at,
    position: Number(record.position),
    active: record.active,
  };
}

/** Queries over break-glass grants: who may reach whom now, and the list for review. */
@Injectable()
export class BreakGlassGrants {
  private readonly active = perRequest((ids: readonly string[], context: GraphQLContext) =>
    this.findActive(context, ids),
  );

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * The caller's grant on this beneficiary that has not expired, or null. Every lookup of one
   * request is one query; expiry is judged by the database's clock, at that query.
   */
  activeGrant(context: GraphQLContext, beneficiaryId: string): Promise<BreakGlassGrantRow | null> {
    return this.active(context).load(beneficiaryId.toLowerCase());
  }

  /** Grants, oldest first; `countries` limits them to those beneficiaries' countries. */
  async page(filter: {
    activeOnly: boolean;
    countries: readonly string[] | 'all';
    first: number;
    after?: number;
  }): Promise<RowPage<BreakGlassGrantRow>> {
    if (filter.countries !== 'all' && filter.countries.length === 0) {
      return { rows: [], hasNextPage: false, totalCount: 0 };
    }
    const matching = `FROM ${BREAK_GLASS_GRANTS_TABLE}
        WHERE ($1::boolean IS FALSE OR expires_at > now())
          AND ($2::text[] IS NULL OR country = ANY ($2::text[]))`;
    const filters = [filter.activeOnly, filter.countries === 'all' ? null : [...filter.countries]];
    const records: GrantRecord[] = await this.dataSource.query(
      `SELECT ${COLUMNS} ${matching} AND ($3::bigint IS NULL OR position > $3)
        ORDER BY position
        LIMIT $4`,
      [...filters, filter.after ?? null, filter.first + 1],
    );
    // Counted when the client selects totalCount, not for every page.
    const totalCount = async () => {
      const [{ count }]: Array<{ count: string }> = await this.dataSource.query(
        `SELECT count(*) AS count ${matching}`,
        filters,
      );
      return Number(count);
    };
    return {
      rows: records.slice(0, filter.first).map(toGrant),
      hasNextPage: records.length > filter.first,
      totalCount,
    };
  }

  private async findActive(
    context: GraphQLContext,
    ids: readonly string[],
  ): Promise<Array<BreakGlassGrantRow | null>> {
    const principal = principalOf(context);
    const keys = [...new Set(ids.filter(isUuid))];
    // A grant is the principal's in the role it was asked in: the same user in another role
    // does not inherit it.
    const records: GrantRecord[] = keys.length
      ? await this.dataSource.query(
          `SELECT DISTINCT ON (beneficiary_id) ${COLUMNS} FROM ${BREAK_GLASS_GRANTS_TABLE}
            WHERE subject = $1 AND role = $2 AND beneficiary_id = ANY ($3::uuid[])
              AND expires_at > now()
            ORDER BY beneficiary_id, expires_at DESC`,
          [principal.subject, principal.role, keys],
        )
      : [];
    const byId = new Map(records.map((record) => [record.beneficiary_id, toGrant(record)]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}
