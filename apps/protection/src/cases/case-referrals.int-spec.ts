// A referral opening a protection case, through the service's GraphQL API on a real PostgreSQL:
// networks' referral on the log opens exactly one case, found by the notification id, its timeline
// starting with networks' events about the notification.
import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@haven/platform/event-store';
import { useTestService } from '@haven/platform/nest/testing';
import {
  caseNotificationStreamId,
  type CaseNotificationEvent,
  type CaseNotificationReferred,
} from '@haven/networks/contracts';
import { protectionCaseIdForNotification } from '@haven/protection/contracts';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { AppModule } from '../app.module';
import { eventsOf, summary, thOfficer, SUMMARY, type CaseView } from '../testing/case-fixtures';

const protection = useTestService(AppModule, { migrations: [PROTECTION_MIGRATIONS] });

async function waitFor<T>(read: () => Promise<T | null>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('not there in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const referralMetadata: EventMetadata = {
  actorId: 'coordinator-th',
  role: 'network_coordinator',
  organisationId: 'alliance',
  correlationId: 'referral-1',
  causationId: null,
  occurredAt: '2026-11-19T09:00:00.000Z',
};

/** What networks records before a referral: the notification, and its validation. */
async function notify(notificationId: string): Promise<void> {
  const events: CaseNotificationEvent[] = [
    {
      type: 'CaseNotificationSubmitted',
      data: {
        notificationId,
        reportedBy: 'WOMENS_GROUP',
        reporterReference: null,
        formOfExploitation: 'FORCED_MARRIAGE',
        country: 'TH',
        province: 'Chiang Rai',
        abroad: false,
        possibleVictims: 2,
        minors: 1,
        submittedAt: '2026-11-18T09:00:00.000Z',
      },
    },
    {
      type: 'CaseNotificationValidated',
      data: { notificationId, validatedAt: '2026-11-19T08:00:00.000Z' },
    },
  ];
  await protection.store.append(
    caseNotificationStreamId(notificationId),
    events.map((event) => ({ ...event, metadata: referralMetadata })),
    'no_stream',
  );
}

/** A referral as networks' contract shapes it, appended to the log directly. */
async function refer(notificationId: string, country = 'TH'): Promise<void> {
  const referral: CaseNotificationReferred = {
    type: 'CaseNotificationReferred',
    data: {
      notificationId,
      country,
      province: 'Chiang Rai',
      abroad: false,
      formOfExploitation: 'FORCED_MARRIAGE',
      possibleVictims: 2,
      minors: 1,
      reportedBy: 'WOMENS_GROUP',
      referredAt: '2026-11-19T09:00:00.000Z',
    },
  };
  await protection.store.append(
    caseNotificationStreamId(notificationId),
    [{ ...referral, metadata: referralMetadata }],
    'any',
  );
}

const FOR_NOTIFICATION = `
  query ($id: ID!) {
    protectionCaseForNotification(notificationId: $id) {
      id country province formOfExploitation status sourceNotificationId
      timeline { edges { node { type actorId role caseId notificationId summary { ${SUMMARY} } } } }
    }
  }`;

function timelineOf(view: CaseView): Array<Record<string, unknown>> {
  return (view.timeline as { edges: Array<{ node: Record<string, unknown> }> }).edges.map(
    (edge) => edge.node,
  );
}

describe('a referral opens a case', () => {
  it('given a CaseNotificationReferred on the log, then protection opens exactly one case, found by the notification id, whose timeline starts with networks’ events about the notification', async () => {
    const notificationId = randomUUID();
    await notify(notificationId);
    await refer(notificationId);
    const found = await waitFor(async () => {
      const response = await protection.service.graphql<{
        protectionCaseForNotification: CaseView | null;
      }>(FOR_NOTIFICATION, { id: notificationId }, {}, { as: thOfficer });
      expect(response.body.errors).toBeUndefined();
      const view = response.body.data!.protectionCaseForNotification;
      // The timeline is a projection of its own, which may catch up after the case's.
      const opened =
        view && timelineOf(view).some((entry) => entry.type === 'ProtectionCaseOpened');
      return opened ? view : null;
    });
    expect(found).toMatchObject({
      id: protectionCaseIdForNotification(notificationId),
      country: 'TH',
      province: 'Chiang Rai',
      formOfExploitation: 'FORCED_MARRIAGE',
      status: 'OPEN',
      sourceNotificationId: notificationId,
    });
    const timeline = timelineOf(found);
    expect(timeline.map((entry) => entry.type)).toEqual([
      'CaseNotificationSubmitted',
      'CaseNotificationValidated',
      'CaseNotificationReferred',
      'ProtectionCaseOpened',
    ]);
    expect(timeline.slice(2)).toEqual([
      {
        type: 'CaseNotificationReferred',
        actorId: 'coordinator-th',
        role: 'network_coordinator',
        caseId: null,
        notificationId,
        summary: summary({
          country: 'TH',
          province: 'Chiang Rai',
          abroad: false,
          formOfExploitation: 'FORCED_MARRIAGE',
          possibleVictims: 2,
          minors: 1,
          reportedBy: 'WOMENS_GROUP',
        }),
      },
      expect.objectContaining({
        type: 'ProtectionCaseOpened',
        actorId: 'protection.case-opener',
        role: 'system',
        caseId: found.id,
      }),
    ]);

    // Referred again (networks retried): still one case, one opening.
    await refer(notificationId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await eventsOf(protection.sql, found.id)).toBe(1);
  });

  it('given no referral for a notification yet, then protectionCaseForNotification is null', async () => {
    const response = await protection.service.graphql(
      FOR_NOTIFICATION,
      { id: randomUUID() },
      {},
      { as: thOfficer },
    );
    expect(response.body).toEqual({ data: { protectionCaseForNotification: null } });
  });
});
