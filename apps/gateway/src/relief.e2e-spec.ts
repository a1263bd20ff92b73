// Crisis relief end to end, through the gateway, each step with the token of the role that takes
// it: protection registers two women and networks makes one an agent of change (relief learns
// it from the log); a relief coordinator for LA opens a COVID-19 response; an agent of change
// and a volunteer,
// each with a field-worker token, record ten distributions, three people at risk and two
// potential victims of forced marriage; the coordinator turns one detection into a case
// notification, which networks submits from the log; a network coordinator validates and refers
// it, and protection opens a case; the response's figures come back; the field worker reads
// nothing but its own entries; partners and analysts are refused. Along the way: an unknown
// agent of change is refused, a recipient's alias is read only by the coordinator, a recipient
// is linked to a beneficiary (twice: the same link again succeeds), whose relief record pages.
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { notificationIdForDetection } from '@haven/relief/contracts';
import { migrate, startSystem, SUBGRAPHS, type System } from './testing/system';

interface GraphQLResponse<Data> {
  status: number;
  data?: Data | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

describe('a COVID-19 relief response in Laos, through the gateway', () => {
  let database: TestDatabase;
  let system: System;
  const tokens: Record<string, string> = {};
  const ALIAS = 'Mae Bounmy-Zq7';

  async function as<Data>(
    who: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<Data>> {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }

  async function ok<Data>(who: string, query: string, variables: Record<string, unknown> = {}) {
    const response = await as<Data>(who, query, variables);
    expect(response.errors).toBeUndefined();
    return response.data as Data;
  }

  /** Retries a step until it succeeds: what another service does from the log takes a moment. */
  async function eventually<Data>(
    step: () => Promise<GraphQLResponse<Data>>,
    done: (data: Data) => boolean,
  ) {
    const deadline = Date.now() + 20_000;
    let last: GraphQLResponse<Data> | undefined;
    while (Date.now() < deadline) {
      last = await step();
      if (!last.errors && last.data && done(last.data)) return last.data;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    throw new Error(`did not succeed in time: ${JSON.stringify(last?.errors ?? last?.data)}`);
  }

  beforeAll(async () => {
    database = await createTestDatabase('relief_e2e');
    await migrate(database.url);
    // The three services the story crosses: fewer processes start faster on a busy machine.
    system = await startSystem({
      databaseUrl: database.url,
      subgraphs: SUBGRAPHS.filter((entry) =>
        ['relief', 'networks', 'protection'].includes(entry.name),
      ),
    });
    tokens.coordinator = await system.token({
      role: 'relief_coordinator',
      countries: ['LA'],
      subject: 'relief-la-1',
    });
    tokens.agent = await system.token({
      role: 'field_worker',
      countries: ['LA'],
      subject: 'aoc-la-1',
    });
    tokens.volunteer = await system.token({
      role: 'field_worker',
      countries: ['LA'],
      subject: 'vol-la-1',
    });
    tokens.networks = await system.token({
      role: 'network_coordinator',
      countries: ['LA'],
      subject: 'net-la-1',
    });
    tokens.officer = await system.token({
      role: 'protection_officer',
      countries: ['LA'],
      subject: 'prot-la-1',
    });
    tokens.manager = await system.token({
      role: 'country_manager',
      countries: ['LA'],
      subject: 'manager-la-1',
    });
    tokens.partner = await system.token({ role: 'partner', organisationId: 'ngo-a' });
    tokens.analyst = await system.token({ role: 'analyst', subject: 'analyst-1' });
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
    await database?.drop();
  }, 60_000);

  it('opens, records in the field, notifies a detection that becomes a case, and counts it all', async () => {
    // 1. A relief coordinator for LA opens the response.
    const opened = await ok<{ openReliefResponse: { id: string; node: { country: string } } }>(
      'coordinator',
      `mutation ($input: OpenReliefResponseInput!) { openReliefResponse(input: $input) { id node { country } } }`,
      {
        input: {
          name: 'COVID-19 2020',
          country: 'LA',
          startsOn: '2020-04-01',
          endsOn: '2020-12-31',
          funder: 'Alliance donors',
        },
      },
    );
    const responseId = opened.openReliefResponse.id;
    expect(opened.openReliefResponse.node).toEqual({ country: 'LA' });

    // Protection registers two women; networks registers the first as an agent of change.
    const register = async () =>
      (
        await ok<{ registerBeneficiary: { beneficiaryId: string } }>(
          'officer',
          `mutation ($input: RegisterBeneficiaryInput!) { registerBeneficiary(input: $input) { beneficiaryId } }`,
          { input: { country: 'LA', sex: 'FEMALE', minor: false } },
        )
      ).registerBeneficiary.beneficiaryId;
    const [agentBeneficiaryId, recipientBeneficiaryId] = [await register(), await register()];
    const registered = await eventually(
      () =>
        as<{ registerAgentOfChange: { agentOfChangeId: string } }>(
          'networks',
          `mutation ($input: RegisterAgentOfChangeInput!) { registerAgentOfChange(input: $input) { agentOfChangeId } }`,
          {
            input: { beneficiaryId: agentBeneficiaryId, country: 'LA', qualifiedOn: '2019-11-01' },
          },
        ),
      () => true,
    );
    const agentOfChangeId = registered.registerAgentOfChange.agentOfChangeId;

    // 2. An agent of change and a volunteer record in the field.
    const workers = {
      agent: { kind: 'AGENT_OF_CHANGE', agentOfChangeId },
      volunteer: { kind: 'VOLUNTEER' },
    } as const;
    const entered: Record<'agent' | 'volunteer', string[]> = { agent: [], volunteer: [] };
    const recipientIds = Array.from({ length: 10 }, () => randomUUID());
    for (let i = 0; i < 10; i += 1) {
      const who = i % 2 === 0 ? 'agent' : 'volunteer';
      const recipient = await eventually(
        // The first time, until relief has read the agent of change from networks' log.
        () =>
          as<{ recordReliefRecipient: { id: string } }>(
            who,
            `mutation ($input: RecordReliefRecipientInput!) { recordReliefRecipient(input: $input) { id } }`,
            {
              input: {
                id: recipientIds[i],
                responseId,
                fieldWorker: workers[who],
                alias: `${ALIAS} ${i}`,
                ageBand: 'AGE_25_39',
                sex: 'FEMALE',
                district: 'Xaythany',
                householdSize: 3 + (i % 4),
                singleMotherHead: i % 3 === 0,
                riskReason: 'LOST_WORK_IN_TOURISM',
                registeredOn: '2020-05-04',
              },
            },
          ),
        () => true,
      );
      const distributed = await ok<{ recordDistribution: { id: string } }>(
        who,
        `mutation ($input: RecordDistributionInput!) { recordDistribution(input: $input) { id } }`,
        {
          input: {
            responseId,
            recipient: { recipientId: recipient.recordReliefRecipient.id },
            country: 'LA',
            distributedOn: '2020-05-05',
            fieldWorker: workers[who],
            ...(i === 9
              ? {
                  kind: 'MICRO_PROJECT_GRANT',
                  grant: { amountMinor: 150_000_000, currency: 'LAK' },
                }
              : { kind: i % 2 === 0 ? 'NECESSITY_BAG' : 'GOODS' }),
          },
        },
      );
      entered[who].push(recipient.recordReliefRecipient.id, distributed.recordDistribution.id);
    }
    for (let i = 0; i < 3; i += 1) {
      const who = i === 0 ? 'agent' : 'volunteer';
      const atRisk = await ok<{ recordPersonAtRisk: { id: string } }>(
        who,
        `mutation ($input: RecordPersonAtRiskInput!) { recordPersonAtRisk(input: $input) { id } }`,
        {
          input: {
            responseId,
            fieldWorker: workers[who],
            reason: ['LOST_WORK_IN_PROSTITUTION', 'SINGLE_MOTHER', 'OTHER'][i],
            sex: 'FEMALE',
            ageBand: 'AGE_18_24',
            district: 'Sikhottabong',
            foundOn: '2020-05-06',
          },
        },
      );
      entered[who].push(atRisk.recordPersonAtRisk.id);
    }
    const detections: string[] = [];
    for (const who of ['agent', 'volunteer'] as const) {
      const detected = await ok<{ recordPotentialVictim: { id: string } }>(
        who,
        `mutation ($input: RecordPotentialVictimInput!) { recordPotentialVictim(input: $input) { id } }`,
        {
          input: {
            responseId,
            fieldWorker: workers[who],
            formOfExploitation: 'FORCED_MARRIAGE',
            place: 'Sikhottabong',
            sex: 'FEMALE',
            ageBand: 'AGE_12_17',
            detectedOn: '2020-05-07',
          },
        },
      );
      detections.push(detected.recordPotentialVictim.id);
      entered[who].push(detected.recordPotentialVictim.id);
    }

    // An agent of change networks' register does not hold is refused, and nothing is written.
    const ENTRIES_COUNT = `query ($id: ID) { reliefEntries(responseId: $id, first: 1) { totalCount } }`;
    const count = async () =>
      (
        await ok<{ reliefEntries: { totalCount: number } }>('coordinator', ENTRIES_COUNT, {
          id: responseId,
        })
      ).reliefEntries.totalCount;
    const before = await count();
    const unknownAgent = await as(
      'agent',
      `mutation ($input: RecordPersonAtRiskInput!) { recordPersonAtRisk(input: $input) { id } }`,
      {
        input: {
          responseId,
          fieldWorker: { kind: 'AGENT_OF_CHANGE', agentOfChangeId: randomUUID() },
          reason: 'OTHER',
          sex: 'FEMALE',
          ageBand: 'AGE_18_24',
          district: 'Sikhottabong',
          foundOn: '2020-05-06',
        },
      },
    );
    expect(unknownAgent.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'UNKNOWN_AGENT_OF_CHANGE',
    });
    expect(await count()).toBe(before);

    // A recipient's alias: the coordinator reads it (logged); the field worker may not.
    const ALIAS_QUERY = `query ($id: ID!) { reliefRecipientAlias(recipientId: $id, purpose: "home visit") { alias erased } }`;
    const alias = await ok<{ reliefRecipientAlias: unknown }>('coordinator', ALIAS_QUERY, {
      id: recipientIds[0],
    });
    expect(alias.reliefRecipientAlias).toEqual({ alias: `${ALIAS} 0`, erased: false });
    const hidden = await as('agent', ALIAS_QUERY, { id: recipientIds[0] });
    expect(hidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(hidden)).not.toContain(ALIAS);

    // The coordinator links a recipient to the registered beneficiary; the same link again
    // succeeds; her relief record shows the bag she received as that recipient.
    const LINK = `mutation ($input: LinkReliefRecipientInput!) { linkReliefRecipient(input: $input) { id } }`;
    const link = {
      input: { responseId, recipientId: recipientIds[1], beneficiaryId: recipientBeneficiaryId },
    };
    await eventually(
      () => as('coordinator', LINK, link),
      () => true,
    );
    await ok('coordinator', LINK, link);
    const record = await ok<{
      beneficiary: {
        reliefDistributions: { totalCount: number; edges: Array<{ node: { kind: string } }> };
      };
    }>(
      'manager',
      `query ($id: ID!) { beneficiary(id: $id) { reliefDistributions(first: 5) { totalCount edges { node { kind } } } } }`,
      { id: recipientBeneficiaryId },
    );
    expect(record.beneficiary.reliefDistributions).toEqual({
      totalCount: 1,
      edges: [{ node: { kind: 'GOODS' } }],
    });

    // 3. The coordinator turns one detection into a case notification.
    const notified = await ok<{ notifyDetection: { node: { notificationId: string } } }>(
      'coordinator',
      `mutation ($input: NotifyDetectionInput!) { notifyDetection(input: $input) { node { notificationId } } }`,
      { input: { responseId, detectionId: detections[0] } },
    );
    const notificationId = notificationIdForDetection(detections[0]);
    expect(notified.notifyDetection.node.notificationId).toBe(notificationId);

    // 4. Networks submitted it from the log; a network coordinator validates and refers it, and
    // protection opens a case from the referral.
    await eventually(
      () =>
        as<{ validateCaseNotification: { status: string } }>(
          'networks',
          'mutation ($id: ID!) { validateCaseNotification(input: { notificationId: $id }) { status } }',
          { id: notificationId },
        ),
      () => true,
    );
    await ok(
      'networks',
      'mutation ($id: ID!) { referCaseNotification(input: { notificationId: $id }) { status } }',
      {
        id: notificationId,
      },
    );
    const found = await eventually(
      () =>
        as<{ protectionCaseForNotification: { id: string } | null }>(
          'officer',
          'query ($id: ID!) { protectionCaseForNotification(notificationId: $id) { id } }',
          { id: notificationId },
        ),
      (data) => data.protectionCaseForNotification !== null,
    );
    expect(found.protectionCaseForNotification?.id).toBeDefined();

    // 5. The response's figures.
    const figures = await ok<{ reliefResponseFigures: unknown }>(
      'coordinator',
      `query ($id: ID!) { reliefResponseFigures(id: $id) {
        distributions distributionsByKind { kind count } recipientsByKind { kind count }
        peopleAtRisk detections notificationsRaised agentsOfChange volunteers } }`,
      { id: responseId },
    );
    expect(figures.reliefResponseFigures).toEqual({
      distributions: 10,
      distributionsByKind: [
        { kind: 'GOODS', count: 4 },
        { kind: 'MICRO_PROJECT_GRANT', count: 1 },
        { kind: 'NECESSITY_BAG', count: 5 },
      ],
      recipientsByKind: [
        { kind: 'BENEFICIARY', count: 0 },
        { kind: 'RELIEF_RECIPIENT', count: 10 },
      ],
      peopleAtRisk: 3,
      detections: 2,
      notificationsRaised: 1,
      agentsOfChange: 1,
      volunteers: 1,
    });

    // 6. A field worker reads back its own entries of the day, nothing else of the response.
    const ENTRIES = `query ($id: ID) { reliefEntries(responseId: $id, first: 100) { totalCount edges { node { id } } } }`;
    for (const who of ['agent', 'volunteer'] as const) {
      const own = await ok<{ reliefEntries: { edges: Array<{ node: { id: string } }> } }>(
        who,
        ENTRIES,
        { id: responseId },
      );
      expect(own.reliefEntries.edges.map((edge) => edge.node.id).sort()).toEqual(
        [...entered[who]].sort(),
      );
    }
    const refusedFigures = await as<{ reliefResponseFigures: unknown }>(
      'volunteer',
      `query ($id: ID!) { reliefResponseFigures(id: $id) { detections } }`,
      {
        id: responseId,
      },
    );
    expect(refusedFigures.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refusedFigures.data?.reliefResponseFigures ?? null).toBeNull();
    const all = await ok<{ reliefEntries: { totalCount: number } }>('coordinator', ENTRIES, {
      id: responseId,
    });
    expect(all.reliefEntries.totalCount).toBe(25);

    // 7. A partner and an analyst are refused.
    for (const who of ['partner', 'analyst']) {
      const refused = await as<{ reliefEntries: unknown }>(who, ENTRIES, { id: responseId });
      expect(refused.errors?.length).toBeGreaterThan(0);
      expect(refused.data?.reliefEntries ?? null).toBeNull();
      const noAlias = await as(who, ALIAS_QUERY, { id: recipientIds[0] });
      expect(noAlias.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(noAlias)).not.toContain(ALIAS);
    }
  }, 180_000);
});
