import { Inject, Injectable } from '@nestjs/common';
import { ServiceDatabase } from '@haven/platform/nest';
import type { BeneficiaryFacts } from '@haven/relief/domain';
import { KnownBeneficiaryRow } from '@haven/relief/read-models';

/** What relief learned of a protection beneficiary from the log, for the decider to judge. */
@Injectable()
export class KnownBeneficiaries {
  constructor(@Inject(ServiceDatabase) private readonly database: ServiceDatabase) {}

  async factsOf(beneficiaryId: string): Promise<BeneficiaryFacts> {
    const row = await this.database.dataSource
      .getRepository(KnownBeneficiaryRow)
      .findOneBy({ beneficiaryId: beneficiaryId.toLowerCase() });
    return { known: row !== null, erased: row?.erased ?? false };
  }
}
