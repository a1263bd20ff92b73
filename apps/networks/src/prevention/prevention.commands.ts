import {
  preventionActivityDecider,
  preventionActivityStreamId,
  type RecordPreventionActivity,
} from '@haven/networks/domain';
import { defineCommand } from '@haven/platform/nest';
import { assertMayWriteIn } from '../scope';

/** Record a training or a campaign: staff, in their own countries (the id checked by the resolver). */
export const recordPreventionActivity = defineCommand({
  decider: preventionActivityDecider,
  streamId: (input: RecordPreventionActivity['data']) =>
    preventionActivityStreamId(input.activityId),
  authorise: (_state, principal, input) => assertMayWriteIn(principal, input.country),
  command: (input, _state, { metadata }): RecordPreventionActivity => ({
    type: 'RecordPreventionActivity',
    data: input,
    metadata,
  }),
});
