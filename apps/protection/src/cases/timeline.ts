import { toConnection, type RowPage } from '@haven/platform/nest';
import type { TimelineEntryRow } from '@haven/protection/read-models';
import { TIMELINE_CURSOR, toTimelineEntry } from './case.mapper';
import type { TimelineConnection } from './timeline.types';

/** A page of timeline rows as a connection, each cursor its entry's global position. */
export function timelineConnection(page: RowPage<TimelineEntryRow>): TimelineConnection {
  return toConnection(TIMELINE_CURSOR, page, (row) => row.position, toTimelineEntry);
}
