import type { TimelineEntryRow } from '@haven/protection/read-models';
import { encodePositionCursor } from '../paging';
import type { Page } from './case-read-model';
import { TIMELINE_CURSOR, toTimelineEntry } from './case.mapper';
import type { TimelineConnection } from './case.types';

/** A page of timeline rows as a connection, each cursor its entry's global position. */
export function timelineConnection({
  rows,
  hasNextPage,
}: Page<TimelineEntryRow>): TimelineConnection {
  const edges = rows.map((row) => ({
    cursor: encodePositionCursor(TIMELINE_CURSOR, row.position),
    node: toTimelineEntry(row),
  }));
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}
