import { randomUUID } from 'node:crypto';
import type { Principal } from '@haven/platform/security';
import { notificationIdForDetection, reliefResponseStreamId } from '@haven/relief/contracts';
import { coordinator, coordinatorTH, useReliefService } from './testing/relief-spec-harness';

const relief = useReliefService();

const volunteer: Principal = {
  subject: 'vol-1',
  role: 'field_worker',
  countries: ['LA'],
  organisationId: null,
};
const otherVolunteer: Principal = { ...volunteer, subject: 'vol-2' };
const partner: Principal = {
  subject: 'p-1',
  role: 'partner',
  countries: [],
  organisationId: 'ngo-1',
};
const analyst: Principal = {
  subject: 'a-1',
  role: 'analyst',
  countries: 'all',
  organisationId: null,
};
const today = new Date().toISOString().slice(0, 10);
const MARKER = 'Marker-Zq7-district';

const OPEN = `mutation ($input: OpenReliefResponseInput!) {
  openReliefResponse(input: $input) { id node { id name country startsOn } } }`;
const RECIPIENT = `mutation ($input: RecordReliefRecipientInput!) {
  recordReliefRecipient(input: $input) { id node { id entryType } } }`;
const DISTRIBUTE = `mutation ($input: RecordDistributionInput!) {
  recordDistribution(input: $input) { id node { id kind recipientKind fieldWorkerKind fieldWorkerId } } }`;
const DETECT = `mutation ($input: RecordPotentialVictimInput!) {
  recordPotentialVictim(input: $input) { id node { id kind } } }`;
const NOTIFY = `mutation ($input: NotifyDetectionInput!) {
  notifyDetection(input: $input) { id node { id notificationId } } }`;
const ENTRIES = `query ($responseId: ID) { reliefEntries(responseId: $responseId, first: 100) {
  totalCount edges { node { id entryType fieldWorkerId } } } }`;
const FIGURES = `query ($id: ID!) { reliefResponseFigures(id: $id) {
  distributions recipientsByKind { kind count } peopleAtRisk detections notificationsRaised agentsOfChange volunteers } }`;

async function openResponse(): Promise<string> {
  const result = await relief.service.graphql<{ openReliefResponse: { id: string } }>(
    OPEN,
    {
      input: {
        name: 'COVID-19',
        country: 'LA',
        startsOn: '2020-04-01',
        endsOn: null,
        funder: 'Donors',
      },
    },
    {},
    { as: coordinator },
  );
  expect(result.body.errors).toBeUndefined();
  return result.body.data!.openReliefResponse.id;
}

const worker = { kind: 'VOLUNTEER' };

async function recordRecipient(responseId: string, as: Principal = volunteer): Promise<string> {
  const result = await relief.service.graphql<{ recordReliefRecipient: { id: string } }>(
    RECIPIENT,
    {
      input: {
        responseId,
        fieldWorker: worker,
        alias: 'Mae Noi',
        ageBand: 'AGE_25_39',
        sex: 'FEMALE',
        district: MARKER,
        householdSize: 4,
        singleMotherHead: true,
        riskReason: 'LOST_WORK_IN_TOURISM',
        registeredOn: today,
      },
    },
    {},
    { as },
  );
  expect(result.body.errors).toBeUndefined();
  return result.body.data!.recordReliefRecipient.id;
}

describe('relief through its subgraph', () => {
  it('a coordinator opens a response; a field worker records a recipient and a bag; the figures count them', async () => {
    const responseId = await openResponse();
    const recipientId = await recordRecipient(responseId);
    const bag = await relief.service.graphql(
      DISTRIBUTE,
      {
        input: {
          responseId,
          kind: 'NECESSITY_BAG',
          recipient: { recipientId },
          country: 'LA',
          distributedOn: today,
          fieldWorker: worker,
        },
      },
      {},
      { as: volunteer },
    );
    expect(bag.body.errors).toBeUndefined();
    expect(bag.body.data).toMatchObject({
      recordDistribution: {
        node: {
          kind: 'NECESSITY_BAG',
          recipientKind: 'RELIEF_RECIPIENT',
          fieldWorkerKind: 'VOLUNTEER',
          fieldWorkerId: 'vol-1',
        },
      },
    });
    const figures = await relief.service.graphql(
      FIGURES,
      { id: responseId },
      {},
      { as: coordinator },
    );
    expect(figures.body.data).toEqual({
      reliefResponseFigures: {
        distributions: 1,
        recipientsByKind: [
          { kind: 'BENEFICIARY', count: 0 },
          { kind: 'RELIEF_RECIPIENT', count: 1 },
        ],
        peopleAtRisk: 0,
        detections: 0,
        notificationsRaised: 0,
        agentsOfChange: 0,
        volunteers: 1,
      },
    });
  });

  it('a field worker reads back only its own entries; a coordinator reads all', async () => {
    const responseId = await openResponse();
    const mine = await recordRecipient(responseId, volunteer);
    await recordRecipient(responseId, otherVolunteer);
    const own = await relief.service.graphql<{
      reliefEntries: { totalCount: number; edges: Array<{ node: { id: string } }> };
    }>(ENTRIES, { responseId }, {}, { as: volunteer });
    expect(own.body.data!.reliefEntries.edges.map((edge) => edge.node.id)).toEqual([mine]);
    const all = await relief.service.graphql<{ reliefEntries: { totalCount: number } }>(
      ENTRIES,
      { responseId },
      {},
      { as: coordinator },
    );
    expect(all.body.data!.reliefEntries.totalCount).toBe(2);
    const figures = await relief.service.graphql(
      FIGURES,
      { id: responseId },
      {},
      { as: volunteer },
    );
    expect(figures.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('a detection becomes a case notification once, with an id derived from it', async () => {
    const responseId = await openResponse();
    const detected = await relief.service.graphql<{ recordPotentialVictim: { id: string } }>(
      DETECT,
      {
        input: {
          responseId,
          fieldWorker: worker,
          formOfExploitation: 'FORCED_MARRIAGE',
          place: 'Xaythany',
          sex: 'FEMALE',
          ageBand: 'AGE_12_17',
          detectedOn: today,
        },
      },
      {},
      { as: volunteer },
    );
    expect(detected.body.errors).toBeUndefined();
    const detectionId = detected.body.data!.recordPotentialVictim.id;
    const notified = await relief.service.graphql(
      NOTIFY,
      { input: { responseId, detectionId } },
      {},
      { as: coordinator },
    );
    expect(notified.body.data).toEqual({
      notifyDetection: {
        id: detectionId,
        node: { id: detectionId, notificationId: notificationIdForDetection(detectionId) },
      },
    });
    const again = await relief.service.graphql(
      NOTIFY,
      { input: { responseId, detectionId } },
      {},
      { as: coordinator },
    );
    expect(again.body.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'DETECTION_ALREADY_NOTIFIED',
    });
    const byWorker = await relief.service.graphql(
      NOTIFY,
      { input: { responseId, detectionId } },
      {},
      { as: volunteer },
    );
    expect(byWorker.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('an erased beneficiary takes nothing new', async () => {
    const responseId = await openResponse();
    const beneficiaryId = randomUUID();
    await relief.registerBeneficiary(beneficiaryId, { erased: true });
    // Wait until relief has read the erasure from the log.
    await relief.caughtUp();
    const result = await relief.service.graphql(
      DISTRIBUTE,
      {
        input: {
          responseId,
          kind: 'GOODS',
          recipient: { beneficiaryId },
          country: 'LA',
          distributedOn: today,
          fieldWorker: worker,
        },
      },
      {},
      { as: volunteer },
    );
    expect(result.body.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'BENEFICIARY_ERASED',
    });
    expect(await relief.store.readStream(reliefResponseStreamId(responseId))).toHaveLength(1);
  });

  it('refuses bad input with a code, quoting no value, and writes nothing', async () => {
    const responseId = await openResponse();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ distributedOn: '2019-01-01' }, 'BAD_USER_INPUT'],
      [{ country: 'TH' }, 'BAD_USER_INPUT'],
      [{ kind: 'MICRO_PROJECT_GRANT' }, 'BAD_USER_INPUT'],
      [
        { kind: 'MICRO_PROJECT_GRANT', grant: { amountMinor: -5, currency: 'LAK' } },
        'BAD_USER_INPUT',
      ],
      [{ recipient: { recipientId: randomUUID() } }, 'NOT_FOUND'],
      [{ distributedOn: `${MARKER}` }, 'BAD_USER_INPUT'],
    ];
    for (const [change, code] of cases) {
      const result = await relief.service.graphql(
        DISTRIBUTE,
        {
          input: {
            responseId,
            kind: 'GOODS',
            recipient: { recipientId: randomUUID() },
            country: 'LA',
            distributedOn: today,
            fieldWorker: worker,
            ...change,
          },
        },
        {},
        { as: volunteer },
      );
      expect(result.body.errors?.[0].extensions?.code).toBe(code);
      expect(JSON.stringify(result.body)).not.toContain(MARKER);
    }
    expect(await relief.store.readStream(reliefResponseStreamId(responseId))).toHaveLength(1);
    expect(relief.service.rawLogs()).not.toContain(MARKER);
  });

  it('refuses partners, analysts, and coordinators of other countries', async () => {
    const responseId = await openResponse();
    for (const as of [partner, analyst]) {
      const list = await relief.service.graphql(ENTRIES, { responseId }, {}, { as });
      expect(list.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const figures = await relief.service.graphql(FIGURES, { id: responseId }, {}, { as });
      expect(figures.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const result = await relief.service.graphql(
      RECIPIENT,
      {
        input: {
          responseId,
          fieldWorker: { kind: 'STAFF' },
          alias: 'Mae Noi',
          ageBand: 'AGE_25_39',
          sex: 'FEMALE',
          district: 'X',
          householdSize: 4,
          singleMotherHead: true,
          riskReason: 'OTHER',
          registeredOn: today,
        },
      },
      {},
      { as: coordinatorTH },
    );
    expect(result.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const foreign = await relief.service.graphql(
      FIGURES,
      { id: responseId },
      {},
      { as: coordinatorTH },
    );
    expect(foreign.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
