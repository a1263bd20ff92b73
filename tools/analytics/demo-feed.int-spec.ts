// A demo-like run through the analysts' feed: the demo data set (tools/seed/demo.ts) appended as
// the services' events, with the empowerment, legal and relief events of its victims
// (demo-programmes/), published by the relay to a real broker. Every message is then searched
// for every personal string and every Haven id the demo used, and the analysts' example consumer
// counts the notifications from the topic.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  ADVOCACY_ACTIONS_V1,
  CASE_NOTIFICATIONS_V1,
  ENROLMENTS_V1,
  FEED_TOPICS,
  LEGAL_CASES_V1,
  RELIEF_RESPONSES_V1,
} from '@haven/analytics/feed';
import { feedTestBed, metadata, type FeedTestBed } from '@haven/analytics/feed/testing';
import { eventually } from '@haven/platform/testing';
import type { NewEvent } from '@haven/platform/event-store';
import { messagesText, testKafkaBrokers } from '@haven/platform/kafka/testing';
import { encryptField, generateDataKey } from '@haven/platform/privacy';
import { demoCaseNotifications } from '../seed/demo-data';
import { demoProgrammeStreams, type DemoVictim } from './demo-programmes';

const root = path.resolve(__dirname, '../..');
let bed: FeedTestBed;
const personal = new Set<string>();
const ids = new Set<string>();
const expectedCounts = new Map<string, number>();

function event(type: string, data: Record<string, unknown>, at: string): NewEvent {
  const meta = metadata(at);
  ids
    .add(meta.actorId)
    .add(meta.organisationId as string)
    .add(meta.correlationId);
  return { eventId: randomUUID(), type, data: data as NewEvent['data'], metadata: meta };
}

const sealed = (subject: string, field: string, value: string) => {
  personal.add(value);
  return encryptField(generateDataKey(), value, { subjectId: subject, field });
};

beforeAll(async () => {
  bed = await feedTestBed();
  const appends: Array<[string, NewEvent[]]> = [];
  const victims: DemoVictim[] = [];
  for (const [index, seed] of demoCaseNotifications(40).entries()) {
    const { input } = seed;
    const at = `2025-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 27) + 1).padStart(2, '0')}T08:15:00.000Z`;
    ids.add(input.id);
    personal.add(input.province);
    const month = at.slice(0, 7);
    const key = `${month} ${input.formOfExploitation}`;
    expectedCounts.set(key, (expectedCounts.get(key) ?? 0) + 1);
    const { id: _id, ...rest } = input;
    const facts = { ...rest, notificationId: input.id, abroad: false };
    const notification: NewEvent[] = [
      event(
        'CaseNotificationSubmitted',
        { ...facts, reporterReference: randomUUID(), submittedAt: at },
        at,
      ),
    ];
    if (seed.outcome === 'REJECTED') {
      notification.push(
        event(
          'CaseNotificationRejected',
          { notificationId: input.id, reason: seed.rejectionReason, rejectedAt: at },
          at,
        ),
      );
    } else if (seed.outcome === 'DUPLICATE' && seed.duplicateOf) {
      notification.push(
        event(
          'CaseNotificationMarkedDuplicate',
          { notificationId: input.id, duplicateOf: seed.duplicateOf, markedAt: at },
          at,
        ),
      );
    } else if (seed.outcome === 'VALIDATED' || seed.outcome === 'REFERRED') {
      notification.push(
        event('CaseNotificationValidated', { notificationId: input.id, validatedAt: at }, at),
      );
    }
    if (seed.outcome === 'REFERRED') {
      notification.push(event('CaseNotificationReferred', { ...facts, referredAt: at }, at));
    }
    appends.push([`casenotification-${input.id}`, notification]);

    const plan = seed.protectionCase;
    if (!plan) continue;
    const caseId = randomUUID();
    ids.add(caseId);
    const work: NewEvent[] = [
      event(
        'ProtectionCaseOpened',
        {
          caseId,
          country: input.country,
          province: input.province,
          abroad: false,
          formOfExploitation: input.formOfExploitation,
          sourceNotificationId: input.id,
          openedAt: at,
        },
        at,
      ),
      event(
        'InvestigationNoteAdded',
        {
          caseId,
          noteId: randomUUID(),
          text: sealed(
            caseId,
            'investigationNote',
            `Met the family of case ${index} near the market`,
          ),
          addedAt: at,
        },
        at,
      ),
    ];
    for (const victim of plan.victims) {
      ids.add(victim.id);
      victims.push({
        id: victim.id,
        country: input.country as DemoVictim['country'],
        minor: victim.minor,
        on: at.slice(0, 10),
        province: input.province,
      });
      const { givenName, familyName, dateOfBirth, notes } = victim.personal;
      appends.push([
        `beneficiary-${victim.id}`,
        [
          event(
            'BeneficiaryRegistered',
            {
              beneficiaryId: victim.id,
              referenceCode: `BEN-${input.country}-${String(index).padStart(6, '0')}`,
              country: input.country,
              sex: 'FEMALE',
              minor: victim.minor,
              registeredAt: at,
              personal: {
                givenName: sealed(victim.id, 'givenName', givenName),
                familyName: sealed(victim.id, 'familyName', familyName),
                dateOfBirth: sealed(victim.id, 'dateOfBirth', dateOfBirth),
                notes: sealed(victim.id, 'notes', notes),
              },
            },
            at,
          ),
        ],
      ]);
      work.push(
        event(
          'VictimAddedToCase',
          {
            caseId,
            beneficiaryId: victim.id,
            formOfExploitation: input.formOfExploitation,
            minor: victim.minor,
            addedAt: at,
          },
          at,
        ),
      );
      if (victim.identification) {
        personal.add(victim.identification.authority);
        work.push(
          event(
            'VictimIdentificationRecorded',
            { caseId, beneficiaryId: victim.id, ...victim.identification, recordedAt: at },
            at,
          ),
        );
      }
      if (victim.placement) {
        personal.add(victim.placement.shelterName);
        ids.add(victim.placement.placementId);
        work.push(
          event(
            'ShelterPlacementRecorded',
            { caseId, beneficiaryId: victim.id, ...victim.placement, recordedAt: at },
            at,
          ),
        );
      }
      for (const step of victim.repatriation) {
        work.push(
          event(
            'RepatriationStepRecorded',
            { caseId, beneficiaryId: victim.id, ...step, recordedAt: at },
            at,
          ),
        );
      }
    }
    if (plan.rescue) {
      personal.add(plan.rescue.place);
      plan.rescue.partnerAgencies.forEach((agency) => personal.add(agency));
      ids.add(plan.rescue.operationId);
      work.push(
        event(
          'RescueOperationRecorded',
          {
            caseId,
            ...plan.rescue,
            rescuedBeneficiaryIds: plan.victims.map((victim) => victim.id),
            recordedAt: at,
          },
          at,
        ),
      );
    }
    if (plan.guardianContact) {
      work.push(
        event(
          'GuardianContactRecorded',
          {
            caseId,
            kind: plan.guardianContact.kind,
            details: sealed(caseId, 'guardianContact', plan.guardianContact.details),
            recordedAt: at,
          },
          at,
        ),
      );
    }
    if (plan.closure)
      work.push(event('ProtectionCaseClosed', { caseId, reason: plan.closure, closedAt: at }, at));
    appends.push([`protectioncase-${caseId}`, work]);
  }
  appends.push(...demoProgrammeStreams(victims, { event, sealed, personal, ids }));
  for (const [stream, events] of appends) {
    await bed.store.append(stream, events, 'no_stream');
    events.forEach((appended) => ids.add(appended.eventId as string));
  }
}, 120_000);
afterAll(() => bed.close());

describe('the analysts feed of a demo-like run', () => {
  it('carries no personal string and no Haven id of the demo in any key, value or header', async () => {
    const relay = bed.relay();
    relay.start();
    const head = await bed.store.headPosition();
    await eventually(async () => expect(relay.status().checkpoint).toBe(head), {
      timeoutMs: 60_000,
    });
    await relay.stop();

    const messages = (
      await Promise.all(FEED_TOPICS.map((topic) => bed.messages(topic.name)))
    ).flat();
    expect(messages.length).toBeGreaterThan(100);
    // Every programme's topic is in the scan.
    for (const topic of [ENROLMENTS_V1, LEGAL_CASES_V1, ADVOCACY_ACTIONS_V1, RELIEF_RESPONSES_V1]) {
      expect((await bed.messages(topic.name)).length).toBeGreaterThan(0);
    }
    const text = messagesText(messages).toLowerCase();
    // Every string a message carries: its key, header values, and each string in its value.
    const leaves = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') leaves.add(value.toLowerCase());
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    for (const message of messages) {
      collect([message.key, message.headers, message.value && JSON.parse(message.value)]);
    }
    const needles = [...personal, ...ids].filter(Boolean).map((needle) => needle.toLowerCase());
    expect(needles.length).toBeGreaterThan(200);
    // A short given name (Su, Bua) also occurs by chance inside a pseudonym or a type name: those
    // must not be a whole value; longer strings must not occur anywhere.
    const found = needles.filter((needle) =>
      needle.length < 6 ? leaves.has(needle) : text.includes(needle),
    );
    expect(found).toEqual([]);
  }, 120_000);

  it("gives the analysts' example consumer the notifications by form of exploitation and month", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['tools/analytics/count-notifications.mjs', '--json'],
      {
        cwd: root,
        env: {
          ...process.env,
          KAFKA_BROKERS: testKafkaBrokers().join(','),
          HAVEN_KAFKA_TOPIC_PREFIX: bed.topicPrefix,
        },
      },
    );
    const rows = JSON.parse(stdout) as Array<{
      month: string;
      formOfExploitation: string;
      notifications: number;
    }>;
    expect(
      new Map(rows.map((row) => [`${row.month} ${row.formOfExploitation}`, row.notifications])),
    ).toEqual(expectedCounts);
    expect(rows.reduce((sum, row) => sum + row.notifications, 0)).toBe(40);
    expect(CASE_NOTIFICATIONS_V1.name).toBe('haven.networks.case-notifications.v1');
  }, 60_000);
});
