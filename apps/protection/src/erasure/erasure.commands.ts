import { Inject, Injectable } from '@nestjs/common';
import { defineCommand } from '@haven/platform/nest';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import {
  beneficiaryDecider,
  type ConfirmBeneficiaryErasure,
  type RequestBeneficiaryErasure,
} from '@haven/protection/domain';
import { BENEFICIARY_MATCH_KEYS_TABLE } from '@haven/protection/read-models';
import { Privacy } from '../personal-data/privacy';

/**
 * Erasure of a beneficiary's personal data, by two admins: one requests, another confirms. The
 * rules (who, in which order) are the decider's; roles are the mutations' policies. Confirming
 * destroys the person's data key in the transaction that appends BeneficiaryErased, and deletes
 * the person's duplicate-detection match keys there too, so either all happen or none does.
 */
@Injectable()
export class ErasureCommands {
  constructor(@Inject(Privacy) private readonly privacy: Privacy) {}

  readonly request = defineCommand({
    decider: beneficiaryDecider,
    streamId: (input: RequestBeneficiaryErasure['data']) =>
      beneficiaryStreamId(input.beneficiaryId),
    // Admins only (the policy), in every country: nothing more to check on the record.
    authorise: () => undefined,
    command: (data, _state, { metadata }): RequestBeneficiaryErasure => ({
      type: 'RequestBeneficiaryErasure',
      data,
      metadata,
    }),
  });

  readonly confirm = defineCommand({
    decider: beneficiaryDecider,
    streamId: (input: ConfirmBeneficiaryErasure['data']) =>
      beneficiaryStreamId(input.beneficiaryId),
    authorise: () => undefined,
    command: (data, _state, { metadata }): ConfirmBeneficiaryErasure => ({
      type: 'ConfirmBeneficiaryErasure',
      data,
      metadata,
    }),
    alongside: async (client, _events, { beneficiaryId }) => {
      await this.privacy.keys.destroy(beneficiaryId, client);
      // The match keys are derived from the name and birth date: they go with the key.
      await client.query(`DELETE FROM ${BENEFICIARY_MATCH_KEYS_TABLE} WHERE beneficiary_id = $1`, [
        beneficiaryId,
      ]);
    },
  });
}
