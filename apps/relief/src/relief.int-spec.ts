import { randomUUID } from 'node:crypto';
import { coordinatorTH, useReliefService } from './testing/relief-spec-harness';

const relief = useReliefService();

describe('relief: Beneficiary.reliefDistributionCount', () => {
  it('counts the distributions a registered beneficiary received; none means 0', async () => {
    const beneficiaryId = randomUUID();
    await relief.registerBeneficiary(beneficiaryId, {
      country: 'TH',
      nationality: 'TH',
      ageYears: 30,
    });
    await relief.caughtUp();
    const opened = await relief.service.graphql<{ openReliefResponse: { id: string } }>(
      `mutation { openReliefResponse(input: { name: "COVID-19 2020", country: TH, startsOn: "2020-04-01", funder: "Donors" }) { id } }`,
      {},
      {},
      { as: coordinatorTH },
    );
    const responseId = opened.body.data!.openReliefResponse.id;
    for (const kind of ['GOODS', 'NECESSITY_BAG']) {
      const given = await relief.service.graphql(
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
        { as: coordinatorTH },
      );
      expect(given.body.errors).toBeUndefined();
    }
    const other = randomUUID();
    const result = await relief.service.graphql<{ _entities: Array<Record<string, unknown>> }>(
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
    const response = await relief.service.graphql<{
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
