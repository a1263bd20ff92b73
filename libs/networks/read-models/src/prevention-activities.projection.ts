import {
  PREVENTION_ACTIVITY_CATEGORY,
  type PreventionActivityRecorded,
} from '@haven/networks/domain';
import type { RecordedEvent } from '@haven/platform/event-store';
import { rowProjection } from '@haven/platform/projections';
import { PreventionActivityRow } from './prevention-activity.entity';

/** `networks.prevention_activities`: one row per training or campaign. */
export const preventionActivitiesProjection = rowProjection<
  PreventionActivityRow,
  RecordedEvent<'PreventionActivityRecorded', PreventionActivityRecorded['data']>
>({
  name: 'networks.prevention_activities',
  entity: PreventionActivityRow,
  handles: ['PreventionActivityRecorded'],
  categories: [PREVENTION_ACTIVITY_CATEGORY],
  keyOf: (event) => event.data.activityId,
  evolve: (_row, { data, globalPosition }) => ({
    id: data.activityId,
    kind: data.kind,
    topic: data.topic,
    date: data.date,
    country: data.country,
    province: data.province,
    district: data.district,
    online: data.online,
    participants: data.participants,
    participantCount: data.participants
      ? data.participants.reduce((sum, line) => sum + line.count, 0)
      : null,
    reach: data.reach,
    institutions: data.institutions ?? null,
    recordedAt: new Date(data.recordedAt),
    recordedPosition: globalPosition,
  }),
});
