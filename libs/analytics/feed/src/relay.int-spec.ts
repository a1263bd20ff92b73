import { randomUUID } from 'node:crypto';
import type { JsonObject } from '@haven/platform/event-store';
import { messagesText } from '@haven/platform/kafka/testing';
import { HEADERS } from './messages';
import type { AnalyticsRelay } from './relay';
import { eventually } from '@haven/platform/testing';
import { feedTestBed, metadata, type FeedTestBed } from './test-support';
import {
  ADVOCACY_ACTIONS_V1,
  BENEFICIARIES_V1,
  CASE_NOTIFICATIONS_V1,
  ENROLMENTS_V1,
  LEGAL_CASES_V1,
  PROTECTION_CASES_V1,
  RELIEF_RESPONSES_V1,
} from './topics';

const NOTIFICATIONS = CASE_NOTIFICATIONS_V1.name;

function submitted(notificationId: string, overrides: Record<string, unknown> = {}) {
  return {
    type: 'CaseNotificationSubmitted',
    data: {
      notificationId,
      reportedBy: 'WATCHDOG',
      reporterReference: randomUUID(),
      formOfExploitation: 'FORCED_MARRIAGE',
      country: 'LA',
      province: 'Bokeo Marker-Province',
      abroad: false,
      possibleVictims: 2,
      minors: 1,
      submittedAt: '2026-03-14T09:26:53.589Z',
      ...overrides,
    },
    metadata: metadata(),
  };
}

// Each case twice: mapping in the relay's own thread, and in a worker thread (ADR 15).
describe.each([
  ['mapping in its own thread', false],
  ['mapping in a worker thread', true],
])('the analytics relay, %s, against a real Kafka broker', (_mode, inWorker) => {
  let bed: FeedTestBed;
  let relay: AnalyticsRelay;
  const newRelay = (overrides: Parameters<FeedTestBed['relay']>[0] = {}) =>
    bed.relay(inWorker ? { workerDatabaseUrl: bed.db.url, ...overrides } : overrides);

  beforeAll(async () => {
    bed = await feedTestBed();
  });
  afterAll(() => bed.close());
  afterEach(() => relay?.stop());

  it('publishes each listed event once, keyed by the pseudonym of its stream, minimised, with its event id and schema version in headers, and checkpoints after the acknowledgement', async () => {
    const notificationId = randomUUID();
    const appended = await bed.store.append(
      `casenotification-${notificationId}`,
      [
        submitted(notificationId),
        {
          type: 'CaseNotificationValidated',
          data: { notificationId, validatedAt: '2026-03-15T23:59:59.000Z' },
          metadata: metadata(),
        },
      ],
      'no_stream',
    );
    relay = newRelay();
    relay.start();
    await eventually(async () =>
      expect(relay.status().checkpoint).toBe(appended.globalPositions[1]),
    );
    expect(relay.ready()).toBe(true);
    expect(await relay.lag()).toEqual({ positions: 0, seconds: 0 });

    const messages = await bed.messages(NOTIFICATIONS);
    expect(messages).toHaveLength(2);
    const key = bed.pseudonyms.pseudonym('notification', notificationId);
    expect(messages.map((message) => message.key)).toEqual([key, key]);
    const stored = await bed.store.readStream(`casenotification-${notificationId}`);
    expect(messages.map((message) => message.headers[HEADERS.eventId])).toEqual(
      stored.map((event) => bed.pseudonyms.pseudonym('event', event.eventId)),
    );
    expect(messages[0].headers[HEADERS.schemaVersion]).toBe('1');
    expect(messages[0].headers[HEADERS.keyId]).toBe('test');
    expect(JSON.parse(messages[0].value!)).toEqual({
      type: 'CaseNotificationSubmitted',
      schemaVersion: 1,
      data: {
        notification: key,
        reportedBy: 'WATCHDOG',
        formOfExploitation: 'FORCED_MARRIAGE',
        country: 'LA',
        abroad: false,
        possibleVictims: 2,
        minors: 1,
        submittedOn: '2026-03-14',
      },
    });
    expect(JSON.parse(messages[1].value!).data).toEqual({
      notification: key,
      validatedOn: '2026-03-15',
    });
    const text = messagesText(messages);
    for (const secret of [notificationId, 'Marker-Province', stored[0].eventId, 'T09:26']) {
      expect(text).not.toContain(secret);
    }
  });

  it('resumes from its checkpoint: a second relay publishes only what came after', async () => {
    const before = (await bed.messages(NOTIFICATIONS)).length;
    const notificationId = randomUUID();
    await bed.store.append(
      `casenotification-${notificationId}`,
      [submitted(notificationId)],
      'no_stream',
    );
    relay = newRelay();
    relay.start();
    await eventually(async () =>
      expect(await bed.messages(NOTIFICATIONS)).toHaveLength(before + 1),
    );
    await relay.stop();
    // Settle: nothing more arrives.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await bed.messages(NOTIFICATIONS)).toHaveLength(before + 1);
  });

  it('publishes a tombstone under the person pseudonym when a person is erased, and nothing of the erasure request', async () => {
    const beneficiaryId = randomUUID();
    const stream = `beneficiary-${beneficiaryId}`;
    await bed.store.append(
      stream,
      [
        {
          type: 'BeneficiaryRegistered',
          data: {
            beneficiaryId,
            referenceCode: 'BEN-TH-000777',
            country: 'TH',
            sex: 'FEMALE',
            minor: true,
            registeredAt: '2026-02-03T04:05:06.000Z',
            personal: { givenName: 'pii:v1:sealed-marker' },
          },
          metadata: metadata(),
        },
        {
          type: 'BeneficiaryErasureRequested',
          data: {
            beneficiaryId,
            requestedBy: 'admin-1',
            reason: 'Asked by her guardian',
            requestedAt: '2026-04-01T00:00:00Z',
          },
          metadata: metadata(),
        },
        {
          type: 'BeneficiaryErased',
          data: {
            beneficiaryId,
            requestedBy: 'admin-1',
            confirmedBy: 'admin-2',
            erasedAt: '2026-04-02T00:00:00Z',
          },
          metadata: metadata(),
        },
      ],
      'no_stream',
    );
    relay = newRelay();
    relay.start();
    const person = bed.pseudonyms.pseudonym('person', beneficiaryId);
    await eventually(async () => {
      const messages = (await bed.messages(BENEFICIARIES_V1.name)).filter(
        (message) => message.key === person,
      );
      expect(
        messages.map((message) => [
          message.headers[HEADERS.eventType],
          message.value && JSON.parse(message.value).data,
        ]),
      ).toEqual([
        [
          'BeneficiaryRegistered',
          { person, country: 'TH', sex: 'FEMALE', minor: true, registeredIn: '2026-02' },
        ],
        ['BeneficiaryErased', null],
      ]);
    });
    const text = messagesText(await bed.messages(BENEFICIARIES_V1.name));
    for (const secret of ['BEN-TH-000777', 'sealed-marker', 'guardian', 'admin-1', beneficiaryId]) {
      expect(text).not.toContain(secret);
    }
  });

  it("publishes empowerment's, legal's and relief's integration events on their own topics, each keyed by its stream's pseudonym, and nothing of their internal events", async () => {
    const [enrolmentId, beneficiaryId, caseId, actionId, responseId] = Array.from(
      { length: 5 },
      () => randomUUID(),
    );
    const of = { enrolmentId, beneficiaryId, country: 'MM' };
    const appends: Array<[string, Array<{ type: string; data: JsonObject }>]> = [
      [
        `empowermentenrolment-${enrolmentId}`,
        [
          {
            type: 'EnrolmentSettingChanged',
            data: {
              ...of,
              setting: {
                kind: 'SHELTER',
                shelterName: 'Shelter-Marker',
                governmentRun: false,
                province: null,
                district: null,
              },
              changedOn: '2026-05-01',
            },
          },
          // Internal to empowerment (not in its contract): never published.
          { type: 'CounsellingNoteAdded', data: { enrolmentId, text: 'pii:v1:note-Marker' } },
          {
            type: 'EnrolmentClosed',
            data: { ...of, reason: 'MOVED_AWAY', closedOn: '2026-06-01' },
          },
        ],
      ],
      [
        `legalcase-${caseId}`,
        [
          {
            type: 'LegalCaseClosed',
            data: { caseId, country: 'TH', beneficiaryIds: [beneficiaryId], on: '2026-07-01' },
          },
        ],
      ],
      [
        `legaladvocacy-${actionId}`,
        [
          {
            type: 'AdvocacyOutcomeRecorded',
            data: { actionId, country: 'LA', outcome: 'ACHIEVED', on: '2026-08-01' },
          },
        ],
      ],
      [
        `reliefresponse-${responseId}`,
        [
          {
            type: 'MigratedFamiliesRecorded',
            data: {
              responseId,
              country: 'TH',
              entryId: randomUUID(),
              families: 3,
              destination: 'MY',
              district: 'District-Marker',
              recordedOn: '2026-09-01',
              fieldWorkerKind: 'STAFF',
              fieldWorkerId: 'user-Marker',
            },
          },
        ],
      ],
    ];
    for (const [stream, events] of appends) {
      await bed.store.append(
        stream,
        events.map((event) => ({ ...event, metadata: metadata() })),
        'no_stream',
      );
    }
    relay = newRelay();
    relay.start();
    const expected: Array<[string, string, string[]]> = [
      [
        ENROLMENTS_V1.name,
        bed.pseudonyms.pseudonym('enrolment', enrolmentId),
        ['EnrolmentSettingChanged', 'EnrolmentClosed'],
      ],
      [LEGAL_CASES_V1.name, bed.pseudonyms.pseudonym('case', caseId), ['LegalCaseClosed']],
      [
        ADVOCACY_ACTIONS_V1.name,
        bed.pseudonyms.pseudonym('advocacy', actionId),
        ['AdvocacyOutcomeRecorded'],
      ],
      [
        RELIEF_RESPONSES_V1.name,
        bed.pseudonyms.pseudonym('response', responseId),
        ['MigratedFamiliesRecorded'],
      ],
    ];
    await eventually(async () => {
      for (const [topic, key, types] of expected) {
        const messages = (await bed.messages(topic)).filter((message) => message.key === key);
        expect(messages.map((message) => message.headers[HEADERS.eventType])).toEqual(types);
      }
    });
    const enrolment = (await bed.messages(ENROLMENTS_V1.name)).find(
      (message) => message.headers[HEADERS.eventType] === 'EnrolmentSettingChanged',
    );
    expect(JSON.parse(enrolment!.value!).data).toEqual({
      enrolment: bed.pseudonyms.pseudonym('enrolment', enrolmentId),
      person: bed.pseudonyms.pseudonym('person', beneficiaryId),
      country: 'MM',
      setting: 'SHELTER',
      changedOn: '2026-05-01',
    });
    const text = messagesText(
      (await Promise.all(expected.map(([topic]) => bed.messages(topic)))).flat(),
    );
    for (const secret of ['Marker', enrolmentId, beneficiaryId, caseId, actionId, responseId]) {
      expect(text).not.toContain(secret);
    }
  });

  it('halts at an event that fails its schema, after publishing the events before it, and logs no value', async () => {
    const caseId = randomUUID();
    const appended = await bed.store.append(
      `protectioncase-${caseId}`,
      [
        {
          type: 'ProtectionCaseOpened',
          data: {
            caseId,
            country: 'TH',
            province: null,
            abroad: false,
            formOfExploitation: 'SEX_TRAFFICKING',
            sourceNotificationId: null,
            openedAt: '2026-05-01T10:00:00Z',
          },
          metadata: metadata(),
        },
        {
          // A closure reason outside the contract's list: the published schema refuses it.
          type: 'ProtectionCaseClosed',
          data: { caseId, reason: 'Closed-Marker-Free-Text', closedAt: '2026-06-01T10:00:00Z' },
          metadata: metadata(),
        },
        {
          type: 'ProtectionCaseReopened',
          data: { caseId, reason: 'NEW_INFORMATION', reopenedAt: '2026-06-02T10:00:00Z' },
          metadata: metadata(),
        },
      ],
      'no_stream',
    );
    relay = newRelay();
    relay.start();
    await expect(relay.done).rejects.toThrow(
      /ProtectionCaseClosed at position \d+ does not match the schema of haven\.protection\.cases\.v1: \/data\/reason/,
    );
    expect(relay.status()).toMatchObject({
      state: 'failed',
      checkpoint: appended.globalPositions[0],
    });
    expect(relay.ready()).toBe(false);
    const key = bed.pseudonyms.pseudonym('case', caseId);
    const published = (await bed.messages(PROTECTION_CASES_V1.name)).filter(
      (message) => message.key === key,
    );
    expect(published.map((message) => message.headers[HEADERS.eventType])).toEqual([
      'ProtectionCaseOpened',
    ]);
    const logged = JSON.stringify(bed.logs);
    expect(logged).toContain('halted');
    expect(logged).not.toContain('Closed-Marker-Free-Text');
    // Stopped for good at that event: a new relay halts at the same place, skipping nothing.
    const again = newRelay();
    again.start();
    await expect(again.done).rejects.toThrow(/ProtectionCaseClosed at position/);
    expect(again.status().checkpoint).toBe(appended.globalPositions[0]);
  });
});
