import type { RecordedEvent } from '@haven/platform/event-store';
import { rowProjection } from '@haven/platform/projections';
import { RELIEF_RESPONSE_CATEGORY } from '@haven/relief/contracts';
import type { ReliefRecipientAliasErased, ReliefRecipientRegistered } from '@haven/relief/domain';
import { RecipientAliasRow } from './recipient-alias.entity';

type Followed =
  | RecordedEvent<'ReliefRecipientRegistered', ReliefRecipientRegistered['data']>
  | RecordedEvent<'ReliefRecipientAliasErased', ReliefRecipientAliasErased['data']>;

/** Each relief recipient's sealed alias; an erased one keeps no ciphertext here. */
export const recipientAliasesProjection = rowProjection<RecipientAliasRow, Followed>({
  name: 'relief.recipient_aliases',
  entity: RecipientAliasRow,
  handles: ['ReliefRecipientRegistered', 'ReliefRecipientAliasErased'],
  categories: [RELIEF_RESPONSE_CATEGORY],
  keyOf: (event) => event.data.recipientId,
  evolve(row, event) {
    if (event.type === 'ReliefRecipientRegistered') {
      return {
        recipientId: event.data.recipientId,
        responseId: event.data.responseId,
        // Recorded before aliases were kept: none.
        sealedAlias: event.data.sealedAlias ?? null,
        erased: false,
      };
    }
    return row && { ...row, sealedAlias: null, erased: true };
  },
});
