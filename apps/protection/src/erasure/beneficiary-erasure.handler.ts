import { Inject, Injectable } from '@nestjs/common';
import type { EventMetadata, EventStore } from '@haven/platform/event-store';
import {
  EVENT_STORE,
  handleCommand,
  handleCommandInTransaction,
  ServiceDatabase,
  type CommandResult,
} from '@haven/platform/nest';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import { beneficiaryDecider } from '@haven/protection/domain';
import { BENEFICIARY_MATCH_KEYS_TABLE } from '@haven/protection/read-models';
import { Privacy } from '../personal-data/privacy';

/**
 * Erasure of a beneficiary's personal data, by two admins: one requests, another confirms. The
 * rules (who, in which order) are the decider's. Confirming destroys the person's data key in
 * the transaction that appends BeneficiaryErased, and deletes the person's duplicate-detection
 * match keys there too, so either all happen or none does.
 */
@Injectable()
export class BeneficiaryErasureHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ServiceDatabase) private readonly database: ServiceDatabase,
    @Inject(Privacy) private readonly privacy: Privacy,
  ) {}

  request(beneficiaryId: string, reason: string, metadata: EventMetadata): Promise<CommandResult> {
    return handleCommand(
      this.store,
      beneficiaryStreamId(beneficiaryId),
      beneficiaryDecider,
      { type: 'RequestBeneficiaryErasure', data: { beneficiaryId, reason }, metadata },
      metadata,
    );
  }

  async confirm(beneficiaryId: string, metadata: EventMetadata): Promise<CommandResult> {
    const result = await handleCommandInTransaction(
      this.database.eventStore,
      () => this.privacy.connect(),
      beneficiaryStreamId(beneficiaryId),
      beneficiaryDecider,
      { type: 'ConfirmBeneficiaryErasure', data: { beneficiaryId }, metadata },
      metadata,
      async (client) => {
        await this.privacy.keys.destroy(beneficiaryId, client);
        // The match keys are derived from the name and birth date: they go with the key.
        await client.query(
          `DELETE FROM ${BENEFICIARY_MATCH_KEYS_TABLE} WHERE beneficiary_id = $1`,
          [beneficiaryId],
        );
      },
    );
    // A read in flight may have cached the key while the transaction ran.
    this.privacy.keys.evict(beneficiaryId);
    return result;
  }
}
