import { randomUUID } from 'node:crypto';
import { type PostgresEventStore, type EventMetadata } from '@haven/platform/event-store';
import { startReadModelTestBed, type ReadModelTestBed } from '@haven/platform/projections/testing';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import { reliefResponseStreamId } from '@haven/relief/contracts';
import { RELIEF_RESPONSE_EVENT_TYPES, type ReliefResponseEvent } from '@haven/relief/domain';
import type { DataSource } from 'typeorm';
import {
  BeneficiaryReliefDistributions,
  KnownBeneficiaryRow,
  RecipientAliasRow,
  RELIEF_ENTITIES,
  RELIEF_ENTRY_EVENT_TYPES,
  RELIEF_MIGRATIONS,
  RELIEF_PROJECTIONS,
  reliefEntriesProjection,
  ReliefEntryRow,
  ReliefResponseRow,
  reliefResponsesProjection,
} from './index';

let bed: ReadModelTestBed;
let store: PostgresEventStore;
let dataSource: DataSource;

const metadata: EventMetadata = {
  actorId: 'worker-1',
  role: 'field_worker',
  organisationId: null,
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2020-06-30T08:00:00.000Z',
};

beforeAll(async () => {
  bed = await startReadModelTestBed({
    name: 'relief_read_models',
    migrations: RELIEF_MIGRATIONS,
    entities: RELIEF_ENTITIES,
    projections: RELIEF_PROJECTIONS,
  });
  ({ store, dataSource } = bed);
});

afterAll(async () => {
  await bed?.close();
});

describe('relief read models', () => {
  it('declare every relief response event type between them', () => {
    expect(
      [...reliefResponsesProjection.handles, ...reliefEntriesProjection.handles].sort(),
    ).toEqual([...RELIEF_RESPONSE_EVENT_TYPES].sort());
    expect(RELIEF_ENTRY_EVENT_TYPES).not.toContain('ReliefResponseOpened');
  });

  it('given every event type of a response, then responses, entries, counts and known beneficiaries show them', async () => {
    const responseId = randomUUID();
    const recipientId = randomUUID();
    const beneficiaryId = randomUUID();
    const distributionId = randomUUID();
    const atRiskId = randomUUID();
    const migratedId = randomUUID();
    const detectionId = randomUUID();
    const notificationId = randomUUID();
    const projectId = randomUUID();
    const followUpId = randomUUID();
    const work = { fieldWorkerKind: 'VOLUNTEER' as const, fieldWorkerId: 'worker-1' };
    await store.append(
      beneficiaryStreamId(beneficiaryId),
      [
        {
          type: 'BeneficiaryRegistered',
          data: {
            beneficiaryId,
            referenceCode: 'B-1',
            country: 'LA',
            sex: 'FEMALE',
            minor: false,
            registeredAt: '2020-01-01T00:00:00Z',
          },
          metadata,
        },
        {
          type: 'BeneficiaryErased',
          data: {
            beneficiaryId,
            requestedBy: 'a',
            confirmedBy: 'b',
            erasedAt: '2020-02-01T00:00:00Z',
          },
          metadata,
        },
      ],
      'no_stream',
    );
    const events: ReliefResponseEvent[] = [
      {
        type: 'ReliefResponseOpened',
        data: {
          responseId,
          name: 'COVID-19 2020',
          country: 'LA',
          startsOn: '2020-04-01',
          endsOn: null,
          funder: 'Donors',
        },
      },
      {
        type: 'ReliefRecipientRegistered',
        data: {
          responseId,
          recipientId,
          ageBand: '25_39',
          sex: 'FEMALE',
          district: 'Xaythany',
          householdSize: 4,
          singleMotherHead: true,
          riskReason: 'SINGLE_MOTHER',
          registeredOn: '2020-05-01',
          ...work,
        },
      },
      { type: 'ReliefRecipientLinked', data: { responseId, recipientId, beneficiaryId } },
      // Recorded before aliases were kept (no sealedAlias), then erased: both still read.
      { type: 'ReliefRecipientAliasErased', data: { responseId, recipientId } },
      {
        type: 'ReliefDistributed',
        data: {
          responseId,
          distributionId,
          country: 'LA',
          kind: 'MICRO_PROJECT_GRANT',
          recipientKind: 'RELIEF_RECIPIENT',
          beneficiaryId,
          recipientId,
          amountMinor: 500_000,
          currency: 'LAK',
          fieldWorkerKind: 'VOLUNTEER',
          fieldWorkerId: 'worker-1',
          distributedOn: '2020-05-02',
        },
      },
      {
        type: 'PersonAtRiskRecorded',
        data: {
          responseId,
          entryId: atRiskId,
          reason: 'LOST_WORK_IN_TOURISM',
          sex: 'FEMALE',
          ageBand: '18_24',
          district: 'Xaythany',
          foundOn: '2020-05-03',
          ...work,
        },
      },
      {
        type: 'MigratedFamiliesRecorded',
        data: {
          responseId,
          entryId: migratedId,
          families: 3,
          destination: 'TH',
          district: 'Xaythany',
          recordedOn: '2020-05-03',
          ...work,
        },
      },
      {
        type: 'PotentialVictimDetected',
        data: {
          responseId,
          detectionId,
          formOfExploitation: 'FORCED_MARRIAGE',
          place: 'Xaythany',
          sex: 'FEMALE',
          ageBand: '12_17',
          detectedOn: '2020-05-04',
          ...work,
        },
      },
      {
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
          notifiedAt: '2020-06-30T08:00:00.000Z',
        },
      },
      {
        type: 'MicroProjectStarted',
        data: {
          responseId,
          projectId,
          beneficiaryId,
          recipientId,
          kind: 'FOOD_VENDING',
          amountMinor: 500_000,
          currency: 'LAK',
          marketCheckDone: true,
          startedOn: '2020-05-05',
        },
      },
      {
        type: 'MicroProjectFollowedUp',
        data: { responseId, projectId, followUpId, followedUpOn: '2020-06-05', status: 'RUNNING' },
      },
    ];
    expect(events.map((event) => event.type).sort()).toEqual(
      [...RELIEF_RESPONSE_EVENT_TYPES].sort(),
    );
    await store.append(
      reliefResponseStreamId(responseId),
      events.map((event) => ({ ...event, metadata })),
      'no_stream',
    );
    await bed.caughtUp();

    expect(
      await dataSource.getRepository(ReliefResponseRow).findOneByOrFail({ id: responseId }),
    ).toMatchObject({
      name: 'COVID-19 2020',
      country: 'LA',
      startsOn: '2020-04-01',
      endsOn: null,
      openedBy: 'worker-1',
    });
    const entries = await dataSource.getRepository(ReliefEntryRow).findBy({ responseId });
    const byId = new Map(entries.map((row) => [row.id, row]));
    expect(entries).toHaveLength(7);
    expect(byId.get(recipientId)).toMatchObject({
      entryType: 'RECIPIENT',
      beneficiaryId,
      count: 4,
      flag: true,
    });
    expect(byId.get(distributionId)).toMatchObject({
      entryType: 'DISTRIBUTION',
      kind: 'MICRO_PROJECT_GRANT',
      amountMinor: 500_000,
      currency: 'LAK',
    });
    expect(byId.get(atRiskId)).toMatchObject({
      entryType: 'PERSON_AT_RISK',
      kind: 'LOST_WORK_IN_TOURISM',
      recordedBy: 'worker-1',
    });
    expect(byId.get(migratedId)).toMatchObject({
      entryType: 'MIGRATED_FAMILIES',
      count: 3,
      destination: 'TH',
    });
    expect(byId.get(detectionId)).toMatchObject({
      entryType: 'DETECTION',
      kind: 'FORCED_MARRIAGE',
      notificationId,
    });
    expect(byId.get(projectId)).toMatchObject({ entryType: 'MICRO_PROJECT', flag: true });
    expect(byId.get(followUpId)).toMatchObject({
      entryType: 'FOLLOW_UP',
      projectId,
      kind: 'RUNNING',
    });
    expect(
      await dataSource
        .getRepository(BeneficiaryReliefDistributions)
        .findOneByOrFail({ beneficiaryId }),
    ).toEqual({ beneficiaryId, count: 1 });
    expect(
      await dataSource.getRepository(KnownBeneficiaryRow).findOneByOrFail({ beneficiaryId }),
    ).toEqual({ beneficiaryId, country: 'LA', erased: true });
    expect(
      await dataSource.getRepository(RecipientAliasRow).findOneByOrFail({ recipientId }),
    ).toEqual({ recipientId, responseId, sealedAlias: null, erased: true });

    // A rebuild gives the same rows.
    for (const runner of bed.runners) await runner.rebuild();
    await bed.caughtUp();
    expect(await dataSource.getRepository(ReliefEntryRow).findBy({ responseId })).toHaveLength(7);
    expect(
      await dataSource
        .getRepository(BeneficiaryReliefDistributions)
        .findOneByOrFail({ beneficiaryId }),
    ).toEqual({ beneficiaryId, count: 1 });
  });
});
