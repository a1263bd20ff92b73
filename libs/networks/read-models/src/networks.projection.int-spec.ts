import { randomUUID } from 'node:crypto';
import {
  CASE_NOTIFICATION_EVENT_TYPES,
  caseNotificationStreamId,
  type CaseNotificationEvent,
  NETWORKS_UPCASTERS,
} from '@haven/networks/contracts';
import {
  agentOfChangeStreamId,
  partnerOrganisationStreamId,
  preventionActivityStreamId,
  watchdogStreamId,
  womensGroupStreamId,
  type NetworkMemberEvent,
  type PreventionActivityEvent,
} from '@haven/networks/domain';
import {
  type PostgresEventStore,
  type EventMetadata,
  type Upcaster,
} from '@haven/platform/event-store';
import { startReadModelTestBed, type ReadModelTestBed } from '@haven/platform/projections/testing';
import { protectionCaseStreamId, type ProtectionCaseEvent } from '@haven/protection/contracts';
import type { DataSource } from 'typeorm';
import {
  AgentOfChangeRow,
  BeneficiaryCaseNotifications,
  CaseNotificationRow,
  caseNotificationsProjection,
  NETWORKS_ENTITIES,
  NETWORKS_MIGRATIONS,
  NETWORKS_PROJECTIONS,
  PartnerOrganisationRow,
  PreventionActivityRow,
  WatchdogRow,
  WomensGroupRow,
} from './index';

let bed: ReadModelTestBed;
let store: PostgresEventStore;
let dataSource: DataSource;

const metadata = (actorId: string, role: string, organisationId: string | null = null) =>
  ({
    actorId,
    role,
    organisationId,
    correlationId: 'c-1',
    causationId: null,
    occurredAt: '2026-11-20T10:00:00.000Z',
  }) satisfies EventMetadata;
const coordinator = metadata('coordinator-1', 'network_coordinator');

async function rebuilt(): Promise<void> {
  for (const runner of bed.runners) await runner.rebuild();
  await bed.caughtUp();
}

function submitted(notificationId: string, minors = 1): CaseNotificationEvent {
  return {
    type: 'CaseNotificationSubmitted',
    data: {
      notificationId,
      reportedBy: 'PARTNER',
      reporterReference: null,
      formOfExploitation: 'FORCED_MARRIAGE',
      country: 'LA',
      province: 'Bokeo',
      abroad: false,
      possibleVictims: 2,
      minors,
      submittedAt: '2026-11-20T10:00:00.000Z',
    },
  };
}

beforeAll(async () => {
  bed = await startReadModelTestBed({
    name: 'networks_projection',
    migrations: NETWORKS_MIGRATIONS,
    entities: NETWORKS_ENTITIES,
    projections: NETWORKS_PROJECTIONS,
    upcasters: NETWORKS_UPCASTERS as readonly Upcaster[],
  });
  ({ store, dataSource } = bed);
});

afterAll(async () => {
  await bed?.close();
});

describe('the networks.case_notifications projection', () => {
  it('declares every case notification event type, and no other', () => {
    expect([...caseNotificationsProjection.handles].sort()).toEqual(
      [...CASE_NOTIFICATION_EVENT_TYPES].sort(),
    );
  });

  it('given a submission, then a validation and a referral, then the row shows each step with who decided, and a rebuild gives the same row', async () => {
    const id = randomUUID();
    const stream = caseNotificationStreamId(id);
    const partner = metadata('partner-user-1', 'partner', 'ngo-be');
    const submission = await store.append(
      stream,
      [{ ...submitted(id), metadata: partner }],
      'no_stream',
    );
    // An unrelated stream in between only moves the checkpoints.
    await store.append(
      `legal_case-${randomUUID()}`,
      [{ type: 'LegalCaseOpened', data: {}, metadata: coordinator }],
      'no_stream',
    );
    await bed.caughtUp();
    const rows = dataSource.getRepository(CaseNotificationRow);
    expect(await rows.findOneByOrFail({ id })).toEqual({
      id,
      status: 'SUBMITTED',
      reportedBy: 'PARTNER',
      reporterReference: null,
      formOfExploitation: 'FORCED_MARRIAGE',
      // Submitted in the shape from before the place was asked: read as not said.
      placeOfExploitation: null,
      country: 'LA',
      province: 'Bokeo',
      abroad: false,
      destination: null,
      nationality: null,
      possibleVictims: 2,
      minors: 1,
      submittedAt: new Date('2026-11-20T10:00:00.000Z'),
      submittedBy: 'partner-user-1',
      submitterRole: 'partner',
      submitterOrganisationId: 'ngo-be',
      decidedAt: null,
      decidedBy: null,
      rejectionReason: null,
      duplicateOf: null,
      referredAt: null,
      submittedPosition: submission.globalPositions[0],
    });

    await store.append(
      stream,
      [
        {
          type: 'CaseNotificationValidated',
          data: { notificationId: id, validatedAt: '2026-11-21T10:00:00.000Z' },
          metadata: coordinator,
        },
        {
          type: 'CaseNotificationReferred',
          data: {
            notificationId: id,
            country: 'LA',
            province: 'Bokeo',
            abroad: false,
            formOfExploitation: 'FORCED_MARRIAGE',
            possibleVictims: 2,
            minors: 1,
            reportedBy: 'PARTNER',
            referredAt: '2026-11-21T11:00:00.000Z',
          },
          metadata: coordinator,
        },
      ],
      1,
    );
    await bed.caughtUp();
    const referred = await rows.findOneByOrFail({ id });
    expect(referred).toMatchObject({
      status: 'REFERRED',
      decidedAt: new Date('2026-11-21T10:00:00.000Z'),
      decidedBy: 'coordinator-1',
      referredAt: new Date('2026-11-21T11:00:00.000Z'),
      submittedBy: 'partner-user-1',
    });

    await rebuilt();
    expect(await rows.findOneByOrFail({ id })).toEqual(referred);
  });

  it('given rejected and duplicate notifications, then each row keeps the reason or the original', async () => {
    const [rejectedId, duplicateId, originalId] = [randomUUID(), randomUUID(), randomUUID()];
    await store.append(
      caseNotificationStreamId(originalId),
      [{ ...submitted(originalId), metadata: coordinator }],
      'no_stream',
    );
    await store.append(
      caseNotificationStreamId(rejectedId),
      [
        { ...submitted(rejectedId, 0), metadata: coordinator },
        {
          type: 'CaseNotificationRejected',
          data: {
            notificationId: rejectedId,
            reason: 'NOT_VERIFIABLE',
            rejectedAt: '2026-11-22T10:00:00.000Z',
          },
          metadata: coordinator,
        },
      ],
      'no_stream',
    );
    await store.append(
      caseNotificationStreamId(duplicateId),
      [
        { ...submitted(duplicateId), metadata: coordinator },
        {
          type: 'CaseNotificationMarkedDuplicate',
          data: {
            notificationId: duplicateId,
            duplicateOf: originalId,
            markedAt: '2026-11-22T11:00:00.000Z',
          },
          metadata: coordinator,
        },
      ],
      'no_stream',
    );
    await bed.caughtUp();
    const rows = dataSource.getRepository(CaseNotificationRow);
    expect(await rows.findOneByOrFail({ id: rejectedId })).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'NOT_VERIFIABLE',
      minors: 0,
      decidedAt: new Date('2026-11-22T10:00:00.000Z'),
    });
    expect(await rows.findOneByOrFail({ id: duplicateId })).toMatchObject({
      status: 'DUPLICATE',
      duplicateOf: originalId,
      decidedAt: new Date('2026-11-22T11:00:00.000Z'),
    });
    expect(await rows.findOneByOrFail({ id: originalId })).toMatchObject({ status: 'SUBMITTED' });
  });
});

describe('the networks member and prevention projections', () => {
  it('given one registration of each kind and a training, then each is one row, and a rebuild gives the same rows', async () => {
    const ids = {
      watchdog: randomUUID(),
      agent: randomUUID(),
      group: randomUUID(),
      partner: randomUUID(),
      activity: randomUUID(),
    };
    const beneficiaryId = randomUUID();
    const registeredAt = '2026-11-20T10:00:00.000Z';
    const members: Array<[string, NetworkMemberEvent]> = [
      [
        watchdogStreamId(ids.watchdog),
        {
          type: 'WatchdogRegistered',
          schemaVersion: 2,
          data: {
            watchdogId: ids.watchdog,
            kind: 'VOLUNTEER_ABROAD',
            country: 'TH',
            province: null,
            livesIn: 'NO',
            joinedOn: '2020-10-01',
            trained: true,
            registeredAt,
          },
        },
      ],
      [
        agentOfChangeStreamId(ids.agent),
        {
          type: 'AgentOfChangeRegistered',
          data: {
            agentOfChangeId: ids.agent,
            beneficiaryId,
            country: 'LA',
            province: 'Vientiane',
            qualifiedOn: '2020-06-30',
            registeredAt,
          },
        },
      ],
      [
        womensGroupStreamId(ids.group),
        {
          type: 'WomensGroupRegistered',
          data: {
            womensGroupId: ids.group,
            country: 'MM',
            province: 'Shan',
            joinedOn: '2019-01-15',
            memberCount: null,
            registeredAt,
          },
        },
      ],
      [
        partnerOrganisationStreamId(ids.partner),
        {
          type: 'PartnerOrganisationRegistered',
          data: {
            partnerOrganisationId: ids.partner,
            name: 'An NGO in Belgium',
            kind: 'NGO',
            country: 'OTHER',
            registeredAt,
          },
        },
      ],
    ];
    const positions: number[] = [];
    for (const [stream, event] of members) {
      const result = await store.append(stream, [{ ...event, metadata: coordinator }], 'no_stream');
      positions.push(result.globalPositions[0]);
    }
    const training: PreventionActivityEvent = {
      type: 'PreventionActivityRecorded',
      data: {
        activityId: ids.activity,
        kind: 'TRAINING',
        topic: 'ONLINE_SEXUAL_EXPLOITATION',
        date: '2020-11-12',
        country: 'TH',
        province: 'Khon Kaen',
        district: null,
        online: false,
        participants: [
          { sex: 'FEMALE', role: 'STUDENTS', count: 268 },
          { sex: 'MALE', role: 'STUDENTS', count: 186 },
          { sex: 'FEMALE', role: 'TEACHERS', count: 63 },
          { sex: 'MALE', role: 'TEACHERS', count: 49 },
        ],
        reach: null,
        recordedAt: registeredAt,
      },
    };
    const recorded = await store.append(
      preventionActivityStreamId(ids.activity),
      [{ ...training, metadata: coordinator }],
      'no_stream',
    );
    await bed.caughtUp();

    const snapshot = async () => ({
      watchdog: await dataSource.getRepository(WatchdogRow).findOneByOrFail({ id: ids.watchdog }),
      agent: await dataSource.getRepository(AgentOfChangeRow).findOneByOrFail({ id: ids.agent }),
      group: await dataSource.getRepository(WomensGroupRow).findOneByOrFail({ id: ids.group }),
      partner: await dataSource
        .getRepository(PartnerOrganisationRow)
        .findOneByOrFail({ id: ids.partner }),
      activity: await dataSource
        .getRepository(PreventionActivityRow)
        .findOneByOrFail({ id: ids.activity }),
    });
    const rows = await snapshot();
    expect(rows).toEqual({
      watchdog: {
        id: ids.watchdog,
        kind: 'VOLUNTEER_ABROAD',
        country: 'TH',
        province: null,
        livesIn: 'NO',
        joinedOn: '2020-10-01',
        trained: true,
        registeredAt: new Date(registeredAt),
        registeredPosition: positions[0],
      },
      agent: {
        id: ids.agent,
        beneficiaryId,
        country: 'LA',
        province: 'Vientiane',
        qualifiedOn: '2020-06-30',
        registeredAt: new Date(registeredAt),
        registeredPosition: positions[1],
      },
      group: {
        id: ids.group,
        country: 'MM',
        province: 'Shan',
        joinedOn: '2019-01-15',
        memberCount: null,
        registeredAt: new Date(registeredAt),
        registeredPosition: positions[2],
      },
      partner: {
        id: ids.partner,
        name: 'An NGO in Belgium',
        kind: 'NGO',
        country: 'OTHER',
        registeredAt: new Date(registeredAt),
        registeredPosition: positions[3],
      },
      activity: {
        id: ids.activity,
        kind: 'TRAINING',
        topic: 'ONLINE_SEXUAL_EXPLOITATION',
        date: '2020-11-12',
        country: 'TH',
        province: 'Khon Kaen',
        district: null,
        online: false,
        participants: training.data.participants,
        participantCount: 566,
        reach: null,
        institutions: null,
        recordedAt: new Date(registeredAt),
        recordedPosition: recorded.globalPositions[0],
      },
    });

    await rebuilt();
    expect(await snapshot()).toEqual(rows);
  });

  it('given watchdogs registered before where they live was asked (version 1), then one at home lives in its network’s country and one abroad in no known country', async () => {
    const home = randomUUID();
    const abroad = randomUUID();
    for (const [watchdogId, kind] of [
      [home, 'COMMUNITY_GROUP'],
      [abroad, 'VOLUNTEER_ABROAD'],
    ] as const) {
      const data = {
        watchdogId,
        kind,
        country: 'MM',
        province: null,
        joinedOn: '2019-10-01',
        trained: false,
        registeredAt: '2026-11-20T10:00:00.000Z',
      };
      await store.append(
        watchdogStreamId(watchdogId),
        [{ type: 'WatchdogRegistered', data, metadata: coordinator }],
        'no_stream',
      );
    }
    await bed.caughtUp();
    const livesIn = async (id: string) =>
      (await dataSource.getRepository(WatchdogRow).findOneByOrFail({ id })).livesIn;
    expect(await livesIn(home)).toBe('MM');
    expect(await livesIn(abroad)).toBeNull();
  });
});

describe('the networks.beneficiary_case_notifications projection', () => {
  const officer = metadata('officer-1', 'protection_officer');

  async function openCase(
    sourceNotificationId: string | null,
    beneficiaryIds: string[],
  ): Promise<string> {
    const caseId = randomUUID();
    const events: ProtectionCaseEvent[] = [
      {
        type: 'ProtectionCaseOpened',
        schemaVersion: 4,
        data: {
          caseId,
          country: 'TH',
          province: null,
          abroad: false,
          intercepted: false,
          destination: null,
          formOfExploitation: 'SEX_TRAFFICKING',
          placeOfExploitation: null,
          sourceNotificationId,
          openedOn: '2026-11-21',
          openedAt: '2026-11-21T10:00:00.000Z',
        },
      },
      ...beneficiaryIds.map((beneficiaryId): ProtectionCaseEvent => ({
        type: 'VictimAddedToCase',
        schemaVersion: 2,
        data: {
          caseId,
          beneficiaryId,
          formOfExploitation: 'SEX_TRAFFICKING',
          minor: true,
          sex: 'FEMALE',
          nationality: 'LA',
          ageYears: 15,
          addedOn: '2026-11-21',
          addedAt: '2026-11-21T11:00:00.000Z',
        },
      })),
    ];
    await store.append(
      protectionCaseStreamId(caseId),
      events.map((event) => ({ ...event, metadata: officer })),
      'no_stream',
    );
    return caseId;
  }

  async function counts(ids: string[]): Promise<Record<string, number>> {
    const rows = await dataSource.getRepository(BeneficiaryCaseNotifications).find();
    const byId = new Map(rows.map((row) => [row.beneficiaryId, row.count]));
    return Object.fromEntries(ids.map((id) => [id, byId.get(id) ?? 0]));
  }

  it('counts, per beneficiary, the cases opened from a notification she was added to as a victim; a case opened directly counts nothing; a rebuild gives the same counts', async () => {
    const [first, second, direct] = [randomUUID(), randomUUID(), randomUUID()];
    await openCase(randomUUID(), [first, second]);
    await openCase(randomUUID(), [first]);
    await openCase(null, [first, direct]);
    await bed.caughtUp();

    const expected = { [first]: 2, [second]: 1, [direct]: 0 };
    expect(await counts([first, second, direct])).toEqual(expected);
    await rebuilt();
    expect(await counts([first, second, direct])).toEqual(expected);
  });

  it('never counts a victim twice in one case, even when the event arrives again', async () => {
    const beneficiaryId = randomUUID();
    const caseId = await openCase(randomUUID(), [beneficiaryId]);
    await store.append(
      protectionCaseStreamId(caseId),
      [
        {
          type: 'VictimAddedToCase',
          data: {
            caseId,
            beneficiaryId,
            formOfExploitation: 'SEX_TRAFFICKING',
            minor: true,
            addedAt: '2026-11-22T11:00:00.000Z',
          },
          metadata: officer,
        },
      ],
      2,
    );
    await bed.caughtUp();
    expect(await counts([beneficiaryId])).toEqual({ [beneficiaryId]: 1 });
    // Rebuilt, the case's events arrive in one batch: the second addition still counts nothing.
    await rebuilt();
    expect(await counts([beneficiaryId])).toEqual({ [beneficiaryId]: 1 });
  });
});
