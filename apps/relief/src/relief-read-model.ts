import { Inject, Injectable } from '@nestjs/common';
import { ServiceDatabase } from '@haven/platform/nest';
import { countriesInScope, type Principal } from '@haven/platform/security';
import { ReliefEntryRow, ReliefResponseRow } from '@haven/relief/read-models';
import type { SelectQueryBuilder } from 'typeorm';
import type { FiguresFilter } from './responses/response.types';

/** The SQL condition and parameters of a figures filter, after `response_id = $1`. */
function figuresWhere(responseId: string, filter: FiguresFilter) {
  const params: unknown[] = [responseId];
  const where = ['response_id = $1'];
  const add = (condition: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  if (filter.from) add((n) => `occurred_on >= ${n}`, filter.from);
  if (filter.to) add((n) => `occurred_on <= ${n}`, filter.to);
  if (filter.fieldWorkerId) add((n) => `field_worker_id = ${n}`, filter.fieldWorkerId);
  if (filter.distributionKind) {
    add((n) => `(entry_type <> 'DISTRIBUTION' OR kind = ${n})`, filter.distributionKind);
  }
  return { where: where.join(' AND '), params };
}

/** Relief's read models, always read within a principal's countries. */
@Injectable()
export class ReliefReadModel {
  constructor(@Inject(ServiceDatabase) private readonly database: ServiceDatabase) {}

  get db(): ServiceDatabase {
    return this.database;
  }

  responses(principal: Principal): SelectQueryBuilder<ReliefResponseRow> {
    const query = this.database.dataSource
      .getRepository(ReliefResponseRow)
      .createQueryBuilder('row');
    const countries = countriesInScope(principal);
    if (countries !== 'all') query.andWhere('row.country = ANY(:countries)', { countries });
    return query;
  }

  /** Entries of the responses in the principal's countries. */
  entries(principal: Principal): SelectQueryBuilder<ReliefEntryRow> {
    const query = this.database.dataSource.getRepository(ReliefEntryRow).createQueryBuilder('row');
    const countries = countriesInScope(principal);
    if (countries !== 'all') {
      query.andWhere(
        'row.responseId IN (SELECT r.id FROM relief.responses r WHERE r.country = ANY(:countries))',
        { countries },
      );
    }
    return query;
  }

  response(principal: Principal, id: string): Promise<ReliefResponseRow | null> {
    return this.responses(principal).andWhere('row.id = :id', { id }).getOne();
  }

  entry(id: string): Promise<ReliefEntryRow | null> {
    return this.database.dataSource.getRepository(ReliefEntryRow).findOneBy({ id });
  }

  /** Counts over a response's entries, in one query. */
  async figures(responseId: string, filter: FiguresFilter = {}) {
    const { where, params } = figuresWhere(responseId, filter);
    const [row] = await this.database.dataSource.query(
      `SELECT
         count(*) FILTER (WHERE entry_type = 'DISTRIBUTION')::int AS distributions,
         count(DISTINCT beneficiary_id) FILTER (WHERE entry_type = 'DISTRIBUTION' AND recipient_kind = 'BENEFICIARY')::int AS beneficiaries,
         count(DISTINCT recipient_id) FILTER (WHERE entry_type = 'DISTRIBUTION' AND recipient_kind = 'RELIEF_RECIPIENT')::int AS recipients,
         count(*) FILTER (WHERE entry_type = 'PERSON_AT_RISK')::int AS people_at_risk,
         coalesce(sum(count) FILTER (WHERE entry_type = 'MIGRATED_FAMILIES'), 0)::int AS migrated_families,
         count(*) FILTER (WHERE entry_type = 'DETECTION')::int AS detections,
         count(*) FILTER (WHERE entry_type = 'DETECTION' AND notification_id IS NOT NULL)::int AS notified,
         count(DISTINCT field_worker_id) FILTER (WHERE field_worker_kind = 'AGENT_OF_CHANGE')::int AS agents,
         count(DISTINCT field_worker_id) FILTER (WHERE field_worker_kind = 'VOLUNTEER')::int AS volunteers
       FROM relief.entries WHERE ${where}`,
      params,
    );
    const byKind: Array<{ kind: string; count: number }> = await this.database.dataSource.query(
      `SELECT kind, count(*)::int AS count FROM relief.entries
        WHERE ${where} AND entry_type = 'DISTRIBUTION' GROUP BY kind ORDER BY kind`,
      params,
    );
    return {
      responseId,
      distributions: row.distributions,
      distributionsByKind: byKind,
      recipientsByKind: [
        { kind: 'BENEFICIARY', count: row.beneficiaries },
        { kind: 'RELIEF_RECIPIENT', count: row.recipients },
      ],
      peopleAtRisk: row.people_at_risk,
      migratedFamilies: row.migrated_families,
      detections: row.detections,
      notificationsRaised: row.notified,
      agentsOfChange: row.agents,
      volunteers: row.volunteers,
    };
  }
}
