import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@haven/platform/event-store';
import { ServiceDatabase } from '@haven/platform/nest';
import { startTestService, type TestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import { RELIEF_MIGRATIONS } from '@haven/relief/read-models';
import { AppModule } from './app.module';

let service: TestService;
let store: PostgresEventStore;
const coordinator: Principal = {
  subject: 'coord-th',
  role: 'relief_coordinator',
  countries: ['TH'],
  organisationId: null,
};

beforeAll(async () => {
  service = await startTestService(AppModule, { migrations: [RELIEF_MIGRATIONS] });
  store = new PostgresEventStore({ connectionString: service.db.url });
});

afterAll(async () => {
  await store?.close();
  await service?.close();
});

describe('relief: Beneficiary.reliefDistributionCount', () => {
  it('counts the distributions a registered beneficiary received; none means 0', async () => {
    const beneficiaryId = randomUUID();
    const metadata = {
      actorId: 'p',
      role: 'protection_officer',
      organisationId: null,
      correlationId: 'c',
      causationId: null,
      occurredAt: new Date().toISOString(),
    };
    await store.append(
      beneficiaryStreamId(beneficiaryId),
      [
        {
          type: 'BeneficiaryRegistered',
          data: {
            beneficiaryId,
            referenceCode: 'B-1',
            country: 'TH',
            sex: 'FEMALE',
            minor: false,
            nationality: 'TH',
            ageYears: 30,
            registeredAt: metadata.occurredAt,
          },
          metadata,
        },
      ],
      'no_stream',
    );
    await service.app.get(ServiceDatabase).waitForProjections(await store.headPosition());
    const opened = await service.graphql<{ openReliefResponse: { id: string } }>(
      `mutation { openReliefResponse(input: { name: "COVID-19 2020", country: TH, startsOn: "2020-04-01", funder: "Donors" }) { id } }`,
      {},
      {},
      { as: coordinator },
    );
    const responseId = opened.body.data!.openReliefResponse.id;
    for (const kind of ['GOODS', 'NECESSITY_BAG']) {
      const given = await service.graphql(
        `mutation ($input: RecordDistributionInput!) { recordDistribution(input: $input) { id } }`,
        {
          input: {
            responseId,
            kind,
            recipient: { beneficiaryId },
            country: 'TH',
            distributedOn: '2020-05-01',
            fieldWorker: { kind: 'STAFF' },
          },
        },
        {},
        { as: coordinator },
      );
      expect(given.body.errors).toBeUndefined();
    }
    const other = randomUUID();
    const result = await service.graphql<{ _entities: Array<Record<string, unknown>> }>(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Beneficiary { id reliefDistributionCount } }
      }`,
      {
        representations: [beneficiaryId, other].map((id) => ({ __typename: 'Beneficiary', id })),
      },
    );
    expect(result.body.data!._entities).toEqual([
      { id: beneficiaryId, reliefDistributionCount: 2 },
      { id: other, reliefDistributionCount: 0 },
    ]);
  });

  it('answers reliefStatus with its projections', async () => {
    const response = await service.graphql<{
      reliefStatus: { projections: Array<{ name: string }> };
    }>(`{ reliefStatus { service ready projections { name } } }`);
    expect(response.body.data!.reliefStatus.projections.map((p) => p.name)).toEqual([
      'relief.responses',
      'relief.entries',
      'relief.known_beneficiaries',
      'relief.beneficiary_relief_distributions',
      'relief.recipient_aliases',
      'relief.known_agents_of_change',
    ]);
  });
});
