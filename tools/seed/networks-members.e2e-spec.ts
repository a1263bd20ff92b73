// Networks' part of `npm run seed:demo`, through the gateway: the country coordinators register
// the watchdogs, women's groups and agents of change who submit the demo's notifications, each
// member then submits with its own token (its subject the member's id), and a second run of the
// registrations adds nothing.
import { randomUUID } from 'node:crypto';
import { createTestDatabase, eventCount, type TestDatabase } from '@haven/platform/testing';
import { Client } from 'pg';
import {
  MEMBER_ROLE,
  memberId,
  registerDemoMembers,
  type MemberCountry,
  type MemberKind,
} from './networks-members';
import {
  migrate,
  startSystem,
  SUBGRAPHS,
  type System,
} from '../../apps/gateway/src/testing/system';

describe('networks’ demo members', () => {
  let database: TestDatabase;
  let system: System;
  let sql: Client;

  async function graphql(token: Promise<string>, query: string, variables: object) {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  const coordinator = (country: MemberCountry) =>
    system.token({
      role: 'network_coordinator',
      countries: [country],
      subject: `coord-${country}`,
    });

  beforeAll(async () => {
    database = await createTestDatabase('networks_seed_e2e');
    await migrate(database.url);
    const crossed = ['protection', 'networks'];
    system = await startSystem({
      databaseUrl: database.url,
      subgraphs: SUBGRAPHS.filter((entry) => crossed.includes(entry.name)),
    });
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  }, 300_000);

  afterAll(async () => {
    await sql?.end();
    await system?.stop();
    await database?.drop();
  }, 60_000);

  it('registers the members once, and each submits as its own record with its own token', async () => {
    // An agent of change is a beneficiary protection registered in the country.
    const admin = system.token({ role: 'admin', subject: 'admin-1' });
    const agentsOfChange = {} as Record<MemberCountry, string[]>;
    for (const country of ['TH', 'LA', 'MM'] as const) {
      agentsOfChange[country] = [randomUUID()];
      await graphql(
        admin,
        'mutation ($input: RegisterBeneficiaryInput!) { registerBeneficiary(input: $input) { beneficiaryId } }',
        { input: { id: agentsOfChange[country][0], country, sex: 'FEMALE', minor: false } },
      );
    }
    const registered = await registerDemoMembers(graphql, coordinator, agentsOfChange);
    // Three watchdogs and women's groups per country, one agent of change each, a volunteer
    // abroad and a community across a border.
    expect(registered).toBe(3 * 3 * 2 + 3 + 2);
    const { rows: abroad } = await sql.query(
      "SELECT data->>'livesIn' AS lives_in FROM event_store.events WHERE stream_id = 'watchdog-' || $1",
      [memberId('WATCHDOG', 'TH', 4)],
    );
    expect(abroad).toEqual([{ lives_in: 'BE' }]);
    const events = await eventCount(sql);
    await registerDemoMembers(graphql, coordinator, agentsOfChange);
    expect(await eventCount(sql)).toBe(events);

    for (const kind of ['WATCHDOG', 'WOMENS_GROUP', 'AGENT_OF_CHANGE'] as MemberKind[]) {
      const member = memberId(kind, 'LA', 1);
      const token = system.token({ role: MEMBER_ROLE[kind], subject: member });
      const id = randomUUID();
      await graphql(
        token,
        'mutation ($input: SubmitCaseNotificationInput!) { submitCaseNotification(input: $input) { status } }',
        {
          input: {
            id,
            reportedBy: kind,
            formOfExploitation: 'FORCED_MARRIAGE',
            placeOfExploitation: 'FOREIGN_HUSBANDS_HOUSE',
            country: 'LA',
            province: 'Bokeo',
            possibleVictims: 1,
            minors: 1,
          },
        },
      );
      const { rows } = await sql.query(
        "SELECT data FROM event_store.events WHERE stream_id = 'casenotification-' || $1",
        [id],
      );
      expect(rows[0].data).toMatchObject({
        reportedBy: kind,
        reporterReference: member,
        placeOfExploitation: 'FOREIGN_HUSBANDS_HOUSE',
      });
    }
  });
});
