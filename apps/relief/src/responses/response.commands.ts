import { defineCommand } from '@haven/platform/nest';
import { forbidden, inScope } from '@haven/platform/security';
import { reliefResponseStreamId } from '@haven/relief/contracts';
import { reliefResponseDecider } from '@haven/relief/domain';
import type { OpenReliefResponseInput } from './response.types';

export type OpenResponse = OpenReliefResponseInput & { id: string };

/** A coordinator opens a response in one of their countries. */
export const openReliefResponse = defineCommand({
  decider: reliefResponseDecider,
  streamId: (input: OpenResponse) => reliefResponseStreamId(input.id),
  authorise(_state, principal, input) {
    if (!inScope(principal, { country: input.country })) {
      throw forbidden('You open relief responses in your own countries only.', 'OUT_OF_SCOPE');
    }
  },
  command: (input, _state, { metadata }) => ({
    type: 'OpenReliefResponse' as const,
    data: {
      responseId: input.id,
      name: input.name,
      country: input.country,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      funder: input.funder ?? null,
    },
    metadata,
  }),
});
