// Hostile use of networks' own API (issue 13): a client-chosen id, a beneficiary id of another
// country, and a link to a beneficiary out of the reader's scope must reveal nothing.
import { randomUUID } from 'node:crypto';
import { agentOfChangeStreamId } from '@haven/networks/domain';
import type { EventMetadata } from '@haven/platform/event-store';
import type { Principal } from '@haven/platform/security';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import { coordinator, useNetworksService } from './testing/networks-spec-harness';

const networks = useNetworksService();
const { gql, eventCount } = networks;

const watchdog = (subject: string) =>
  ({ subject, role: 'watchdog', countries: [], organisationId: null }) as Principal;
const partner = (subject: string, organisationId: string) =>
  ({ subject, role: 'partner', countries: [], organisationId }) as Principal;

const metadata = (actorId: string): EventMetadata => ({
  actorId,
  role: 'protection_officer',
  organisationId: null,
  correlationId: 'security-spec',
  causationId: null,
  occurredAt: new Date().toISOString(),
});

/** Protection's registration of a beneficiary, on the shared log. */
async function beneficiaryRegistered(country: string): Promise<string> {
  const beneficiaryId = randomUUID();
  await networks.store.append(
    beneficiaryStreamId(beneficiaryId),
    [
      {
        type: 'BeneficiaryRegistered',
        data: {
          beneficiaryId,
          referenceCode: `BEN-${country}-${beneficiaryId.slice(0, 6)}`,
          country,
          sex: 'FEMALE',
          minor: false,
          registeredAt: new Date().toISOString(),
        },
        metadata: metadata('officer-1'),
      },
    ],
    'no_stream',
  );
  return beneficiaryId;
}

const SUBMIT = `mutation ($input: SubmitCaseNotificationInput!) {
  submitCaseNotification(input: $input) { notificationId streamVersion status }
}`;

const facts = {
  formOfExploitation: 'SEX_TRAFFICKING',
  country: 'LA',
  province: 'Bokeo',
  possibleVictims: 4,
  minors: 1,
};

/** A watchdog registered by an LA coordinator: a watchdog's token's subject is its id. */
async function registeredWatchdog(): Promise<Principal> {
  const watchdogId = randomUUID();
  const registered = await gql(
    'mutation ($input: RegisterWatchdogInput!) { registerWatchdog(input: $input) { watchdogId } }',
    {
      input: {
        id: watchdogId,
        kind: 'INDIVIDUAL',
        country: 'LA',
        joinedOn: '2020-01-15',
        trained: true,
      },
    },
    coordinator(['LA']),
  );
  expect(registered.body.errors).toBeUndefined();
  return watchdog(watchdogId);
}

describe('a replayed case notification id', () => {
  it('is an idempotent retry for its own submitter only; anyone else gets one answer, whatever the facts', async () => {
    const [a, b] = [await registeredWatchdog(), await registeredWatchdog()];
    const id = randomUUID();
    const first = await gql(SUBMIT, { input: { ...facts, id } }, a);
    expect(first.body.errors).toBeUndefined();
    const retry = await gql(SUBMIT, { input: { ...facts, id } }, a);
    expect(retry.body).toEqual(first.body);

    const before = await eventCount();
    const sameFacts = await gql(SUBMIT, { input: { ...facts, id } }, b);
    const otherFacts = await gql(SUBMIT, { input: { ...facts, id, possibleVictims: 9 } }, b);
    // No success, no status, no way to tell the facts apart.
    expect(sameFacts.body.data).toBeNull();
    expect(sameFacts.body.errors).toEqual(otherFacts.body.errors);
    expect(sameFacts.body.errors![0].extensions).toEqual({
      code: 'CONFLICT',
      reason: 'CASE_NOTIFICATION_ALREADY_SUBMITTED',
    });
    expect(JSON.stringify(sameFacts.body)).not.toContain('Bokeo');
    expect(await eventCount()).toBe(before);
  });

  it('is another caller’s when the organisation differs, even under the same subject', async () => {
    const id = randomUUID();
    const input = { ...facts, id };
    const own = await gql(SUBMIT, { input }, partner('partner-user', 'ngo-a'));
    expect(own.body.errors).toBeUndefined();
    const other = await gql(SUBMIT, { input }, partner('partner-user', 'ngo-b'));
    expect(other.body.data).toBeNull();
    expect(other.body.errors![0].extensions).toEqual({
      code: 'CONFLICT',
      reason: 'CASE_NOTIFICATION_ALREADY_SUBMITTED',
    });
  });
});

const REGISTER_AGENT = `mutation ($input: RegisterAgentOfChangeInput!) {
  registerAgentOfChange(input: $input) { agentOfChangeId }
}`;

describe('an agent of change from another country’s beneficiary', () => {
  it('is refused to a TH coordinator with the answer an unknown id gets, and nothing is written', async () => {
    const laBeneficiary = await beneficiaryRegistered('LA');
    const th = coordinator(['TH']);
    const input = { country: 'TH', qualifiedOn: '2020-12-01' };

    const before = await eventCount();
    const foreign = await gql(
      REGISTER_AGENT,
      { input: { ...input, beneficiaryId: laBeneficiary } },
      th,
    );
    const unknown = await gql(
      REGISTER_AGENT,
      { input: { ...input, beneficiaryId: randomUUID() } },
      th,
    );
    expect(foreign.body.data).toBeNull();
    expect(foreign.body.errors).toEqual(unknown.body.errors);
    expect(foreign.body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_BENEFICIARY',
    });
    expect(await eventCount()).toBe(before);

    // The same beneficiary, for a coordinator of its own country: registered.
    const la = await gql(
      REGISTER_AGENT,
      { input: { country: 'LA', qualifiedOn: '2020-12-01', beneficiaryId: laBeneficiary } },
      coordinator(['LA']),
    );
    expect(la.body.errors).toBeUndefined();
  });
});

describe('an agent of change’s beneficiary, read by a coordinator', () => {
  it('is shown within the reader’s scope only, and a foreign one fails soft for its item alone', async () => {
    const thBeneficiary = await beneficiaryRegistered('TH');
    const laBeneficiary = await beneficiaryRegistered('LA');
    // A TH agent of change linked to an LA beneficiary, as registered before the rule above held.
    const store = networks.store;
    const agents: Array<[string, string]> = [
      [randomUUID(), thBeneficiary],
      [randomUUID(), laBeneficiary],
    ];
    let position = 0;
    for (const [agentOfChangeId, beneficiaryId] of agents) {
      const result = await store.append(
        agentOfChangeStreamId(agentOfChangeId),
        [
          {
            type: 'AgentOfChangeRegistered',
            data: {
              agentOfChangeId,
              beneficiaryId,
              country: 'TH',
              province: null,
              qualifiedOn: '2020-12-01',
              registeredAt: new Date().toISOString(),
            },
            metadata: metadata('coordinator-TH'),
          },
        ],
        'no_stream',
      );
      position = result.globalPositions[0];
    }
    await networks.caughtUp(position);

    const response = await gql(
      `{ agentsOfChange(country: TH, first: 100) {
        edges { node { beneficiaryId beneficiary { id caseNotificationCount } } }
      } }`,
      {},
      coordinator(['TH']),
    );
    expect(response.body.errors).toBeUndefined();
    const nodes = (
      response.body.data!.agentsOfChange as {
        edges: Array<{ node: { beneficiaryId: string; beneficiary: unknown } }>;
      }
    ).edges.map((edge) => edge.node);
    expect(nodes.find((node) => node.beneficiaryId === thBeneficiary)!.beneficiary).toEqual({
      id: thBeneficiary,
      caseNotificationCount: 0,
    });
    expect(nodes.find((node) => node.beneficiaryId === laBeneficiary)!.beneficiary).toBeNull();
  });
});

const coordinatorNamed = (subject: string, countries: string[]) => coordinator(countries, subject);

/** Each networks command that takes a client-chosen id: its mutation, and facts for it. */
const REGISTRATIONS: Array<[string, string, Record<string, unknown>, Record<string, unknown>]> = [
  [
    'registerWatchdog',
    'RegisterWatchdogInput',
    {
      kind: 'INDIVIDUAL',
      country: 'TH',
      province: 'Chiang Rai',
      joinedOn: '2020-01-15',
      trained: true,
    },
    { trained: false },
  ],
  [
    'registerWomensGroup',
    'RegisterWomensGroupInput',
    { country: 'TH', province: 'Phayao', joinedOn: '2020-03-01', memberCount: 12 },
    { memberCount: 13 },
  ],
  [
    'registerPartnerOrganisation',
    'RegisterPartnerOrganisationInput',
    { name: 'Friends of Women', kind: 'NGO', country: 'TH' },
    { kind: 'SHELTER' },
  ],
  [
    'recordPreventionActivity',
    'RecordPreventionActivityInput',
    {
      kind: 'TRAINING',
      topic: 'SAFE_MIGRATION',
      date: '2020-11-12',
      country: 'TH',
      province: 'Chiang Rai',
      participants: [{ sex: 'FEMALE', role: 'STUDENTS', count: 40 }],
    },
    { topic: 'FORCED_MARRIAGE' },
  ],
];

describe('a replayed member or prevention activity id', () => {
  it.each(REGISTRATIONS)(
    '%s: its registrant’s identical retry succeeds; another coordinator gets one answer whatever the facts, and nothing is written',
    async (mutation, inputType, input, otherFacts) => {
      const query = `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { streamVersion } }`;
      const id = randomUUID();
      const first = await gql(query, { input: { ...input, id } }, coordinatorNamed('th-1', ['TH']));
      expect(first.body.errors).toBeUndefined();
      const retry = await gql(query, { input: { ...input, id } }, coordinatorNamed('th-1', ['TH']));
      expect(retry.body).toEqual(first.body);

      const before = await eventCount();
      const other = coordinatorNamed('th-2', ['TH']);
      const sameFacts = await gql(query, { input: { ...input, id } }, other);
      const different = await gql(query, { input: { ...input, ...otherFacts, id } }, other);
      expect(sameFacts.body.data).toBeNull();
      expect(sameFacts.body.errors).toEqual(different.body.errors);
      expect(sameFacts.body.errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
      // The message quotes nothing of the record it collided with.
      expect(sameFacts.body.errors![0].message).not.toMatch(/other facts|Chiang Rai|Phayao|TH/);
      expect(await eventCount()).toBe(before);
    },
  );
});

describe('a replayed agent of change id', () => {
  it('is its registrant’s retry only; another coordinator gets one answer whatever the facts, and nothing is written', async () => {
    const beneficiaryId = await beneficiaryRegistered('TH');
    const query = `mutation ($input: RegisterAgentOfChangeInput!) {
      registerAgentOfChange(input: $input) { streamVersion }
    }`;
    const input = { id: randomUUID(), beneficiaryId, country: 'TH', qualifiedOn: '2020-12-01' };
    const first = await gql(query, { input }, coordinatorNamed('th-1', ['TH']));
    expect(first.body.errors).toBeUndefined();
    expect(await gql(query, { input }, coordinatorNamed('th-1', ['TH']))).toMatchObject({
      body: first.body,
    });

    const before = await eventCount();
    const other = coordinatorNamed('th-2', ['TH']);
    const sameFacts = await gql(query, { input }, other);
    const different = await gql(query, { input: { ...input, qualifiedOn: '2021-01-01' } }, other);
    expect(sameFacts.body.errors).toEqual(different.body.errors);
    expect(sameFacts.body.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_REGISTERED',
    });
    expect(await eventCount()).toBe(before);
  });
});
