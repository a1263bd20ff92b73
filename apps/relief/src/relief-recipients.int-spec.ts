// Relief recipients' sealed aliases (read through the access log, erasable), agents of change
// checked against networks' register learnt from the log, the same link again, a beneficiary's
// relief record, and the figures' filters.
import { randomUUID } from 'node:crypto';
import { agentOfChangeStreamId } from '@haven/networks/contracts';
import type { Principal } from '@haven/platform/security';
import { reliefResponseStreamId } from '@haven/relief/contracts';
import { coordinator, coordinatorTH, useReliefService } from './testing/relief-spec-harness';

const relief = useReliefService();

const fieldWorker: Principal = {
  subject: 'aoc-1',
  role: 'field_worker',
  countries: ['LA'],
  organisationId: null,
};
const auditor: Principal = { ...coordinator, subject: 'aud-1', role: 'auditor', countries: 'all' };
const partner: Principal = { subject: 'p-1', role: 'partner', countries: [], organisationId: 'n' };
const today = new Date().toISOString().slice(0, 10);
const ALIAS = 'Nang Kham-Zq7';
const metadata = () => ({
  actorId: 'someone',
  role: 'system',
  organisationId: null,
  correlationId: 'c',
  causationId: null,
  occurredAt: new Date().toISOString(),
});

async function ok<Data>(query: string, variables: Record<string, unknown>, as: Principal) {
  const result = await relief.service.graphql<Data>(query, variables, {}, { as });
  expect(result.body.errors).toBeUndefined();
  return result.body.data as Data;
}

const OPEN = `mutation ($input: OpenReliefResponseInput!) { openReliefResponse(input: $input) { id } }`;
const RECIPIENT = `mutation ($input: RecordReliefRecipientInput!) {
  recordReliefRecipient(input: $input) { id streamVersion } }`;
const DISTRIBUTE = `mutation ($input: RecordDistributionInput!) {
  recordDistribution(input: $input) { id node { fieldWorkerKind fieldWorkerId } } }`;
const ALIAS_QUERY = `query ($recipientId: ID!) {
  reliefRecipientAlias(recipientId: $recipientId, purpose: "follow-up visit") { recipientId alias erased } }`;
const ERASE = `mutation ($input: EraseReliefRecipientAliasInput!) {
  eraseReliefRecipientAlias(input: $input) { id } }`;
const LINK = `mutation ($input: LinkReliefRecipientInput!) { linkReliefRecipient(input: $input) { id } }`;

async function openResponse(): Promise<string> {
  const data = await ok<{ openReliefResponse: { id: string } }>(
    OPEN,
    { input: { name: 'COVID-19', country: 'LA', startsOn: '2020-04-01', funder: null } },
    coordinator,
  );
  return data.openReliefResponse.id;
}

function recipientInput(responseId: string, extra: Record<string, unknown> = {}) {
  return {
    responseId,
    fieldWorker: { kind: 'VOLUNTEER' },
    alias: ALIAS,
    ageBand: 'AGE_40_59',
    sex: 'FEMALE',
    district: 'Xaythany',
    householdSize: 5,
    singleMotherHead: true,
    riskReason: 'SINGLE_MOTHER',
    registeredOn: today,
    ...extra,
  };
}

describe('a relief recipient’s sealed alias', () => {
  it('is stored only sealed, read by a coordinator through the access log, and erasable', async () => {
    const responseId = await openResponse();
    const id = randomUUID();
    await ok(RECIPIENT, { input: recipientInput(responseId, { id }) }, fieldWorker);
    // A retry with the same facts is no change, though it is not sealed again.
    const retry = await ok<{ recordReliefRecipient: { streamVersion: number } }>(
      RECIPIENT,
      { input: recipientInput(responseId, { id }) },
      fieldWorker,
    );
    expect(retry.recordReliefRecipient.streamVersion).toBe(2);
    await relief.caughtUp();

    // Nowhere in clear: not in the log, the read models, the service's logs.
    const stored = JSON.stringify(
      await relief.store.readStream(reliefResponseStreamId(responseId)),
    );
    expect(stored).not.toContain(ALIAS);
    expect(stored).toContain('pii:v1:');
    const rows = await relief.sql.query(
      `SELECT (SELECT json_agg(e) FROM relief.entries e)::text AS entries,
              (SELECT json_agg(a) FROM relief.recipient_aliases a)::text AS aliases`,
    );
    expect(rows.rows[0].entries).not.toContain(ALIAS);
    expect(rows.rows[0].aliases).not.toContain(ALIAS);

    // The field worker, an auditor, a partner, a coordinator of another country: refused.
    for (const as of [fieldWorker, auditor, partner, coordinatorTH]) {
      const refused = await relief.service.graphql(ALIAS_QUERY, { recipientId: id }, {}, { as });
      expect(refused.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(refused.body)).not.toContain(ALIAS);
    }
    const read = await ok(ALIAS_QUERY, { recipientId: id }, coordinator);
    expect(read).toEqual({
      reliefRecipientAlias: { recipientId: id, alias: ALIAS, erased: false },
    });
    const logged = await relief.sql.query(
      `SELECT actor_id, record_type, fields, purpose FROM privacy.access_log WHERE record_id = $1`,
      [id],
    );
    expect(logged.rows).toEqual([
      {
        actor_id: 'coord-la',
        record_type: 'ReliefRecipient',
        fields: ['alias'],
        purpose: 'follow-up visit',
      },
    ]);

    // Erased: the key is destroyed, the alias is gone for good; again is no change.
    await ok(ERASE, { input: { responseId, recipientId: id } }, coordinator);
    await ok(ERASE, { input: { responseId, recipientId: id } }, coordinator);
    await relief.caughtUp();
    expect(await ok(ALIAS_QUERY, { recipientId: id }, coordinator)).toEqual({
      reliefRecipientAlias: { recipientId: id, alias: null, erased: true },
    });
    // An erased recipient takes nothing new.
    const bag = await relief.service.graphql(
      DISTRIBUTE,
      {
        input: {
          responseId,
          kind: 'NECESSITY_BAG',
          recipient: { recipientId: id },
          country: 'LA',
          distributedOn: today,
          fieldWorker: { kind: 'VOLUNTEER' },
        },
      },
      {},
      { as: fieldWorker },
    );
    expect(bag.body.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'RECIPIENT_ERASED',
    });
    expect(relief.service.rawLogs()).not.toContain(ALIAS);
  });

  it('refuses a blank or missing alias with a code, quoting no value, and writes nothing', async () => {
    const responseId = await openResponse();
    for (const alias of ['   ', 'x'.repeat(201), undefined]) {
      const input = recipientInput(responseId, { alias });
      if (alias === undefined) delete (input as Record<string, unknown>).alias;
      const result = await relief.service.graphql(RECIPIENT, { input }, {}, { as: fieldWorker });
      expect(result.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(result.body)).not.toContain('xxxx');
    }
    expect(await relief.store.readStream(reliefResponseStreamId(responseId))).toHaveLength(1);
  });
});

describe('agents of change, from networks’ register on the log', () => {
  it('records for an agent of change the register holds, and refuses an unknown one, writing nothing', async () => {
    const responseId = await openResponse();
    const agentOfChangeId = randomUUID();
    await relief.store.append(
      agentOfChangeStreamId(agentOfChangeId),
      [
        {
          type: 'AgentOfChangeRegistered',
          data: {
            agentOfChangeId,
            beneficiaryId: randomUUID(),
            country: 'LA',
            province: null,
            qualifiedOn: '2019-11-01',
            registeredAt: new Date().toISOString(),
          },
          metadata: metadata(),
        },
      ],
      'no_stream',
    );
    await relief.caughtUp();
    const recipient = await ok<{ recordReliefRecipient: { id: string } }>(
      RECIPIENT,
      { input: recipientInput(responseId, { fieldWorker: { kind: 'VOLUNTEER' } }) },
      fieldWorker,
    );
    const bag = (agent: string) =>
      relief.service.graphql(
        DISTRIBUTE,
        {
          input: {
            responseId,
            kind: 'GOODS',
            recipient: { recipientId: recipient.recordReliefRecipient.id },
            country: 'LA',
            distributedOn: today,
            fieldWorker: { kind: 'AGENT_OF_CHANGE', agentOfChangeId: agent },
          },
        },
        {},
        { as: fieldWorker },
      );
    const known = await bag(agentOfChangeId);
    expect(known.body.errors).toBeUndefined();
    expect(known.body.data).toMatchObject({
      recordDistribution: {
        node: { fieldWorkerKind: 'AGENT_OF_CHANGE', fieldWorkerId: agentOfChangeId },
      },
    });
    const before = (await relief.store.readStream(reliefResponseStreamId(responseId))).length;
    const unknownId = randomUUID();
    const unknown = await bag(unknownId);
    expect(unknown.body.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'UNKNOWN_AGENT_OF_CHANGE',
    });
    expect(JSON.stringify(unknown.body)).not.toContain(unknownId);
    expect(await relief.store.readStream(reliefResponseStreamId(responseId))).toHaveLength(before);
  });
});

describe('linking, a beneficiary’s relief record, and the figures’ filters', () => {
  it('a link again to the same beneficiary succeeds; to another is a named conflict; the beneficiary shows its distributions a page at a time', async () => {
    const responseId = await openResponse();
    const [beneficiaryId, otherId] = [randomUUID(), randomUUID()];
    await relief.registerBeneficiary(beneficiaryId);
    await relief.registerBeneficiary(otherId);
    await relief.caughtUp();
    const recipient = await ok<{ recordReliefRecipient: { id: string } }>(
      RECIPIENT,
      { input: recipientInput(responseId) },
      fieldWorker,
    );
    const recipientId = recipient.recordReliefRecipient.id;
    const link = (to: string) =>
      relief.service.graphql(
        LINK,
        { input: { responseId, recipientId, beneficiaryId: to } },
        {},
        { as: coordinator },
      );
    expect((await link(beneficiaryId)).body.errors).toBeUndefined();
    const again = await link(beneficiaryId);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data).toEqual({ linkReliefRecipient: { id: recipientId } });
    const other = await link(otherId);
    expect(other.body.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'RECIPIENT_ALREADY_LINKED',
    });

    // Three distributions: two to the linked recipient (one in May 2020), one to the beneficiary.
    const give = (recipientInput: Record<string, string>, kind: string, on: string) =>
      ok(
        DISTRIBUTE,
        {
          input: {
            responseId,
            kind,
            recipient: recipientInput,
            country: 'LA',
            distributedOn: on,
            fieldWorker: { kind: 'VOLUNTEER' },
          },
        },
        fieldWorker,
      );
    await give({ recipientId }, 'NECESSITY_BAG', '2020-05-04');
    await give({ recipientId }, 'GOODS', today);
    await give({ beneficiaryId }, 'GOODS', today);
    await relief.caughtUp();

    const RECORD = `query ($reps: [_Any!]!, $after: String) { _entities(representations: $reps) {
      ... on Beneficiary { reliefDistributions(first: 2, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { kind occurredOn } } } } } }`;
    type ReliefRecord = {
      _entities: Array<{
        reliefDistributions: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: Array<{ node: { kind: string; occurredOn: string } }>;
        };
      }>;
    };
    const reps = [{ __typename: 'Beneficiary', id: beneficiaryId }];
    const first = await ok<ReliefRecord>(RECORD, { reps }, coordinator);
    const page = first._entities[0].reliefDistributions;
    expect(page.totalCount).toBe(3);
    expect(page.edges.map((edge) => edge.node.kind)).toEqual(['NECESSITY_BAG', 'GOODS']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await ok<ReliefRecord>(
      RECORD,
      { reps, after: page.pageInfo.endCursor },
      coordinator,
    );
    expect(next._entities[0].reliefDistributions.edges).toHaveLength(1);
    // A field worker and a partner may not read the relief record.
    for (const as of [fieldWorker, partner]) {
      const refused = await relief.service.graphql(RECORD, { reps }, {}, { as });
      expect(refused.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }

    const FIGURES = `query ($id: ID!, $from: String, $to: String, $kind: DistributionKind, $worker: String) {
      reliefResponseFigures(id: $id, from: $from, to: $to, distributionKind: $kind, fieldWorkerId: $worker) {
        distributions distributionsByKind { kind count } } }`;
    const count = async (filter: Record<string, string>) =>
      (
        await ok<{ reliefResponseFigures: { distributions: number } }>(
          FIGURES,
          { id: responseId, ...filter },
          coordinator,
        )
      ).reliefResponseFigures.distributions;
    expect(await count({})).toBe(3);
    expect(await count({ from: '2020-05-01', to: '2020-05-31' })).toBe(1);
    expect(await count({ kind: 'GOODS' })).toBe(2);
    expect(await count({ worker: 'aoc-1' })).toBe(3);
    expect(await count({ worker: 'someone-else' })).toBe(0);
    const bad = await relief.service.graphql(
      FIGURES,
      { id: responseId, from: '2020-13-45' },
      {},
      { as: coordinator },
    );
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.body)).not.toContain('2020-13-45');
  });
});
