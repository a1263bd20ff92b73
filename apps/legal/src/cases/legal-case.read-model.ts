import { Inject, Injectable } from '@nestjs/common';
import {
  CompensationClaimRow,
  EvidenceDocumentRow,
  LegalCaseRow,
  OffenderRow,
  ServiceOccasionRow,
} from '@haven/legal/read-models';
import { keysetPage, ServiceDatabase, type RowPage } from '@haven/platform/nest';
import { countriesInScope, type Principal } from '@haven/platform/security';
import type { ObjectLiteral } from 'typeorm';
import type { LegalCasesArgs } from './legal-case.inputs';

/** Queries over legal's read models, always within the principal's countries. */
@Injectable()
export class LegalCaseReadModel {
  constructor(@Inject(ServiceDatabase) private readonly database: ServiceDatabase) {}

  private get dataSource() {
    return this.database.dataSource;
  }

  async findCase(id: string): Promise<LegalCaseRow | null> {
    return this.dataSource.getRepository(LegalCaseRow).findOneBy({ id });
  }

  page(
    principal: Principal,
    args: LegalCasesArgs,
    after: number | undefined,
  ): Promise<RowPage<LegalCaseRow>> {
    const query = this.dataSource.getRepository(LegalCaseRow).createQueryBuilder('row');
    const countries = countriesInScope(principal);
    if (countries !== 'all')
      query.andWhere('row.country = ANY(:countries)', { countries: [...countries] });
    if (args.country) query.andWhere('row.country = :country', { country: args.country });
    if (args.yearOpened) query.andWhere('row.openedYear = :year', { year: args.yearOpened });
    if (args.ongoingIn) {
      // Opened in an earlier year, and not closed before the year began.
      query.andWhere('row.openedYear < :ongoing', { ongoing: args.ongoingIn });
      query.andWhere('(row.closedOn IS NULL OR row.closedOn >= :start)', {
        start: `${args.ongoingIn}-01-01`,
      });
    }
    if (args.stage) query.andWhere('row.stage = :stage', { stage: args.stage });
    if (args.kind) query.andWhere('row.kind = :kind', { kind: args.kind });
    if (args.offenderStatus) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM jsonb_each_text(row.offender_statuses) s WHERE s.value = :offenderStatus)',
        { offenderStatus: args.offenderStatus },
      );
    }
    return keysetPage(query, { position: 'position', first: args.first, after });
  }

  /** The cases a beneficiary is a party to, within the principal's countries. */
  casesOf(principal: Principal, beneficiaryId: string, first: number): Promise<LegalCaseRow[]> {
    const query = this.dataSource
      .getRepository(LegalCaseRow)
      .createQueryBuilder('row')
      .where(':beneficiaryId = ANY(row.beneficiary_ids)', { beneficiaryId })
      .orderBy('row.position', 'ASC')
      .limit(first);
    const countries = countriesInScope(principal);
    if (countries !== 'all')
      query.andWhere('row.country = ANY(:countries)', { countries: [...countries] });
    return query.getMany();
  }

  /** The first `first` rows of a case's part, in the order recorded (the decider caps them). */
  private ofCase<Row extends ObjectLiteral>(
    entity: new () => Row,
    caseId: string,
    first: number,
  ): Promise<Row[]> {
    return this.dataSource
      .getRepository(entity)
      .createQueryBuilder('row')
      .where('row.caseId = :caseId', { caseId })
      .orderBy('row.position', 'ASC')
      .limit(first)
      .getMany();
  }

  offenders(caseId: string, first: number) {
    return this.ofCase(OffenderRow, caseId, first);
  }

  /** A page of a case's service occasions, in the order they were recorded. */
  occasions(caseId: string, first: number, after: number | undefined) {
    const query = this.dataSource
      .getRepository(ServiceOccasionRow)
      .createQueryBuilder('row')
      .where('row.caseId = :caseId', { caseId });
    return keysetPage(query, { position: 'position', first, after });
  }

  documents(caseId: string, first: number) {
    return this.ofCase(EvidenceDocumentRow, caseId, first);
  }

  claims(caseId: string, first: number) {
    return this.ofCase(CompensationClaimRow, caseId, first);
  }

  findOffender(id: string): Promise<OffenderRow | null> {
    return this.dataSource.getRepository(OffenderRow).findOneBy({ id });
  }
}
