import { rowProjection } from '@haven/platform/projections';
import { RELIEF_RESPONSE_CATEGORY } from '@haven/relief/contracts';
import type { RecordedReliefEvent } from './recorded';
import { ReliefResponseRow } from './relief-response.entity';

/** `relief.responses`: one row per opened response. */
export const reliefResponsesProjection = rowProjection<ReliefResponseRow, RecordedReliefEvent>({
  name: 'relief.responses',
  entity: ReliefResponseRow,
  handles: ['ReliefResponseOpened'],
  categories: [RELIEF_RESPONSE_CATEGORY],
  keyOf: (event) => (event.type === 'ReliefResponseOpened' ? event.data.responseId : undefined),
  evolve(_row, event) {
    if (event.type !== 'ReliefResponseOpened') return _row;
    const { data } = event;
    return {
      id: data.responseId,
      name: data.name,
      country: data.country,
      startsOn: data.startsOn,
      endsOn: data.endsOn,
      funder: data.funder,
      openedBy: event.metadata.actorId,
      openedPosition: event.globalPosition,
    };
  },
});
