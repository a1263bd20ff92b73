import { randomUUID } from 'node:crypto';
import {
  enrolmentStreamId,
  type AgentOfChangeTrainingCompleted,
} from '@haven/empowerment/contracts';
import { agentOfChangeStreamId } from '@haven/networks/domain';
import { migrateEventStore, PostgresEventStore } from '@haven/platform/event-store';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import type { EntityManager } from 'typeorm';
import {
  agentOfChangeIdOf,
  agentOfChangeTrainingReactor,
} from './agent-of-change-training.reactor';

let db: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => {
  db = await createTestDatabase('networks_training_reactor');
  await migrateEventStore(db.url);
  store = new PostgresEventStore({ connectionString: db.url });
});

afterAll(async () => {
  await store?.close();
  await db?.drop();
});

describe('agent-of-change training, followed by networks', () => {
  it('registers the beneficiary as an agent of change once, however often the event is replayed', async () => {
    const beneficiaryId = randomUUID();
    const enrolmentId = randomUUID();
    const completed: AgentOfChangeTrainingCompleted = {
      type: 'AgentOfChangeTrainingCompleted',
      data: {
        enrolmentId,
        beneficiaryId,
        country: 'TH',
        sex: 'FEMALE',
        minor: false,
        nationality: 'TH',
        ageYears: 24,
        completedOn: '2026-06-01',
      },
    };
    await store.append(
      enrolmentStreamId(enrolmentId),
      [
        {
          ...completed,
          metadata: {
            actorId: 'officer-th',
            role: 'empowerment_officer',
            organisationId: null,
            correlationId: 'c-1',
            causationId: null,
            occurredAt: '2026-06-02T09:00:00.000Z',
          },
        },
      ],
      'no_stream',
    );
    const projection = agentOfChangeTrainingReactor(store);
    const source = await store.readStream(enrolmentStreamId(enrolmentId));
    const manager = {} as EntityManager;
    await projection.apply(source, manager);
    await projection.apply(source, manager);

    const registered = await store.readStream(
      agentOfChangeStreamId(agentOfChangeIdOf(beneficiaryId)),
    );
    expect(registered.map((event) => event.type)).toEqual(['AgentOfChangeRegistered']);
    expect(registered[0].data).toMatchObject({
      agentOfChangeId: agentOfChangeIdOf(beneficiaryId),
      beneficiaryId,
      country: 'TH',
      qualifiedOn: '2026-06-01',
    });
    expect(registered[0].metadata).toMatchObject({
      role: 'system',
      causationId: source[0].eventId,
    });
  });
});
