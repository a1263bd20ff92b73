// Issue 13: a watchdog's token could submit as any watchdog's or women's group's record. A
// networks member's token is bound to its record (its subject is the record's id): it submits as
// that record and no other, and a token bound to no record submits nothing.
import { randomUUID } from 'node:crypto';
import { caseNotificationStreamId } from '@haven/networks/contracts';
import type { Principal, Role } from '@haven/platform/security';
import { coordinator, useNetworksService } from './testing/networks-spec-harness';

const networks = useNetworksService();
const { eventCount } = networks;
const member = (role: Role, subject: string) =>
  ({ subject, role, countries: [], organisationId: null }) as Principal;

type Body = {
  data?: Record<string, Record<string, string>> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
};

async function gql(query: string, variables: Record<string, unknown>, as: Principal) {
  return (await networks.gql(query, variables, as)).body as Body;
}

/** A member registered by the TH coordinator: its id. */
async function register(mutation: string, input: Record<string, unknown>): Promise<string> {
  const id = randomUUID();
  const inputType = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
  const body = await gql(
    `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { streamVersion } }`,
    { input: { ...input, id } },
    coordinator(['TH']),
  );
  expect(body.errors).toBeUndefined();
  return id;
}

const watchdogFacts = { kind: 'INDIVIDUAL', country: 'TH', joinedOn: '2020-01-15', trained: true };
const groupFacts = { country: 'TH', province: 'Phayao', joinedOn: '2020-03-01' };

const SUBMIT = `mutation ($input: SubmitCaseNotificationInput!) {
  submitCaseNotification(input: $input) { notificationId status }
}`;
const facts = {
  formOfExploitation: 'SEX_TRAFFICKING',
  country: 'TH',
  province: 'Chiang Rai',
  possibleVictims: 2,
  minors: 1,
};

async function submittedEvents(notificationId: string) {
  return networks.store.readStream(caseNotificationStreamId(notificationId));
}

describe('a watchdog’s token', () => {
  it('submits as its own record: the reference is its subject, whatever it leaves out', async () => {
    const watchdogId = await register('registerWatchdog', watchdogFacts);
    const id = randomUUID();
    const body = await gql(SUBMIT, { input: { ...facts, id } }, member('watchdog', watchdogId));
    expect(body.errors).toBeUndefined();
    const [event] = await submittedEvents(id);
    expect(event.data).toMatchObject({ reportedBy: 'WATCHDOG', reporterReference: watchdogId });
  });

  it('given another member’s record as reference, then FORBIDDEN NOT_YOUR_RECORD quoting no id, and nothing written', async () => {
    const mine = await register('registerWatchdog', watchdogFacts);
    const otherWatchdog = await register('registerWatchdog', watchdogFacts);
    const group = await register('registerWomensGroup', groupFacts);
    const before = await eventCount();
    for (const reporterReference of [otherWatchdog, group, randomUUID()]) {
      const id = randomUUID();
      const body = await gql(
        SUBMIT,
        { input: { ...facts, id, reporterReference } },
        member('watchdog', mine),
      );
      expect(body.data).toBeNull();
      expect(body.errors![0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NOT_YOUR_RECORD',
      });
      expect(body.errors![0].message).not.toContain(reporterReference);
      expect(body.errors![0].message).not.toContain(mine);
    }
    expect(await eventCount()).toBe(before);
  });

  it('given another kind of reporter (a women’s group), then BAD_USER_INPUT, and nothing written', async () => {
    const mine = await register('registerWatchdog', watchdogFacts);
    const before = await eventCount();
    const body = await gql(
      SUBMIT,
      { input: { ...facts, reportedBy: 'WOMENS_GROUP' } },
      member('watchdog', mine),
    );
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await eventCount()).toBe(before);
  });

  it('bound to no watchdog (an unknown id, a women’s group’s id, no id at all), then one FORBIDDEN UNREGISTERED_SUBMITTER, and nothing written', async () => {
    const group = await register('registerWomensGroup', groupFacts);
    const before = await eventCount();
    const answers = [];
    for (const subject of [randomUUID(), group, 'watchdog-chiang-rai-7']) {
      const body = await gql(SUBMIT, { input: facts }, member('watchdog', subject));
      expect(body.data).toBeNull();
      answers.push(body.errors);
    }
    expect(answers[0]![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'UNREGISTERED_SUBMITTER',
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await eventCount()).toBe(before);
  });
});

describe('the women’s groups’ and agents of change’s own roles', () => {
  it('a women’s group’s token submits as its group: WOMENS_GROUP, its record as reference; it sees its own status', async () => {
    const group = await register('registerWomensGroup', groupFacts);
    const id = randomUUID();
    const body = await gql(SUBMIT, { input: { ...facts, id } }, member('womens_group', group));
    expect(body.errors).toBeUndefined();
    expect(body.data!.submitCaseNotification.status).toBe('SUBMITTED');
    const [event] = await submittedEvents(id);
    expect(event.data).toMatchObject({ reportedBy: 'WOMENS_GROUP', reporterReference: group });
    const mine = await gql(
      '{ myCaseNotifications(first: 10) { edges { node { id status } } } }',
      {},
      member('womens_group', group),
    );
    expect(mine.errors).toBeUndefined();
  });

  it('an agent of change’s token submits as an agent of change; bound to a watchdog’s record, it submits nothing', async () => {
    // An agent of change registered from training (no beneficiary check needed on the log).
    const agentOfChangeId = randomUUID();
    await networks.store.append(
      `agentofchange-${agentOfChangeId}`,
      [
        {
          type: 'AgentOfChangeRegistered',
          data: {
            agentOfChangeId,
            beneficiaryId: randomUUID(),
            country: 'TH',
            province: null,
            qualifiedOn: '2020-12-01',
            registeredAt: new Date().toISOString(),
          },
          metadata: {
            actorId: 'coordinator-TH',
            role: 'network_coordinator',
            organisationId: 'alliance',
            correlationId: 'security-spec',
            causationId: null,
            occurredAt: new Date().toISOString(),
          },
        },
      ],
      'no_stream',
    );
    const id = randomUUID();
    const body = await gql(
      SUBMIT,
      { input: { ...facts, id } },
      member('agent_of_change', agentOfChangeId),
    );
    expect(body.errors).toBeUndefined();
    const [event] = await submittedEvents(id);
    expect(event.data).toMatchObject({
      reportedBy: 'AGENT_OF_CHANGE',
      reporterReference: agentOfChangeId,
    });

    const watchdogId = await register('registerWatchdog', watchdogFacts);
    const before = await eventCount();
    const refused = await gql(SUBMIT, { input: facts }, member('agent_of_change', watchdogId));
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'UNREGISTERED_SUBMITTER',
    });
    expect(await eventCount()).toBe(before);
  });

  it('neither reads a notification’s record, nor registers a member', async () => {
    const group = await register('registerWomensGroup', groupFacts);
    const list = await gql(
      '{ caseNotifications(first: 1) { edges { node { id } } } }',
      {},
      member('womens_group', group),
    );
    expect(list.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const before = await eventCount();
    const registerAsGroup = await gql(
      'mutation ($input: RegisterWatchdogInput!) { registerWatchdog(input: $input) { streamVersion } }',
      { input: watchdogFacts },
      member('womens_group', group),
    );
    expect(registerAsGroup.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await eventCount()).toBe(before);
  });
});

describe('a partner’s token', () => {
  it('given another record as reference, then FORBIDDEN NOT_YOUR_RECORD, and nothing written', async () => {
    const watchdogId = await register('registerWatchdog', watchdogFacts);
    const partner = {
      subject: 'partner-user',
      role: 'partner',
      countries: [],
      organisationId: randomUUID(),
    } as Principal;
    const before = await eventCount();
    const body = await gql(SUBMIT, { input: { ...facts, reporterReference: watchdogId } }, partner);
    expect(body.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_YOUR_RECORD',
    });
    expect(await eventCount()).toBe(before);
  });
});
