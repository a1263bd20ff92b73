import { Inject, Injectable } from '@nestjs/common';
import type { BeneficiaryFacts } from '@haven/legal/domain';
import { KnownBeneficiaryRow } from '@haven/legal/read-models';
import { ServiceDatabase } from '@haven/platform/nest';
import { In } from 'typeorm';

/**
 * What legal knows of beneficiaries, from protection's events as its projection applied them.
 * A consent given or withdrawn a moment ago may not be applied yet: wait for the projections to
 * reach the log's head first, so that the answer is about the log as it stood when the command
 * came (a withdrawal must stop the very next action).
 */
@Injectable()
export class KnownBeneficiaries {
  constructor(@Inject(ServiceDatabase) private readonly database: ServiceDatabase) {}

  async facts(ids: readonly string[]): Promise<BeneficiaryFacts[]> {
    await this.database.waitForProjections(await this.database.eventStore.headPosition());
    const rows = await this.read(ids);
    return ids.map((beneficiaryId) => {
      const row = rows.get(beneficiaryId);
      return {
        beneficiaryId,
        known: !!row && row.country !== null,
        erased: row?.erased ?? false,
        legalActionConsent: row?.legalActionConsent === true,
        country: row?.country ?? null,
        sex: row?.sex ?? null,
        minor: row?.minor ?? null,
      };
    });
  }

  private async read(ids: readonly string[]): Promise<Map<string, KnownBeneficiaryRow>> {
    const rows = await this.database.dataSource
      .getRepository(KnownBeneficiaryRow)
      .findBy({ beneficiaryId: In([...ids]) });
    return new Map(rows.map((row) => [row.beneficiaryId, row]));
  }
}
