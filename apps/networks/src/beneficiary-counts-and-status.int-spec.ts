// Networks' part of the Beneficiary entity, and its status, through the GraphQL API on a real
// PostgreSQL: how many referred case notifications a beneficiary came from (many beneficiaries in
// one SQL query), and networksStatus with every projection ready.
import { randomUUID } from 'node:crypto';
import { countQueries } from '@haven/platform/nest/testing';
import {
  protectionCaseIdForNotification,
  protectionCaseStreamId,
} from '@haven/protection/contracts';
import {
  coordinator,
  protectionOfficer,
  VALIDATE,
  REFER,
  useNetworksService,
} from './testing/networks-spec-harness';

const networks = useNetworksService();
const { gql, submit, decide } = networks;

describe('Beneficiary.caseNotificationCount', () => {
  it('resolves the counts of 60 beneficiaries with one SQL query; no row means 0', async () => {
    const ids: string[] = Array.from({ length: 60 }, () => randomUUID());
    ids[7] = 'not-a-uuid';
    await networks.sql.query(
      'INSERT INTO networks.beneficiary_case_notifications (beneficiary_id, count) VALUES ($1, 3)',
      [ids[0]],
    );
    const { result, statements } = await countQueries(/beneficiary_case_notifications/, () =>
      gql<{ _entities: Array<Record<string, unknown>> }>(
        `query ($representations: [_Any!]!) {
          _entities(representations: $representations) { ... on Beneficiary { id caseNotificationCount } }
        }`,
        { representations: ids.map((id) => ({ __typename: 'Beneficiary', id })) },
      ),
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!._entities).toEqual(
      ids.map((id, index) => ({ id, caseNotificationCount: index === 0 ? 3 : 0 })),
    );
    expect(statements).toHaveLength(1);
  });

  it('counts the referred notifications whose protection case the beneficiary was added to', async () => {
    const { notificationId } = await submit();
    await decide(VALIDATE, { notificationId }, coordinator(['LA']));
    await decide(REFER, { notificationId }, coordinator(['LA']));
    // Protection opens the case from the referral and adds the victim it identified.
    const beneficiaryId = randomUUID();
    const caseId = protectionCaseIdForNotification(notificationId);
    const store = networks.store;
    const officer = {
      actorId: 'officer-1',
      role: 'protection_officer',
      organisationId: null,
      correlationId: 'referral',
      causationId: null,
      occurredAt: new Date().toISOString(),
    };
    const appended = await store.append(
      protectionCaseStreamId(caseId),
      [
        {
          type: 'ProtectionCaseOpened',
          data: {
            caseId,
            country: 'LA',
            province: 'Vientiane',
            abroad: false,
            formOfExploitation: 'SEX_TRAFFICKING',
            sourceNotificationId: notificationId,
            openedAt: officer.occurredAt,
          },
          metadata: officer,
        },
        {
          type: 'VictimAddedToCase',
          data: {
            caseId,
            beneficiaryId,
            formOfExploitation: 'SEX_TRAFFICKING',
            minor: true,
            addedAt: officer.occurredAt,
          },
          metadata: officer,
        },
      ],
      'no_stream',
    );
    await networks.caughtUp(appended.globalPositions[1]);

    const response = await gql<{ _entities: Array<Record<string, unknown>> }>(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Beneficiary { caseNotificationCount } }
      }`,
      { representations: [{ __typename: 'Beneficiary', id: beneficiaryId }] },
      protectionOfficer(['LA']),
    );
    expect(response.body.data!._entities).toEqual([{ caseNotificationCount: 1 }]);
  });

  it('answers networksStatus with every projection, ready', async () => {
    const response = await gql<{
      networksStatus: { ready: boolean; projections: Array<{ name: string }> };
    }>('{ networksStatus { service ready reason projections { name } } }');
    expect(response.body.data!.networksStatus).toEqual({
      service: 'networks',
      ready: true,
      reason: null,
      projections: [
        { name: 'networks.case_notifications' },
        { name: 'networks.watchdogs' },
        { name: 'networks.agents_of_change' },
        { name: 'networks.womens_groups' },
        { name: 'networks.partner_organisations' },
        { name: 'networks.prevention_activities' },
        { name: 'networks.beneficiary_case_notifications' },
        // Reactors: networks following empowerment's and relief's integration events.
        { name: 'networks.agent-of-change-training' },
        { name: 'networks.relief-detection' },
      ],
    });
    expect((await fetch(`${networks.service.url}/health/ready`)).status).toBe(200);
  });
});
