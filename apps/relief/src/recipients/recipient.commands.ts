import { defineCommand, type PersonalData } from '@haven/platform/nest';
import { reliefResponseStreamId } from '@haven/relief/contracts';
import { reliefResponseDecider } from '@haven/relief/domain';
import { mustReachResponse } from '../scope';
import type { EraseReliefRecipientAliasInput } from './recipient.types';

/**
 * Erasing an alias: the event and the key's destruction commit together or not at all, so no
 * stream says "erased" while the key still opens the alias, nor the other way round.
 */
export function eraseReliefRecipientAlias(privacy: PersonalData) {
  return defineCommand({
    decider: reliefResponseDecider,
    streamId: (input: EraseReliefRecipientAliasInput) =>
      reliefResponseStreamId(input.responseId.toLowerCase()),
    authorise: mustReachResponse,
    command: (input, _state, { metadata }) => ({
      type: 'EraseReliefRecipientAlias' as const,
      data: { recipientId: input.recipientId.toLowerCase() },
      metadata,
    }),
    async alongside(client, events) {
      for (const event of events) {
        if (event.type === 'ReliefRecipientAliasErased') {
          await privacy.keys.destroy(event.data.recipientId, client);
        }
      }
    },
  });
}
