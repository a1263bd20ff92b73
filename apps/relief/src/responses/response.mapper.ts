import type { ReliefResponseRow } from '@haven/relief/read-models';
import type { ReliefResponse } from './response.types';

export const RESPONSE_CURSOR = 'response';

/** Row → GraphQL type, field by field (nothing else of the row reaches a client). */
export function toReliefResponse(row: ReliefResponseRow): ReliefResponse {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    funder: row.funder,
  };
}
