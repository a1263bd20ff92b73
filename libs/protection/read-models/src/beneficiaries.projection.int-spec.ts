import { randomUUID } from 'node:crypto';
import { runMigrations } from '@haven/platform/database';
import { migrateEventStore, PostgresEventStore } from '@haven/platform/event-store';
import { migrateProjections, ProjectionRunner } from '@haven/platform/projections';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import {
  BENEFICIARY_EVENT_TYPES,
  beneficiaryStreamId,
  type BeneficiaryEvent,
} from '@haven/protection/contracts';
import { DataSource } from 'typeorm';
import { beneficiariesProjection, BeneficiaryRow, PROTECTION_MIGRATIONS } from './index';

let db: TestDatabase;
let store: PostgresEventStore;
let dataSource: DataSource;
let runner: ProjectionRunner;

const metadata = {
  actorId: 'officer-1',
  role: 'protection_officer',
  organisationId: null,
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2026-11-20T10:00:00.000Z',
};

function registered(beneficiaryId: string, n: number): BeneficiaryEvent {
  return {
    type: 'BeneficiaryRegistered',
    schemaVersion: 3,
    data: {
      beneficiaryId,
      referenceCode: `BEN-LA-${String(n).padStart(6, '0')}`,
      country: 'LA',
      sex: 'FEMALE',
      minor: n % 2 === 0,
      nationality: null,
      ageYears: null,
      registeredOn: '2026-11-20',
      registeredAt: '2026-11-20T10:00:00.000Z',
    },
  };
}

beforeAll(async () => {
  db = await createTestDatabase('protection_projection');
  await migrateEventStore(db.url);
  await migrateProjections(db.url);
  await runMigrations(db.url, PROTECTION_MIGRATIONS);
  store = new PostgresEventStore({ connectionString: db.url });
  dataSource = new DataSource({ type: 'postgres', url: db.url, entities: [BeneficiaryRow] });
  await dataSource.initialize();
  runner = new ProjectionRunner(store, dataSource, beneficiariesProjection, { pollIntervalMs: 50 });
});

afterAll(async () => {
  await runner.stop();
  await store.close();
  await dataSource.destroy();
  await db.drop();
});

describe('the protection.beneficiaries projection', () => {
  it('declares every beneficiary event type, and no other', () => {
    expect([...beneficiariesProjection.handles].sort()).toEqual(
      [...BENEFICIARY_EVENT_TYPES].sort(),
    );
  });

  it('given registrations and unrelated events in the log, when it runs, then each registration is one row keyed by its position, and a rebuild gives the same rows', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const positions: number[] = [];
    for (const [index, id] of ids.entries()) {
      const result = await store.append(
        beneficiaryStreamId(id),
        [{ ...registered(id, index + 1), metadata }],
        'no_stream',
      );
      positions.push(result.globalPositions[0]);
      // Another category, and a type the projection does not handle: both only move the checkpoint.
      await store.append(
        `legal_case-${randomUUID()}`,
        [{ type: 'LegalCaseOpened', data: {}, metadata }],
        'no_stream',
      );
    }

    await runner.start();
    await runner.waitFor(await store.headPosition());
    const rows = await dataSource
      .getRepository(BeneficiaryRow)
      .find({ order: { registeredPosition: 'ASC' } });
    expect(rows).toEqual(
      ids.map((id, index) => ({
        id,
        referenceCode: `BEN-LA-00000${index + 1}`,
        country: 'LA',
        sex: 'FEMALE',
        minor: (index + 1) % 2 === 0,
        registeredOn: '2026-11-20',
        registeredAt: new Date('2026-11-20T10:00:00.000Z'),
        organisationId: null,
        personal: null,
        erasedAt: null,
        consents: [],
        possibleDuplicates: [],
        registeredPosition: positions[index],
      })),
    );

    await runner.rebuild();
    await runner.waitFor(await store.headPosition());
    expect(
      await dataSource.getRepository(BeneficiaryRow).find({ order: { registeredPosition: 'ASC' } }),
    ).toEqual(rows);
  });

  it('given a registration with sealed personal fields, then an erasure, then the row keeps the sealed values until erased, and a rebuild shows it erased', async () => {
    const id = randomUUID();
    const stream = beneficiaryStreamId(id);
    const sealed = 'pii:v1:' + 'A'.repeat(40);
    const event = registered(id, 900);
    await store.append(
      stream,
      [
        {
          ...event,
          data: { ...event.data, personal: { givenName: sealed, phone: sealed } },
          metadata,
        },
      ],
      'no_stream',
    );
    await runner.waitFor(await store.headPosition());
    const before = await dataSource.getRepository(BeneficiaryRow).findOneByOrFail({ id });
    expect(before).toMatchObject({
      personal: { givenName: sealed, phone: sealed },
      erasedAt: null,
      consents: [],
      possibleDuplicates: [],
    });

    await store.append(
      stream,
      [
        {
          type: 'BeneficiaryErasureRequested',
          data: {
            beneficiaryId: id,
            requestedBy: 'admin-1',
            reason: 'ticket OPS-1',
            requestedAt: '2026-11-21T09:00:00.000Z',
          },
          metadata,
        },
        {
          type: 'BeneficiaryErased',
          data: {
            beneficiaryId: id,
            requestedBy: 'admin-1',
            confirmedBy: 'admin-2',
            erasedAt: '2026-11-21T10:00:00.000Z',
          },
          metadata,
        },
      ],
      1,
    );
    await runner.waitFor(await store.headPosition());
    const erased = await dataSource.getRepository(BeneficiaryRow).findOneByOrFail({ id });
    expect(erased).toEqual({
      ...before,
      personal: null,
      erasedAt: new Date('2026-11-21T10:00:00.000Z'),
    });

    await runner.rebuild();
    await runner.waitFor(await store.headPosition());
    expect(await dataSource.getRepository(BeneficiaryRow).findOneByOrFail({ id })).toEqual(erased);
  });
});
