import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@haven/platform/event-store';
import { EVENT_STORE, perRequest } from '@haven/platform/nest';
import { beneficiaryStreamId, type BeneficiaryRegistered } from '@haven/protection/contracts';

/**
 * The country protection registered a beneficiary in, from its BeneficiaryRegistered contract
 * event on the shared log: what networks needs to keep a beneficiary to those who reach it, when
 * an agent of change is registered and when its beneficiary is shown.
 */
@Injectable()
export class BeneficiaryCountries {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  // One load per beneficiary per request, however many fields ask.
  private readonly loader = perRequest((ids: readonly string[]) =>
    Promise.all(ids.map((id) => this.countryOf(id))),
  );

  /** The beneficiary's country, or null when protection registered none with this id. */
  async countryOf(beneficiaryId: string): Promise<string | null> {
    const [first] = await this.store.readStream(beneficiaryStreamId(beneficiaryId), { to: 1 });
    if (first?.type !== 'BeneficiaryRegistered') return null;
    return (first.data as BeneficiaryRegistered['data']).country;
  }

  /** countryOf, batched within one GraphQL request. */
  load(context: object, beneficiaryId: string): Promise<string | null> {
    return this.loader(context).load(beneficiaryId);
  }
}
