// The networks service through its GraphQL API, on a real PostgreSQL: each operation with the
// roles it is for and the ones it is not, scope by country and organisation, and the domain's
// rules surfacing as CONFLICT with nothing written.
import { randomUUID } from 'node:crypto';
import { caseNotificationStreamId } from '@haven/networks/contracts';
import { watchdogStreamId } from '@haven/networks/domain';
import { NETWORKS_MIGRATIONS } from '@haven/networks/read-models';
import { ServiceDatabase } from '@haven/platform/nest';
import { countQueries, startTestService, type TestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import {
  beneficiaryStreamId,
  protectionCaseIdForNotification,
  protectionCaseStreamId,
} from '@haven/protection/contracts';
import { Client } from 'pg';
import { AppModule } from './app.module';

let service: TestService;
let sql: Client;

/** The watchdogs these specs submit as: a watchdog's token's subject is its record's id. */
const WATCHDOG_IDS: Record<string, string> = {
  'watchdog-1': randomUUID(),
  'watchdog-reader': randomUUID(),
  'watchdog-other': randomUUID(),
};

beforeAll(async () => {
  service = await startTestService(AppModule, { migrations: [NETWORKS_MIGRATIONS] });
  sql = new Client({ connectionString: service.db.url });
  await sql.connect();
  for (const watchdogId of Object.values(WATCHDOG_IDS)) {
    const registered = {
      type: 'WatchdogRegistered',
      data: {
        watchdogId,
        kind: 'INDIVIDUAL',
        // A country no list below reads.
        country: 'VN',
        province: null,
        joinedOn: '2020-01-01',
        trained: true,
        registeredAt: new Date().toISOString(),
      },
      metadata: {
        actorId: 'coordinator-VN',
        role: 'network_coordinator',
        organisationId: 'alliance',
        correlationId: 'int-spec',
        causationId: null,
        occurredAt: new Date().toISOString(),
      },
    };
    await service.app
      .get(ServiceDatabase)
      .eventStore.append(watchdogStreamId(watchdogId), [registered], 'no_stream');
  }
});

afterAll(async () => {
  await sql?.end();
  await service?.close();
});

// ---- Who asks. ---------------------------------------------------------------------------

const coordinator = (countries: string[], subject = `coordinator-${countries.join('-')}`) =>
  ({ subject, role: 'network_coordinator', countries, organisationId: 'alliance' }) as Principal;
const watchdog = (name = 'watchdog-1') =>
  ({
    subject: WATCHDOG_IDS[name],
    role: 'watchdog',
    countries: [],
    organisationId: null,
  }) as Principal;
const partner = (organisationId: string) =>
  ({
    subject: `partner-user-${organisationId}`,
    role: 'partner',
    countries: [],
    organisationId,
  }) as Principal;
const protectionOfficer = (countries: string[]) =>
  ({
    subject: 'officer-1',
    role: 'protection_officer',
    countries,
    organisationId: null,
  }) as Principal;
const auditor = {
  subject: 'auditor-1',
  role: 'auditor',
  countries: 'all',
  organisationId: null,
} as Principal;
const analyst = {
  subject: 'analyst-1',
  role: 'analyst',
  countries: 'all',
  organisationId: null,
} as Principal;
const countryManager = (countries: string[]) =>
  ({ subject: 'manager-1', role: 'country_manager', countries, organisationId: null }) as Principal;

type Response<Data> = Awaited<ReturnType<typeof service.graphql<Data>>>;

function gql<Data = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  as?: Principal,
): Promise<Response<Data>> {
  return service.graphql<Data>(query, variables, {}, as ? { as } : undefined);
}

function errorOf(response: Response<unknown>) {
  expect(response.body.errors).toHaveLength(1);
  return response.body.errors![0];
}

async function eventCount(): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM event_store.events',
  );
  return rows[0].n;
}

async function streamEvents(streamId: string) {
  const { rows } = await sql.query(
    'SELECT type, data, metadata FROM event_store.events WHERE stream_id = $1 ORDER BY stream_version',
    [streamId],
  );
  return rows as Array<{
    type: string;
    data: Record<string, unknown>;
    metadata: Record<string, unknown>;
  }>;
}

// ---- Operations. -------------------------------------------------------------------------

const NOTIFICATION_FIELDS = `id status reportedBy reporterReference formOfExploitation country province
  abroad possibleVictims minors submittedAt decidedAt rejectionReason duplicateOf referredAt`;

const SUBMIT = `mutation ($input: SubmitCaseNotificationInput!) {
  submitCaseNotification(input: $input) { notificationId streamVersion status }
}`;
const SUBMIT_WITH_RECORD = `mutation ($input: SubmitCaseNotificationInput!) {
  submitCaseNotification(input: $input) {
    notificationId streamVersion status caseNotification { ${NOTIFICATION_FIELDS} }
  }
}`;
const decision = (name: string, inputType: string) => `mutation ($input: ${inputType}!) {
  ${name}(input: $input) { notificationId streamVersion status caseNotification { ${NOTIFICATION_FIELDS} } }
}`;
const VALIDATE = decision('validateCaseNotification', 'CaseNotificationIdInput');
const REJECT = decision('rejectCaseNotification', 'RejectCaseNotificationInput');
const DUPLICATE = decision('markCaseNotificationDuplicate', 'MarkCaseNotificationDuplicateInput');
const REFER = decision('referCaseNotification', 'CaseNotificationIdInput');
const ONE = `query ($id: ID!) { caseNotification(id: $id) { ${NOTIFICATION_FIELDS} } }`;
const LIST = `query ($country: Country, $status: CaseNotificationStatus, $formOfExploitation: FormOfExploitation,
    $hasMinors: Boolean, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  caseNotifications(country: $country, status: $status, formOfExploitation: $formOfExploitation,
      hasMinors: $hasMinors, from: $from, to: $to, first: $first, after: $after) {
    edges { cursor node { id status country minors } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const MINE = `query ($first: Int, $after: String) {
  myCaseNotifications(first: $first, after: $after) {
    edges { node { id status submittedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Payload = {
  notificationId: string;
  streamVersion: number;
  status: string | null;
  caseNotification?: Record<string, unknown> | null;
};
type ListPage = {
  caseNotifications: {
    edges: Array<{
      cursor: string;
      node: { id: string; status: string; country: string; minors: number };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

const notification = (input: Record<string, unknown> = {}) => ({
  formOfExploitation: 'SEX_TRAFFICKING',
  country: 'LA',
  province: 'Vientiane',
  possibleVictims: 3,
  minors: 2,
  ...input,
});

async function submit(input: Record<string, unknown> = {}, as: Principal = watchdog()) {
  const response = await gql<{ submitCaseNotification: Payload }>(
    SUBMIT,
    { input: notification(input) },
    as,
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.submitCaseNotification;
}

async function decide(
  mutation: string,
  input: Record<string, unknown>,
  as: Principal,
): Promise<Response<Record<string, Payload>>> {
  return gql<Record<string, Payload>>(mutation, { input }, as);
}

describe('Beneficiary.caseNotificationCount', () => {
  it('resolves the counts of 60 beneficiaries with one SQL query; no row means 0', async () => {
    const ids: string[] = Array.from({ length: 60 }, () => randomUUID());
    ids[7] = 'not-a-uuid';
    await sql.query(
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
    const store = service.app.get(ServiceDatabase).eventStore;
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
    await service.app.get(ServiceDatabase).waitForProjections(appended.globalPositions[1]);

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
    expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
  });
});

describe('submitting a case notification', () => {
  it('as a watchdog: one CaseNotificationSubmitted event of structured facts, the actor in its metadata, and the status back', async () => {
    const id = randomUUID();
    const payload = await submit({ id, province: '  Vientiane ' });

    expect(payload).toEqual({ notificationId: id, streamVersion: 1, status: 'SUBMITTED' });
    expect(await streamEvents(caseNotificationStreamId(id))).toEqual([
      {
        type: 'CaseNotificationSubmitted',
        data: {
          notificationId: id,
          reportedBy: 'WATCHDOG',
          // The watchdog's own record, from its token.
          reporterReference: WATCHDOG_IDS['watchdog-1'],
          formOfExploitation: 'SEX_TRAFFICKING',
          placeOfExploitation: null,
          country: 'LA',
          province: 'Vientiane',
          abroad: false,
          possibleVictims: 3,
          minors: 2,
          submittedAt: expect.any(String),
        },
        metadata: expect.objectContaining({
          actorId: WATCHDOG_IDS['watchdog-1'],
          role: 'watchdog',
        }),
      },
    ]);
  });

  it('as a watchdog, the record itself is refused: a watchdog sees the status only', async () => {
    const response = await gql<{ submitCaseNotification: Payload }>(
      SUBMIT_WITH_RECORD,
      { input: notification() },
      watchdog(),
    );
    expect(response.body.data!.submitCaseNotification).toMatchObject({
      status: 'SUBMITTED',
      caseNotification: null,
    });
    expect(errorOf(response)).toMatchObject({
      path: ['submitCaseNotification', 'caseNotification'],
      extensions: { code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' },
    });
  });

  it('given the same client id twice, then there is one event and the same answer', async () => {
    const id = randomUUID();
    const first = await submit({ id });
    const again = await submit({ id });
    expect(again).toEqual(first);
    expect(await streamEvents(caseNotificationStreamId(id))).toHaveLength(1);
  });

  it('given a client id already used with other facts, then CONFLICT and nothing written', async () => {
    const id = randomUUID();
    await submit({ id });
    const before = await eventCount();
    const response = await gql(
      SUBMIT,
      { input: notification({ id, possibleVictims: 9 }) },
      watchdog(),
    );
    expect(errorOf(response).extensions).toEqual({
      code: 'CONFLICT',
      reason: 'CASE_NOTIFICATION_ALREADY_SUBMITTED',
    });
    expect(await eventCount()).toBe(before);
  });

  it.each([
    [
      'more minors than possible victims',
      { possibleVictims: 2, minors: 3 },
      'MINORS_EXCEED_VICTIMS',
      'minors',
    ],
    [
      'a province abroad',
      { country: 'OTHER', province: 'Dubai' },
      'INVALID_CASE_NOTIFICATION_DATA',
      'province',
    ],
  ])(
    'given %s, then BAD_USER_INPUT naming the field, and nothing written',
    async (_case, input, reason, field) => {
      const before = await eventCount();
      const response = await gql(SUBMIT, { input: notification(input) }, watchdog());
      expect(errorOf(response).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason,
        fields: [expect.objectContaining({ field })],
      });
      expect(await eventCount()).toBe(before);
    },
  );

  it('refuses input class-validator catches (a bad id, a negative count) with BAD_USER_INPUT', async () => {
    for (const input of [{ id: 'nope' }, { minors: -1 }, { possibleVictims: 0 }]) {
      const response = await gql(SUBMIT, { input: notification(input) }, watchdog());
      expect(errorOf(response).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });

  it('with the kind of place where it happened: on the event in clear, on the record, and as a filter; a kind outside the list writes nothing', async () => {
    const la = coordinator(['LA']);
    const id = randomUUID();
    await submit({ id, placeOfExploitation: 'MASSAGE_PARLOUR' });
    const [event] = await streamEvents(caseNotificationStreamId(id));
    expect(event.data.placeOfExploitation).toBe('MASSAGE_PARLOUR');
    const one = await gql<{ caseNotification: { placeOfExploitation: string } }>(
      'query ($id: ID!) { caseNotification(id: $id) { placeOfExploitation } }',
      { id },
      la,
    );
    expect(one.body.data!.caseNotification.placeOfExploitation).toBe('MASSAGE_PARLOUR');
    const filtered = await gql<{ caseNotifications: { edges: Array<{ node: { id: string } }> } }>(
      '{ caseNotifications(country: LA, placeOfExploitation: MASSAGE_PARLOUR, first: 100) { edges { node { id } } } }',
      {},
      la,
    );
    expect(filtered.body.data!.caseNotifications.edges.map(({ node }) => node.id)).toEqual([id]);

    const before = await eventCount();
    const refused = await gql(
      SUBMIT,
      { input: notification({ placeOfExploitation: 'KARAOKE_ON_MAIN_STREET' }) },
      watchdog(),
    );
    expect(refused.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refused.body.errors![0].message).not.toContain('MAIN_STREET');
    expect(await eventCount()).toBe(before);
  });

  it('dated when it reached the alliance: a call taken last week is dated last week; a date in the future or not a date writes nothing and quotes nothing', async () => {
    const id = randomUUID();
    const lastWeek = new Date(Date.now() - 7 * 86_400_000);
    lastWeek.setUTCMilliseconds(0);
    await submit({ id, notifiedAt: lastWeek.toISOString() });
    const [event] = await streamEvents(caseNotificationStreamId(id));
    expect(event.data.submittedAt).toBe(lastWeek.toISOString());
    const one = await gql<{ caseNotification: { submittedAt: string } }>(
      'query ($id: ID!) { caseNotification(id: $id) { submittedAt } }',
      { id },
      coordinator(['LA']),
    );
    expect(one.body.data!.caseNotification.submittedAt).toBe(lastWeek.toISOString());

    const before = await eventCount();
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
    for (const notifiedAt of [nextWeek, '1989-06-01T00:00:00.000Z', 'last-week-marker']) {
      const refused = await gql(SUBMIT, { input: notification({ notifiedAt }) }, watchdog());
      expect(refused.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(JSON.stringify(refused.body.errors)).not.toContain(notifiedAt);
    }
    expect(await eventCount()).toBe(before);
  });

  it('as a partner, it is reported by PARTNER whatever it asks, and another kind is refused', async () => {
    const payload = await submit({}, partner('ngo-be'));
    const { rows } = await sql.query(
      'SELECT reported_by, submitter_organisation_id FROM networks.case_notifications WHERE id = $1',
      [payload.notificationId],
    );
    expect(rows).toEqual([{ reported_by: 'PARTNER', submitter_organisation_id: 'ngo-be' }]);

    const response = await gql(
      SUBMIT,
      { input: notification({ reportedBy: 'WATCHDOG' }) },
      partner('ngo-be'),
    );
    expect(errorOf(response).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('as staff, only in their own countries; and never as a protection officer or analyst', async () => {
    const before = await eventCount();
    const elsewhere = await gql(
      SUBMIT,
      { input: notification({ country: 'LA' }) },
      coordinator(['TH']),
    );
    expect(errorOf(elsewhere).extensions).toEqual({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    for (const as of [protectionOfficer(['LA']), analyst, auditor]) {
      const refused = await gql(SUBMIT, { input: notification() }, as);
      expect(errorOf(refused).extensions).toEqual({
        code: 'FORBIDDEN',
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
    expect(await eventCount()).toBe(before);

    const own = await submit({ country: 'TH', province: 'Udon Thani' }, coordinator(['TH']));
    const { rows } = await sql.query(
      'SELECT reported_by FROM networks.case_notifications WHERE id = $1',
      [own.notificationId],
    );
    expect(rows).toEqual([{ reported_by: 'STAFF' }]);
  });
});

describe('checking and referring a case notification', () => {
  const la = coordinator(['LA']);

  it('validated, then referred by an LA coordinator: CaseNotificationReferred is appended with the contract’s shape, once', async () => {
    const { notificationId } = await submit({ possibleVictims: 5, minors: 4 });

    const validated = await decide(VALIDATE, { notificationId }, la);
    expect(validated.body.errors).toBeUndefined();
    expect(validated.body.data!.validateCaseNotification).toMatchObject({
      notificationId,
      streamVersion: 2,
      status: 'VALIDATED',
      caseNotification: { id: notificationId, status: 'VALIDATED', decidedAt: expect.any(String) },
    });

    const referred = await decide(REFER, { notificationId }, la);
    expect(referred.body.errors).toBeUndefined();
    expect(referred.body.data!.referCaseNotification).toMatchObject({
      streamVersion: 3,
      status: 'REFERRED',
      caseNotification: { status: 'REFERRED', referredAt: expect.any(String) },
    });
    const events = await streamEvents(caseNotificationStreamId(notificationId));
    expect(events.map(({ type }) => type)).toEqual([
      'CaseNotificationSubmitted',
      'CaseNotificationValidated',
      'CaseNotificationReferred',
    ]);
    expect(events[2].data).toEqual({
      notificationId,
      country: 'LA',
      province: 'Vientiane',
      abroad: false,
      formOfExploitation: 'SEX_TRAFFICKING',
      placeOfExploitation: null,
      possibleVictims: 5,
      minors: 4,
      reportedBy: 'WATCHDOG',
      referredAt: expect.any(String),
    });
    expect(events[2].metadata).toMatchObject({ actorId: la.subject, role: 'network_coordinator' });

    const before = await eventCount();
    const again = await decide(REFER, { notificationId }, la);
    expect(errorOf(again).extensions).toEqual({
      code: 'CONFLICT',
      reason: 'CASE_NOTIFICATION_ALREADY_REFERRED',
    });
    expect(await eventCount()).toBe(before);
  });

  it('a rejected notification cannot be referred: CONFLICT, and no event written', async () => {
    const { notificationId } = await submit();
    const rejected = await decide(REJECT, { notificationId, reason: 'NOT_VERIFIABLE' }, la);
    expect(rejected.body.data!.rejectCaseNotification).toMatchObject({
      status: 'REJECTED',
      caseNotification: { rejectionReason: 'NOT_VERIFIABLE' },
    });

    const before = await eventCount();
    const response = await decide(REFER, { notificationId }, la);
    expect(response.body.data).toBeNull();
    expect(errorOf(response)).toMatchObject({
      message: expect.stringContaining('rejected'),
      extensions: { code: 'CONFLICT', reason: 'CASE_NOTIFICATION_REJECTED' },
    });
    expect(await eventCount()).toBe(before);
    expect(await streamEvents(caseNotificationStreamId(notificationId))).toHaveLength(2);
  });

  it('a notification not validated yet cannot be referred, and a decided one not validated again', async () => {
    const { notificationId } = await submit();
    const early = await decide(REFER, { notificationId }, la);
    expect(errorOf(early).extensions).toEqual({
      code: 'CONFLICT',
      reason: 'CASE_NOTIFICATION_NOT_VALIDATED',
    });
    await decide(VALIDATE, { notificationId }, la);
    const twice = await decide(REJECT, { notificationId, reason: 'NOT_A_CASE' }, la);
    expect(errorOf(twice).extensions).toEqual({
      code: 'CONFLICT',
      reason: 'CASE_NOTIFICATION_NOT_SUBMITTED',
    });
  });

  it('a duplicate points at a notification the coordinator may see, never at itself; a duplicate cannot be referred', async () => {
    const original = await submit();
    const { notificationId } = await submit();

    const itself = await decide(DUPLICATE, { notificationId, duplicateOf: notificationId }, la);
    expect(errorOf(itself).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'DUPLICATE_OF_ITSELF',
      fields: [expect.objectContaining({ field: 'duplicateOf' })],
    });
    const thai = await submit({ country: 'TH', province: 'Nong Khai' });
    const hidden = await decide(
      DUPLICATE,
      { notificationId, duplicateOf: thai.notificationId },
      la,
    );
    expect(errorOf(hidden).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ORIGINAL_NOTIFICATION_NOT_FOUND',
    });

    const marked = await decide(
      DUPLICATE,
      { notificationId, duplicateOf: original.notificationId },
      la,
    );
    expect(marked.body.data!.markCaseNotificationDuplicate).toMatchObject({
      status: 'DUPLICATE',
      caseNotification: { duplicateOf: original.notificationId },
    });
    const refer = await decide(REFER, { notificationId }, la);
    expect(errorOf(refer).extensions).toEqual({
      code: 'CONFLICT',
      reason: 'CASE_NOTIFICATION_DUPLICATE',
    });
  });

  it('an unknown notification is NOT_FOUND', async () => {
    const response = await decide(VALIDATE, { notificationId: randomUUID() }, la);
    expect(errorOf(response).extensions).toEqual({
      code: 'NOT_FOUND',
      reason: 'CASE_NOTIFICATION_NOT_FOUND',
    });
  });

  it('a TH coordinator cannot validate an LA notification; a watchdog, partner or protection officer cannot validate at all; nothing is written', async () => {
    const { notificationId } = await submit();
    const before = await eventCount();

    const th = await decide(VALIDATE, { notificationId }, coordinator(['TH']));
    expect(th.body.data).toBeNull();
    expect(errorOf(th).extensions).toEqual({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    for (const as of [watchdog(), partner('ngo-be'), protectionOfficer(['LA']), auditor]) {
      for (const [mutation, input] of [
        [VALIDATE, { notificationId }],
        [REJECT, { notificationId, reason: 'OTHER' }],
        [REFER, { notificationId }],
      ] as const) {
        const response = await decide(mutation, input, as);
        expect(errorOf(response).extensions).toEqual({
          code: 'FORBIDDEN',
          reason: 'ROLE_NOT_ALLOWED',
        });
      }
    }
    expect(await eventCount()).toBe(before);

    const manager = await decide(VALIDATE, { notificationId }, countryManager(['LA']));
    expect(manager.body.data!.validateCaseNotification.status).toBe('VALIDATED');
  });
});

describe('reading case notifications', () => {
  it('a watchdog reads the status of its own submissions only, and never the records', async () => {
    const mine = await submit({}, watchdog('watchdog-reader'));
    await submit({}, watchdog('watchdog-other'));
    await decide(
      REJECT,
      { notificationId: mine.notificationId, reason: 'NOT_A_CASE' },
      coordinator(['LA']),
    );

    const response = await gql<{ myCaseNotifications: { edges: Array<{ node: unknown }> } }>(
      MINE,
      {},
      watchdog('watchdog-reader'),
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.myCaseNotifications.edges).toEqual([
      { node: { id: mine.notificationId, status: 'REJECTED', submittedAt: expect.any(String) } },
    ]);

    for (const [query, variables] of [
      [LIST, {}],
      [ONE, { id: mine.notificationId }],
    ] as const) {
      const refused = await gql(query, variables, watchdog('watchdog-reader'));
      expect(errorOf(refused).extensions).toEqual({
        code: 'FORBIDDEN',
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
    const rejectionReason = await gql(
      `{ myCaseNotifications { edges { node { id rejectionReason } } } }`,
      {},
      watchdog('watchdog-reader'),
    );
    expect(errorOf(rejectionReason).extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
    });
  });

  it('a partner reads its own organisation’s notifications, not another’s', async () => {
    const own = await submit({ country: 'TH', province: 'Chiang Rai' }, partner('ngo-own'));
    const others = await submit({ country: 'TH', province: 'Chiang Rai' }, partner('ngo-other'));

    const list = await gql<ListPage>(LIST, {}, partner('ngo-own'));
    expect(list.body.data!.caseNotifications.edges.map(({ node }) => node.id)).toEqual([
      own.notificationId,
    ]);
    const one = await gql(ONE, { id: own.notificationId }, partner('ngo-own'));
    expect(one.body.errors).toBeUndefined();
    const refused = await gql(ONE, { id: others.notificationId }, partner('ngo-own'));
    expect(errorOf(refused).extensions).toEqual({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
  });

  it('a protection officer reads its countries’ notifications; an analyst none', async () => {
    const la = await submit({ country: 'LA' });
    const mm = await submit({ country: 'MM', province: 'Shan' });
    const officer = protectionOfficer(['LA']);

    const one = await gql<{ caseNotification: { id: string } }>(
      ONE,
      { id: la.notificationId },
      officer,
    );
    expect(one.body.data!.caseNotification.id).toBe(la.notificationId);
    const out = await gql(ONE, { id: mm.notificationId }, officer);
    expect(errorOf(out).extensions).toEqual({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    const list = await gql<ListPage>(LIST, { first: 100 }, officer);
    expect(list.body.data!.caseNotifications.edges.every(({ node }) => node.country === 'LA')).toBe(
      true,
    );

    const none = await gql(LIST, {}, analyst);
    expect(errorOf(none).extensions).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
  });

  it('a notification abroad (OTHER) is reached by admins, auditors and coordinators whose token names OTHER, not by the others', async () => {
    const abroad = await submit(
      { country: 'OTHER', province: null, formOfExploitation: 'FORCED_MARRIAGE' },
      partner('ngo-be'),
    );
    const record = await gql<{ caseNotification: { abroad: boolean; province: null } }>(
      ONE,
      { id: abroad.notificationId },
      auditor,
    );
    expect(record.body.data!.caseNotification).toMatchObject({ abroad: true, province: null });

    const th = await gql(ONE, { id: abroad.notificationId }, coordinator(['TH']));
    expect(errorOf(th).extensions).toEqual({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    const withOther = await decide(
      VALIDATE,
      { notificationId: abroad.notificationId },
      coordinator(['TH', 'OTHER']),
    );
    expect(withOther.body.data!.validateCaseNotification.status).toBe('VALIDATED');
  });

  it('filters by country, status, form of exploitation, minors and time, and pages with cursors', async () => {
    const from = new Date().toISOString();
    const ids: string[] = [];
    for (const minors of [0, 1, 0, 2, 1]) {
      ids.push(
        (
          await submit({
            country: 'VN',
            province: null,
            minors,
            formOfExploitation: 'FORCED_SURROGACY',
          })
        ).notificationId,
      );
    }
    await submit({ country: 'VN', province: null, formOfExploitation: 'SEXUAL_ABUSE' });
    await decide(VALIDATE, { notificationId: ids[3] }, coordinator(['VN']));

    const filter = { country: 'VN', formOfExploitation: 'FORCED_SURROGACY', from };
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const response: Response<ListPage> = await gql<ListPage>(
        LIST,
        { ...filter, first: 2, after },
        coordinator(['VN']),
      );
      expect(response.body.errors).toBeUndefined();
      const { edges, pageInfo } = response.body.data!.caseNotifications;
      seen.push(...edges.map(({ node }) => node.id));
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(seen).toEqual(ids);
    expect(pages).toBe(3);

    const withMinors = await gql<ListPage>(
      LIST,
      { ...filter, hasMinors: true },
      coordinator(['VN']),
    );
    expect(withMinors.body.data!.caseNotifications.edges.map(({ node }) => node.id)).toEqual([
      ids[1],
      ids[3],
      ids[4],
    ]);
    const validated = await gql<ListPage>(
      LIST,
      { ...filter, status: 'VALIDATED' },
      coordinator(['VN']),
    );
    expect(validated.body.data!.caseNotifications.edges.map(({ node }) => node.id)).toEqual([
      ids[3],
    ]);
    const before = await gql<ListPage>(LIST, { country: 'VN', to: from }, coordinator(['VN']));
    expect(before.body.data!.caseNotifications.edges).toEqual([]);
    const elsewhere = await gql<ListPage>(LIST, { country: 'VN' }, coordinator(['TH']));
    expect(elsewhere.body.data!.caseNotifications.edges).toEqual([]);

    const forged = await gql(
      LIST,
      { after: Buffer.from('watchdog:1').toString('base64url') },
      coordinator(['VN']),
    );
    expect(errorOf(forged).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

// ---- The networks' members and prevention. ----------------------------------------------

const REGISTER_WATCHDOG = `mutation ($input: RegisterWatchdogInput!) {
  registerWatchdog(input: $input) {
    watchdogId streamVersion watchdog { id kind country province joinedOn trained registeredAt }
  }
}`;

describe('watchdogs, agents of change, women’s groups and partner organisations', () => {
  const th = coordinator(['TH']);

  it('a TH coordinator registers a watchdog in Thailand and lists it; other countries do not see it', async () => {
    const id = randomUUID();
    const input = {
      id,
      kind: 'COMMUNITY_GROUP',
      country: 'TH',
      province: 'Nong Khai',
      joinedOn: '2020-09-14',
      trained: true,
    };
    const response = await gql<{ registerWatchdog: Record<string, unknown> }>(
      REGISTER_WATCHDOG,
      { input },
      th,
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.registerWatchdog).toEqual({
      watchdogId: id,
      streamVersion: 1,
      watchdog: { ...input, registeredAt: expect.any(String) },
    });
    const again = await gql(REGISTER_WATCHDOG, { input }, th);
    expect(again.body.data).toEqual(response.body.data);

    const list = `query ($country: Country, $trained: Boolean, $kind: WatchdogKind) {
      watchdogs(country: $country, trained: $trained, kind: $kind) { edges { node { id } } pageInfo { hasNextPage } }
    }`;
    type Watchdogs = { watchdogs: { edges: Array<{ node: { id: string } }> } };
    const mine = await gql<Watchdogs>(list, { trained: true, kind: 'COMMUNITY_GROUP' }, th);
    expect(mine.body.data!.watchdogs.edges.map(({ node }) => node.id)).toContain(id);
    const untrained = await gql<Watchdogs>(list, { trained: false }, th);
    expect(untrained.body.data!.watchdogs.edges.map(({ node }) => node.id)).not.toContain(id);
    const laos = await gql<Watchdogs>(list, {}, coordinator(['LA']));
    expect(laos.body.data!.watchdogs.edges).toEqual([]);
    const audited = await gql<Watchdogs>(list, {}, auditor);
    expect(audited.body.data!.watchdogs.edges.map(({ node }) => node.id)).toContain(id);
  });

  it('refuses a registration outside the coordinator’s countries, by a watchdog or partner, or with a bad date; nothing written', async () => {
    const before = await eventCount();
    const input = { kind: 'INDIVIDUAL', country: 'LA', joinedOn: '2020-09-14', trained: false };
    const elsewhere = await gql(REGISTER_WATCHDOG, { input }, th);
    expect(errorOf(elsewhere).extensions).toEqual({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    for (const as of [watchdog(), partner('ngo-be'), protectionOfficer(['LA'])]) {
      const refused = await gql(REGISTER_WATCHDOG, { input }, as);
      expect(errorOf(refused).extensions).toEqual({
        code: 'FORBIDDEN',
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
    const badDate = await gql(
      REGISTER_WATCHDOG,
      { input: { ...input, country: 'TH', joinedOn: '2020-02-30' } },
      th,
    );
    expect(errorOf(badDate).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_REGISTRATION_DATA',
      fields: [expect.objectContaining({ field: 'joinedOn' })],
    });
    expect(await eventCount()).toBe(before);
  });

  it('an agent of change is a beneficiary protection registered, once; only its id is kept', async () => {
    const register = `mutation ($input: RegisterAgentOfChangeInput!) {
      registerAgentOfChange(input: $input) { agentOfChangeId agentOfChange { beneficiaryId country qualifiedOn beneficiary { id } } }
    }`;
    const beneficiaryId = randomUUID();
    const input = { beneficiaryId, country: 'TH', qualifiedOn: '2020-12-01' };
    const unknown = await gql(register, { input }, th);
    expect(errorOf(unknown).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_BENEFICIARY',
    });

    // Protection's registration, on the same log.
    await service.app.get(ServiceDatabase).eventStore.append(
      beneficiaryStreamId(beneficiaryId),
      [
        {
          type: 'BeneficiaryRegistered',
          data: {
            beneficiaryId,
            referenceCode: 'BEN-TH-000001',
            country: 'TH',
            sex: 'FEMALE',
            minor: false,
            registeredAt: new Date().toISOString(),
          },
          metadata: {
            actorId: 'officer-1',
            role: 'protection_officer',
            organisationId: null,
            correlationId: 'test',
            causationId: null,
            occurredAt: new Date().toISOString(),
          },
        },
      ],
      'no_stream',
    );
    const registered = await gql<{ registerAgentOfChange: { agentOfChange: unknown } }>(
      register,
      { input },
      th,
    );
    expect(registered.body.errors).toBeUndefined();
    expect(registered.body.data!.registerAgentOfChange.agentOfChange).toEqual({
      beneficiaryId,
      country: 'TH',
      qualifiedOn: '2020-12-01',
      beneficiary: { id: beneficiaryId },
    });
    const twice = await gql(register, { input }, th);
    expect(errorOf(twice).extensions).toEqual({
      code: 'CONFLICT',
      reason: 'ALREADY_AGENT_OF_CHANGE',
    });

    const list = await gql<{
      agentsOfChange: { edges: Array<{ node: { beneficiaryId: string } }> };
    }>('{ agentsOfChange(country: TH) { edges { node { beneficiaryId } } } }', {}, th);
    expect(list.body.data!.agentsOfChange.edges).toEqual([{ node: { beneficiaryId } }]);
  });

  it('women’s groups and partner organisations are registered and listed by country', async () => {
    const group = await gql<{ registerWomensGroup: { womensGroup: unknown } }>(
      `mutation ($input: RegisterWomensGroupInput!) {
        registerWomensGroup(input: $input) { womensGroup { country province joinedOn memberCount } }
      }`,
      { input: { country: 'TH', province: 'Khon Kaen', joinedOn: '2020-08-01', memberCount: 12 } },
      th,
    );
    expect(group.body.data!.registerWomensGroup.womensGroup).toEqual({
      country: 'TH',
      province: 'Khon Kaen',
      joinedOn: '2020-08-01',
      memberCount: 12,
    });
    const organisation = await gql<{
      registerPartnerOrganisation: { partnerOrganisation: unknown };
    }>(
      `mutation ($input: RegisterPartnerOrganisationInput!) {
        registerPartnerOrganisation(input: $input) { partnerOrganisation { name kind country } }
      }`,
      { input: { name: 'An NGO in Belgium', kind: 'NGO', country: 'OTHER' } },
      coordinator(['TH', 'OTHER']),
    );
    expect(organisation.body.data!.registerPartnerOrganisation.partnerOrganisation).toEqual({
      name: 'An NGO in Belgium',
      kind: 'NGO',
      country: 'OTHER',
    });
    const lists = await gql<{
      womensGroups: { edges: unknown[] };
      partnerOrganisations: { edges: unknown[] };
    }>(
      '{ womensGroups(country: TH) { edges { node { id } } } partnerOrganisations(kind: NGO) { edges { node { name } } } }',
      {},
      th,
    );
    expect(lists.body.data!.womensGroups.edges).toHaveLength(1);
    // The Belgian NGO is abroad (OTHER): outside a TH-only coordinator's countries.
    expect(lists.body.data!.partnerOrganisations.edges).toEqual([]);
  });

  it('a reporter reference staff enter must name a record of the reporter’s kind; nothing written otherwise', async () => {
    const { body } = await gql<{ registerWatchdog: { watchdogId: string } }>(
      REGISTER_WATCHDOG,
      { input: { kind: 'INDIVIDUAL', country: 'TH', joinedOn: '2021-01-04', trained: true } },
      th,
    );
    const watchdogId = body.data!.registerWatchdog.watchdogId;
    const asWatchdog = { country: 'TH', reportedBy: 'WATCHDOG', reporterReference: watchdogId };
    const payload = await submit(asWatchdog, th);
    expect(payload.status).toBe('SUBMITTED');
    const before = await eventCount();
    for (const input of [
      { ...asWatchdog, reportedBy: 'AGENT_OF_CHANGE' },
      { ...asWatchdog, reporterReference: randomUUID() },
    ]) {
      const refused = await gql(SUBMIT, { input: notification(input) }, th);
      expect(errorOf(refused).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'UNKNOWN_REPORTER',
        fields: [expect.objectContaining({ field: 'reporterReference' })],
      });
    }
    expect(await eventCount()).toBe(before);
  });
});

describe('prevention activities', () => {
  const record = `mutation ($input: RecordPreventionActivityInput!) {
    recordPreventionActivity(input: $input) {
      activityId streamVersion
      preventionActivity { kind topic date country province online participants { sex role count } participantCount reach }
    }
  }`;
  const list = `query ($country: Country, $topic: PreventionTopic, $from: String, $to: String) {
    preventionActivities(country: $country, topic: $topic, from: $from, to: $to) {
      edges { node { id topic date participantCount reach } }
    }
  }`;
  type Activities = {
    preventionActivities: {
      edges: Array<{ node: { id: string; participantCount: number | null; reach: number | null } }>;
    };
  };
  const th = coordinator(['TH']);

  it('records a training by sex and role and an online campaign by reach, and lists them by topic and dates', async () => {
    const training = await gql<{
      recordPreventionActivity: { activityId: string; preventionActivity: unknown };
    }>(
      record,
      {
        input: {
          kind: 'TRAINING',
          topic: 'ONLINE_SEXUAL_EXPLOITATION',
          date: '2020-11-12',
          country: 'TH',
          province: 'Khon Kaen',
          participants: [
            { sex: 'MALE', role: 'STUDENTS', count: 186 },
            { sex: 'MALE', role: 'TEACHERS', count: 49 },
            { sex: 'FEMALE', role: 'STUDENTS', count: 268 },
            { sex: 'FEMALE', role: 'TEACHERS', count: 63 },
          ],
        },
      },
      th,
    );
    expect(training.body.errors).toBeUndefined();
    expect(training.body.data!.recordPreventionActivity.preventionActivity).toEqual({
      kind: 'TRAINING',
      topic: 'ONLINE_SEXUAL_EXPLOITATION',
      date: '2020-11-12',
      country: 'TH',
      province: 'Khon Kaen',
      online: false,
      participants: [
        { sex: 'FEMALE', role: 'STUDENTS', count: 268 },
        { sex: 'MALE', role: 'STUDENTS', count: 186 },
        { sex: 'FEMALE', role: 'TEACHERS', count: 63 },
        { sex: 'MALE', role: 'TEACHERS', count: 49 },
      ],
      participantCount: 566,
      reach: null,
    });

    const campaign = await gql<{ recordPreventionActivity: { activityId: string } }>(
      record,
      {
        input: {
          kind: 'CAMPAIGN',
          topic: 'SAFE_MIGRATION',
          date: '2020-07-01',
          country: 'TH',
          online: true,
          reach: 689,
        },
      },
      th,
    );
    expect(campaign.body.errors).toBeUndefined();

    const byTopic = await gql<Activities>(list, { topic: 'SAFE_MIGRATION' }, th);
    expect(byTopic.body.data!.preventionActivities.edges).toEqual([
      {
        node: {
          id: campaign.body.data!.recordPreventionActivity.activityId,
          topic: 'SAFE_MIGRATION',
          date: '2020-07-01',
          participantCount: null,
          reach: 689,
        },
      },
    ]);
    const november = await gql<Activities>(list, { from: '2020-11-01', to: '2020-11-30' }, th);
    expect(november.body.data!.preventionActivities.edges.map(({ node }) => node.id)).toEqual([
      training.body.data!.recordPreventionActivity.activityId,
    ]);
    const laos = await gql<Activities>(list, {}, coordinator(['LA']));
    expect(laos.body.data!.preventionActivities.edges).toEqual([]);
  });

  it('refuses a reach for a training, both counts, or none, with BAD_USER_INPUT; a watchdog may not record', async () => {
    const before = await eventCount();
    const base = { kind: 'TRAINING', topic: 'SAFE_MIGRATION', date: '2020-07-01', country: 'TH' };
    for (const input of [
      { ...base, reach: 100 },
      { ...base },
      { ...base, reach: 5, participants: [{ sex: 'FEMALE', role: 'VILLAGERS', count: 5 }] },
    ]) {
      const response = await gql(record, { input }, th);
      expect(errorOf(response).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_PREVENTION_ACTIVITY_DATA',
      });
    }
    const refused = await gql(record, { input: { ...base, reach: 5 } }, watchdog());
    expect(errorOf(refused).extensions).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    expect(await eventCount()).toBe(before);
  });
});
