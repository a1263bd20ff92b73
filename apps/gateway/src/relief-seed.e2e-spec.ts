// Relief's part of `npm run seed:demo`, through the gateway: with the networks seed's agents of
// change and a few beneficiaries per country, it records a COVID-19 response in TH, LA and MM
// (recipients with sealed aliases, one linked to a beneficiary); a second run adds nothing.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { Client } from 'pg';
import { v5 as uuidv5 } from 'uuid';
import { migrate, startSystem, SUBGRAPHS, type System } from './testing/system';

const COUNTRIES = ['TH', 'LA', 'MM'] as const;
// The networks seed's id of a country's first agent of change (tools/seed/networks-members.ts).
const seedAgentOfChangeId = (country: string) =>
  uuidv5(`AGENT_OF_CHANGE-${country}-1`, '9d2e4b6a-1f3c-4a5e-8b7d-2c4e6f8a0b13');

describe('relief’s demo data', () => {
  let database: TestDatabase;
  let system: System;
  let sql: Client;
  let admin: string;

  async function call<Data>(token: string, query: string, variables: object = {}) {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Data; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data as Data;
  }

  beforeAll(async () => {
    database = await createTestDatabase('relief_seed_e2e');
    await migrate(database.url);
    const crossed = ['protection', 'networks', 'relief'];
    system = await startSystem({
      databaseUrl: database.url,
      subgraphs: SUBGRAPHS.filter((entry) => crossed.includes(entry.name)),
    });
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    admin = await system.token({ role: 'admin', countries: [...COUNTRIES], subject: 'admin-1' });
  }, 300_000);

  afterAll(async () => {
    await sql?.end();
    await system?.stop();
    await database?.drop();
  }, 60_000);

  it('records the three responses once, however often the seed runs, with no alias in clear', async () => {
    const people: Array<{ id: string; country: string }> = [];
    for (const country of COUNTRIES) {
      for (let i = 0; i < 2; i++) {
        const { registerBeneficiary } = await call<{
          registerBeneficiary: { beneficiaryId: string };
        }>(
          admin,
          `mutation ($input: RegisterBeneficiaryInput!) { registerBeneficiary(input: $input) { beneficiaryId } }`,
          { input: { country, sex: 'FEMALE', minor: false } },
        );
        people.push({ id: registerBeneficiary.beneficiaryId, country });
      }
    }
    // The networks seed's agents of change: the first beneficiary of each country, under the
    // seed's ids. Networks learns the beneficiaries from the log, so each registration waits.
    for (const country of COUNTRIES) {
      const input = {
        id: seedAgentOfChangeId(country),
        beneficiaryId: people.find((p) => p.country === country)!.id,
        country,
        qualifiedOn: '2019-11-01',
      };
      const deadline = Date.now() + 20_000;
      for (;;) {
        const response = await fetch(system.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
          body: JSON.stringify({
            query: `mutation ($input: RegisterAgentOfChangeInput!) { registerAgentOfChange(input: $input) { agentOfChangeId } }`,
            variables: { input },
          }),
        });
        const body = (await response.json()) as { errors?: unknown[] };
        if (!body.errors) break;
        if (Date.now() > deadline) throw new Error(JSON.stringify(body.errors));
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    const seed = () =>
      new Promise<string>((resolve, reject) => {
        const script = `require('./tools/seed/relief-demo').seedReliefDemo(process.env.HAVEN_GATEWAY_URL, JSON.parse(process.env.PEOPLE)).then((said) => console.log(said), (error) => { console.error(error.message); process.exit(1); })`;
        const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', script], {
          cwd: path.resolve(__dirname, '../../..'),
          env: {
            ...process.env,
            HAVEN_GATEWAY_URL: system.gatewayUrl,
            HAVEN_KEYS_DIR: system.keysDir,
            PEOPLE: JSON.stringify(people),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        child.stderr.on('data', (chunk) => (out += chunk));
        child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(out))));
      });
    const reliefEvents = async () =>
      Number(
        (
          await sql.query(
            `SELECT count(*) AS n FROM event_store.events WHERE stream_id LIKE 'reliefresponse-%'`,
          )
        ).rows[0].n,
      );

    const said = await seed();
    expect(said).toMatch(/^3 COVID-19 relief responses \(TH, LA, MM\)/);
    const after = await reliefEvents();
    expect(after).toBeGreaterThan(0);
    expect(await seed()).toBe(said);
    expect(await reliefEvents()).toBe(after);

    // The aliases are sealed: none of the seed's nicknames is in the log in clear.
    const { rows } = await sql.query(
      `SELECT count(*) AS n FROM event_store.events
        WHERE stream_id LIKE 'reliefresponse-%' AND data::text LIKE '%Mae Bounmy%'`,
    );
    expect(Number(rows[0].n)).toBe(0);
    const sealed = await sql.query(
      `SELECT count(*) AS n FROM relief.recipient_aliases WHERE sealed_alias LIKE 'pii:v1:%'`,
    );
    expect(Number(sealed.rows[0].n)).toBe(72);
    // One recipient per country is linked to a beneficiary.
    const linked = await sql.query(
      `SELECT count(*) AS n FROM relief.entries WHERE entry_type = 'RECIPIENT' AND beneficiary_id IS NOT NULL`,
    );
    expect(Number(linked.rows[0].n)).toBe(3);
  }, 300_000);
});
