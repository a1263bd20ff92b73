// The case opener on a real event store: each referral on the log opens exactly one case, however
// often it is delivered.
import { randomUUID } from 'node:crypto';
import {
  migrateEventStore,
  PostgresEventStore,
  type EventMetadata,
} from '@haven/platform/event-store';
import { migrateProjections, ProjectionRunner } from '@haven/platform/projections';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { caseNotificationStreamId, type CaseNotificationReferred } from '@haven/networks/contracts';
import {
  protectionCaseIdForNotification,
  protectionCaseStreamId,
} from '@haven/protection/contracts';
import { DataSource } from 'typeorm';
import { caseOpenerReactor } from './case-opener';

let db: TestDatabase;
let store: PostgresEventStore;
let dataSource: DataSource;
const skipped: Array<[number, string]> = [];

const coordinator: EventMetadata = {
  actorId: 'coordinator-2',
  role: 'network_coordinator',
  organisationId: 'alliance',
  correlationId: 'referral-correlation',
  causationId: null,
  occurredAt: '2026-11-19T09:00:00.000Z',
};

/** A referral as networks' contract shapes it, appended straight to the log. */
function referral(
  notificationId: string,
  data: Partial<CaseNotificationReferred['data']> = {},
): CaseNotificationReferred & { metadata: EventMetadata } {
  return {
    type: 'CaseNotificationReferred',
    data: {
      notificationId,
      country: 'LA',
      province: 'Vientiane Capital',
      abroad: false,
      formOfExploitation: 'SEX_TRAFFICKING',
      possibleVictims: 4,
      minors: 3,
      reportedBy: 'AGENT_OF_CHANGE',
      referredAt: '2026-11-19T09:00:00.000Z',
      ...data,
    },
    metadata: coordinator,
  };
}

function runner(): ProjectionRunner {
  return new ProjectionRunner(
    store,
    dataSource,
    caseOpenerReactor(store, { onSkipped: (position, reason) => skipped.push([position, reason]) }),
    { pollIntervalMs: 50 },
  );
}

async function caseEvents(notificationId: string) {
  return store.readStream(protectionCaseStreamId(protectionCaseIdForNotification(notificationId)));
}

async function refer(notificationId: string, data: Partial<CaseNotificationReferred['data']> = {}) {
  const result = await store.append(
    caseNotificationStreamId(notificationId),
    [referral(notificationId, data)],
    'any',
  );
  return result.globalPositions[0];
}

beforeAll(async () => {
  db = await createTestDatabase('protection_case_opener');
  await migrateEventStore(db.url);
  await migrateProjections(db.url);
  store = new PostgresEventStore({ connectionString: db.url });
  dataSource = new DataSource({ type: 'postgres', url: db.url });
  await dataSource.initialize();
});

afterAll(async () => {
  await store.close();
  await dataSource.destroy();
  await db.drop();
});

describe('the case opener', () => {
  it('given a referral on the log, when it runs, then it opens one case with the derived id, caused by the referral, as the system', async () => {
    const notificationId = randomUUID();
    const position = await refer(notificationId);
    const opener = runner();
    await opener.start();
    await opener.waitFor(position);
    await opener.stop();

    const [referred] = await store.readStream(caseNotificationStreamId(notificationId));
    const events = await caseEvents(notificationId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      streamVersion: 1,
      type: 'ProtectionCaseOpened',
      data: {
        caseId: protectionCaseIdForNotification(notificationId),
        country: 'LA',
        province: 'Vientiane Capital',
        abroad: false,
        formOfExploitation: 'SEX_TRAFFICKING',
        sourceNotificationId: notificationId,
        openedAt: '2026-11-19T09:00:00.000Z',
      },
      metadata: {
        actorId: 'protection.case-opener',
        role: 'system',
        organisationId: null,
        correlationId: 'referral-correlation',
        causationId: referred.eventId,
        occurredAt: '2026-11-19T09:00:00.000Z',
      },
    });
    expect(events[0].globalPosition).toBeGreaterThan(position);
  });

  it('given the same notification referred twice, when both are processed, then it still has one case', async () => {
    const notificationId = randomUUID();
    await refer(notificationId);
    const second = await refer(notificationId, { possibleVictims: 5 });
    const opener = runner();
    await opener.start();
    await opener.waitFor(second);
    await opener.stop();
    expect(await caseEvents(notificationId)).toHaveLength(1);
  });

  it('given referrals already followed, when the opener restarts, or replays the whole log (a rebuild), then no case is opened twice', async () => {
    const notificationId = randomUUID();
    const position = await refer(notificationId);
    const first = runner();
    await first.start();
    await first.waitFor(position);
    await first.stop();

    // Resumes after its checkpoint.
    const restarted = runner();
    await restarted.start();
    await restarted.waitFor(await store.headPosition());
    // Back to position zero: every referral is delivered again.
    await restarted.rebuild();
    await restarted.waitFor(await store.headPosition());
    await restarted.stop();

    expect(await caseEvents(notificationId)).toHaveLength(1);
  });

  it('given a crash after the case was opened but before the checkpoint moved, when the referral is delivered again, then nothing more is written', async () => {
    const notificationId = randomUUID();
    const position = await refer(notificationId);
    const opener = runner();
    // The first delivery, by hand: the append is made, the checkpoint never moves.
    const [recorded] = await store.readAll({ fromPosition: position, limit: 1 });
    await dataSource.transaction((manager) => caseOpenerReactor(store).apply([recorded], manager));
    const afterFirst = await caseEvents(notificationId);
    expect(afterFirst).toHaveLength(1);

    await opener.rebuild();
    await opener.waitFor(await store.headPosition());
    await opener.stop();
    expect(await caseEvents(notificationId)).toEqual(afterFirst);
  });

  it('given an unknown country or form of exploitation (networks’ vocabulary grew), then the case is opened as OTHER', async () => {
    const notificationId = randomUUID();
    const position = await refer(notificationId, {
      country: 'KH',
      formOfExploitation: 'FORCED_LABOUR' as never,
    });
    const opener = runner();
    await opener.start();
    await opener.waitFor(position);
    await opener.stop();
    const [opened] = await caseEvents(notificationId);
    expect(opened.data).toMatchObject({ country: 'OTHER', formOfExploitation: 'OTHER' });
  });

  it('given a referral that cannot open a case, then it is skipped (reported by position) and the next one still opens its case', async () => {
    const broken = randomUUID();
    const brokenPosition = await refer(broken, { notificationId: 'not-a-uuid' });
    const next = randomUUID();
    const position = await refer(next);
    const opener = runner();
    await opener.start();
    await opener.waitFor(position);
    await opener.stop();
    expect(skipped).toEqual([[brokenPosition, expect.stringContaining('sourceNotificationId')]]);
    expect(await caseEvents(next)).toHaveLength(1);
  });
});

describe('the case opener and the kind of place', () => {
  it('given referrals naming a kind of place, one unknown to protection, and none, then the cases hold it, OTHER and null', async () => {
    const [named, unknown, none] = [randomUUID(), randomUUID(), randomUUID()];
    // Passed as data, not by the referral's type: older referrals carry no such field.
    await refer(named, { placeOfExploitation: 'MASSAGE_PARLOUR' } as never);
    await refer(unknown, { placeOfExploitation: 'A_PLACE_NOT_YET_KNOWN' } as never);
    const position = await refer(none);
    const opener = runner();
    await opener.start();
    await opener.waitFor(position);
    await opener.stop();

    const placeOf = async (id: string) =>
      ((await caseEvents(id))[0].data as { placeOfExploitation: unknown }).placeOfExploitation;
    expect(await placeOf(named)).toBe('MASSAGE_PARLOUR');
    expect(await placeOf(unknown)).toBe('OTHER');
    expect(await placeOf(none)).toBeNull();
  });
});

describe('the case opener and where abroad', () => {
  it('given referrals abroad naming a country, a code that is no country, and one at home naming one, then the cases hold it, null and null', async () => {
    const [named, unknown, home] = [randomUUID(), randomUUID(), randomUUID()];
    const abroad = { country: 'OTHER', province: null, abroad: true };
    await refer(named, { ...abroad, destination: 'BE' } as never);
    await refer(unknown, { ...abroad, destination: 'ATLANTIS' } as never);
    const position = await refer(home, { destination: 'BE' } as never);
    const opener = runner();
    await opener.start();
    await opener.waitFor(position);
    await opener.stop();

    const destinationOf = async (id: string) =>
      ((await caseEvents(id))[0].data as { destination: unknown }).destination;
    expect(await destinationOf(named)).toBe('BE');
    expect(await destinationOf(unknown)).toBeNull();
    expect(await destinationOf(home)).toBeNull();
  });
});
