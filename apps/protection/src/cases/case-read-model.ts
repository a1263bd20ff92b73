import { Inject, Injectable } from '@nestjs/common';
import {
  afterWrite,
  isUuid,
  keysetPage,
  perRequest,
  ServiceDatabase,
  type RowPage,
} from '@haven/platform/nest';
import type {
  Country,
  FormOfExploitation,
  ProtectionCaseStatus,
} from '@haven/protection/contracts';
import {
  InvestigationNoteRow,
  ProtectionCaseRow,
  TimelineEntryRow,
} from '@haven/protection/read-models';
import { Brackets, DataSource, In, type SelectQueryBuilder } from 'typeorm';

/** Queries over `protection.protection_cases`, its notes and the timelines. */
@Injectable()
export class CaseReadModel {
  private readonly byId = perRequest((ids: readonly string[]) => this.findByIds(ids));
  private readonly notesByCase = perRequest((caseIds: readonly string[]) =>
    this.findNotes(caseIds),
  );

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ServiceDatabase) private readonly database: ServiceDatabase,
  ) {}

  /** One case; every call in the same request is one query. */
  load(context: object, id: string): Promise<ProtectionCaseRow | null> {
    return this.byId(context).load(id);
  }

  /** The case a referred notification opened, if the referral has been followed yet. */
  byNotification(notificationId: string): Promise<ProtectionCaseRow | null> {
    return this.dataSource
      .getRepository(ProtectionCaseRow)
      .findOneBy({ sourceNotificationId: notificationId.toLowerCase() });
  }

  /** A case's notes, oldest first; the cases of one page come in one query. */
  notes(context: object, caseId: string): Promise<InvestigationNoteRow[]> {
    return this.notesByCase(context).load(caseId);
  }

  async page(filter: {
    country?: Country | null;
    status?: ProtectionCaseStatus | null;
    formOfExploitation?: FormOfExploitation | null;
    hasMinors?: boolean | null;
    openedFrom?: Date | null;
    openedTo?: Date | null;
    first: number;
    /** The position after which the page starts. */
    after?: number;
    /** The caller's scope: `all`, or the countries it may see (none: an empty page). */
    countries: readonly string[] | 'all';
  }): Promise<RowPage<ProtectionCaseRow>> {
    const query = this.dataSource.getRepository(ProtectionCaseRow).createQueryBuilder('c');
    if (filter.countries !== 'all') {
      if (!filter.countries.length) return { rows: [], hasNextPage: false, totalCount: 0 };
      query.andWhere('c.country IN (:...countries)', { countries: filter.countries });
    }
    if (filter.country) query.andWhere('c.country = :country', { country: filter.country });
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.formOfExploitation) {
      query.andWhere('c.formOfExploitation = :form', { form: filter.formOfExploitation });
    }
    if (filter.hasMinors !== undefined && filter.hasMinors !== null) {
      query.andWhere('c.hasMinors = :hasMinors', { hasMinors: filter.hasMinors });
    }
    if (filter.openedFrom) query.andWhere('c.openedAt >= :from', { from: filter.openedFrom });
    if (filter.openedTo) query.andWhere('c.openedAt < :to', { to: filter.openedTo });
    return keysetPage(query, {
      position: 'openedPosition',
      first: filter.first,
      after: filter.after,
    });
  }

  /** A case's timeline: its own events and those of the notification it came from. */
  caseTimeline(
    row: Pick<ProtectionCaseRow, 'id' | 'sourceNotificationId'>,
    first: number,
    after: number | undefined,
  ): Promise<RowPage<TimelineEntryRow>> {
    const subjects = [row.id, ...(row.sourceNotificationId ? [row.sourceNotificationId] : [])];
    const query = this.dataSource
      .getRepository(TimelineEntryRow)
      .createQueryBuilder('entry')
      .where('entry.subjectId IN (:...subjects)', { subjects });
    return this.timelinePage(query, first, after);
  }

  /**
   * A beneficiary's timeline: her own events, and those of the cases she is a victim of that are
   * in the caller's countries.
   */
  beneficiaryTimeline(
    beneficiaryId: string,
    countries: readonly string[] | 'all',
    first: number,
    after: number | undefined,
  ): Promise<RowPage<TimelineEntryRow>> {
    const query = this.dataSource
      .getRepository(TimelineEntryRow)
      .createQueryBuilder('entry')
      .leftJoin(ProtectionCaseRow, 'c', 'c.id = entry.caseId')
      .where('entry.subjectId = :beneficiaryId', { beneficiaryId });
    if (countries !== 'all') {
      query.andWhere(
        new Brackets((scope) => {
          scope.where('entry.caseId IS NULL');
          if (countries.length) scope.orWhere('c.country IN (:...countries)', { countries });
        }),
      );
    }
    return this.timelinePage(query, first, after);
  }

  /** Read your writes: the case once this service's projections have reached `position`. */
  afterWrite(position: number, id: string): Promise<ProtectionCaseRow | null> {
    return afterWrite(this.database, position, () =>
      this.dataSource.getRepository(ProtectionCaseRow).findOneBy({ id }),
    );
  }

  private async timelinePage(
    query: SelectQueryBuilder<TimelineEntryRow>,
    first: number,
    after: number | undefined,
  ): Promise<RowPage<TimelineEntryRow>> {
    return keysetPage(query, { position: 'position', first, after });
  }

  private async findByIds(ids: readonly string[]): Promise<Array<ProtectionCaseRow | null>> {
    const keys = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    const rows = keys.length
      ? await this.dataSource.getRepository(ProtectionCaseRow).findBy({ id: In(keys) })
      : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  }

  private async findNotes(caseIds: readonly string[]): Promise<InvestigationNoteRow[][]> {
    const rows = await this.dataSource
      .getRepository(InvestigationNoteRow)
      .find({ where: { caseId: In([...new Set(caseIds)]) }, order: { position: 'ASC' } });
    return caseIds.map((caseId) => rows.filter((row) => row.caseId === caseId));
  }
}
