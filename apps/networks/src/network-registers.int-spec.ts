// The networks' members and prevention through the service's GraphQL API, on a real PostgreSQL:
// registering and listing watchdogs, agents of change, women's groups and partner organisations,
// and recording prevention activities, each with the roles and countries it is for.
import { randomUUID } from 'node:crypto';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import {
  coordinator,
  watchdog,
  partner,
  protectionOfficer,
  auditor,
  SUBMIT,
  notification,
  errorOf,
  useNetworksService,
} from './testing/networks-spec-harness';

const networks = useNetworksService();
const { gql, eventCount, submit } = networks;

// ---- The networks' members and prevention. ----------------------------------------------

const REGISTER_WATCHDOG = `mutation ($input: RegisterWatchdogInput!) {
  registerWatchdog(input: $input) {
    watchdogId streamVersion
    watchdog { id kind country province livesIn joinedOn trained registeredAt }
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
      // Where it lives is left out: its network's country.
      watchdog: { ...input, livesIn: 'TH', registeredAt: expect.any(String) },
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

  it('a volunteer abroad lives in the country given; one said to live in its network’s country, or in a code that is no country, is refused; nothing written', async () => {
    const input = {
      kind: 'VOLUNTEER_ABROAD',
      country: 'TH',
      livesIn: 'NO',
      joinedOn: '2020-10-01',
      trained: true,
    };
    const registered = await gql<{ registerWatchdog: { watchdog: { livesIn: string } } }>(
      REGISTER_WATCHDOG,
      { input },
      th,
    );
    expect(registered.body.errors).toBeUndefined();
    expect(registered.body.data!.registerWatchdog.watchdog.livesIn).toBe('NO');

    const before = await eventCount();
    const atHome = await gql(REGISTER_WATCHDOG, { input: { ...input, livesIn: 'TH' } }, th);
    expect(errorOf(atHome).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_REGISTRATION_DATA',
      fields: [expect.objectContaining({ field: 'livesIn' })],
    });
    const noCountry = await gql(REGISTER_WATCHDOG, { input: { ...input, livesIn: 'XX' } }, th);
    expect(errorOf(noCountry).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(noCountry.body)).not.toMatch(/"XX"/);
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
    await networks.store.append(
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
      preventionActivity {
        kind topic date country province online participants { sex role count } participantCount
        reach institutions
      }
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
          institutions: 6,
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
      institutions: 6,
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

  it('records a meeting with watchdogs and a focus group with peers at risk, counted by role', async () => {
    for (const [kind, role] of [
      ['MEETING', 'WATCHDOGS'],
      ['FOCUS_GROUP', 'PEERS_AT_RISK'],
    ]) {
      const response = await gql<{
        recordPreventionActivity: { preventionActivity: Record<string, unknown> };
      }>(
        record,
        {
          input: {
            kind,
            topic: 'CASE_NOTIFICATION',
            date: '2020-10-01',
            country: 'TH',
            participants: [{ sex: 'FEMALE', role, count: 9 }],
          },
        },
        th,
      );
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.recordPreventionActivity.preventionActivity).toMatchObject({
        kind,
        participants: [{ sex: 'FEMALE', role, count: 9 }],
        institutions: null,
      });
    }
  });

  it('refuses a reach for a training, both counts, or none, with BAD_USER_INPUT; a watchdog may not record', async () => {
    const before = await eventCount();
    const base = { kind: 'TRAINING', topic: 'SAFE_MIGRATION', date: '2020-07-01', country: 'TH' };
    const villagers = [{ sex: 'FEMALE', role: 'VILLAGERS', count: 5 }];
    for (const input of [
      { ...base, reach: 100 },
      { ...base },
      { ...base, reach: 5, participants: villagers },
    ]) {
      const response = await gql(record, { input }, th);
      expect(errorOf(response).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_PREVENTION_ACTIVITY_DATA',
      });
    }
    const noInstitution = { ...base, participants: villagers, institutions: 0 };
    const none = await gql(record, { input: noInstitution }, th);
    expect(errorOf(none).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const refused = await gql(record, { input: { ...base, reach: 5 } }, watchdog());
    expect(errorOf(refused).extensions).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    expect(await eventCount()).toBe(before);
  });
});
