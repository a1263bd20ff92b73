// The workload: realistic events (~400 bytes of data with nested objects, full metadata), and the
// streams each writer appends them to.
import { randomUUID } from 'node:crypto';
import {
  newEventId,
  type EventMetadata,
  type JsonObject,
  type NewEvent,
} from '@haven/platform/event-store';
import { STREAM_CATEGORY } from './settings';

const runTag = Date.now().toString(36);

const ROLES = ['caseworker', 'supervisor', 'legal_advisor', 'intake_officer'];
const NOTES = [
  'Met the client at the shelter; she asked for help with her residence permit and a translator.',
  'Follow-up call: employer contacted the client twice this week, safety plan updated with police.',
  'Referred to partner organisation for medical check; transport arranged for Thursday morning.',
];
const organisations = Array.from({ length: 8 }, () => randomUUID());
const actors = Array.from({ length: 32 }, () => randomUUID());

export function makeEvent(seq: number, extra?: JsonObject): NewEvent {
  const data: JsonObject = {
    caseId: randomUUID(),
    sequence: seq,
    note: {
      text: NOTES[seq % NOTES.length],
      language: 'en',
      visibility: 'case_team',
      tags: ['follow-up', seq % 2 ? 'safety' : 'housing'],
    },
    client: { pseudonym: `C-${(seq * 7919) % 100000}`, ageBand: '25-34', nationality: 'RO' },
    location: { country: 'NL', region: 'Noord-Holland', site: 'shelter-12' },
    risk: { level: seq % 3 ? 'medium' : 'high', score: (seq % 100) / 100 },
    ...extra,
  };
  const metadata: EventMetadata = {
    actorId: actors[seq % actors.length],
    role: ROLES[seq % ROLES.length],
    organisationId: seq % 5 ? organisations[seq % organisations.length] : null,
    correlationId: randomUUID(),
    causationId: seq % 4 ? randomUUID() : null,
    occurredAt: new Date().toISOString(),
  };
  return { eventId: newEventId(), type: 'CaseNoteAdded', schemaVersion: 1, data, metadata };
}

/** A stream id per writer, moving to a fresh stream every `length` appends. */
export class StreamCursor {
  private streamNo = 0;
  stream = '';
  version = 0;
  constructor(
    private readonly prefix: string,
    private readonly length: number,
  ) {
    this.nextStream();
  }
  private nextStream(): void {
    this.stream = `${STREAM_CATEGORY}-${runTag}-${this.prefix}-${this.streamNo++}`;
    this.version = 0;
  }
  advance(by: number): void {
    this.version += by;
    if (this.version >= this.length * by) this.nextStream();
  }
}

/** One event as the figures write it, and its size: for the results. */
export function samplePayload() {
  const sample = makeEvent(1);
  return {
    dataBytes: Buffer.byteLength(JSON.stringify(sample.data)),
    metadataBytes: Buffer.byteLength(JSON.stringify(sample.metadata)),
    example: sample,
  };
}

export type Payload = ReturnType<typeof samplePayload>;
