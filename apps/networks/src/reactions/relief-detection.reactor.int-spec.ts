import { randomUUID } from 'node:crypto';
import { caseNotificationStreamId } from '@haven/networks/contracts';
import { migrateEventStore, PostgresEventStore } from '@haven/platform/event-store';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import {
  notificationIdForDetection,
  reliefResponseStreamId,
  type ReliefDetectionNotified,
} from '@haven/relief/contracts';
import type { EntityManager } from 'typeorm';
import { reliefDetectionReactor } from './relief-detection.reactor';

let db: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => {
  db = await createTestDatabase('networks_relief_reactor');
  await migrateEventStore(db.url);
  store = new PostgresEventStore({ connectionString: db.url });
});

afterAll(async () => {
  await store?.close();
  await db?.drop();
});

describe('relief detections, followed by networks', () => {
  it('submits one case notification under the id derived from the detection, however often replayed', async () => {
    const responseId = randomUUID();
    const detectionId = randomUUID();
    const notificationId = notificationIdForDetection(detectionId);
    const notified: ReliefDetectionNotified = {
      type: 'ReliefDetectionNotified',
      data: {
        responseId,
        detectionId,
        notificationId,
        country: 'LA',
        province: 'Xaythany',
        formOfExploitation: 'FORCED_MARRIAGE',
        sex: 'FEMALE',
        minor: true,
        notifiedAt: '2020-06-02T09:00:00.000Z',
      },
    };
    await store.append(
      reliefResponseStreamId(responseId),
      [
        {
          ...notified,
          metadata: {
            actorId: 'coord-la',
            role: 'relief_coordinator',
            organisationId: null,
            correlationId: 'c-1',
            causationId: null,
            occurredAt: '2020-06-02T09:00:00.000Z',
          },
        },
      ],
      'no_stream',
    );
    const projection = reliefDetectionReactor(store);
    const source = await store.readStream(reliefResponseStreamId(responseId));
    const manager = {} as EntityManager;
    await projection.apply(source, manager);
    await projection.apply(source, manager);

    const submitted = await store.readStream(caseNotificationStreamId(notificationId));
    expect(submitted.map((event) => event.type)).toEqual(['CaseNotificationSubmitted']);
    expect(submitted[0].data).toMatchObject({
      notificationId,
      reportedBy: 'STAFF',
      reporterReference: null,
      formOfExploitation: 'FORCED_MARRIAGE',
      country: 'LA',
      province: 'Xaythany',
      possibleVictims: 1,
      minors: 1,
    });
    expect(submitted[0].metadata).toMatchObject({ role: 'system', causationId: source[0].eventId });
  });
});
