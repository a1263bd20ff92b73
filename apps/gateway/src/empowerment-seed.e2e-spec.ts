// Empowerment's part of `npm run seed:demo`, through the gateway: for TH beneficiaries it
// registers a partner business in networks and records enrolments with placements, tuition,
// allowances and safe accommodation; a second run adds nothing.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase, eventCount, type TestDatabase } from '@haven/platform/testing';
import { Client } from 'pg';
import { migrate, startSystem, SUBGRAPHS, type System } from './testing/system';

describe('empowerment’s demo data', () => {
  let database: TestDatabase;
  let system: System;
  let sql: Client;
  let admin: string;

  async function ok<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Data; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data as Data;
  }

  beforeAll(async () => {
    database = await createTestDatabase('empowerment_seed_e2e');
    await migrate(database.url);
    const crossed = ['protection', 'empowerment', 'networks'];
    system = await startSystem({
      databaseUrl: database.url,
      subgraphs: SUBGRAPHS.filter((entry) => crossed.includes(entry.name)),
    });
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    admin = await system.token({ role: 'admin', countries: ['TH'], subject: 'admin-1' });
  }, 300_000);

  afterAll(async () => {
    await sql?.end();
    await system?.stop();
    await database?.drop();
  }, 60_000);

  it('records placements, tuition, allowances and safe accommodation once, however often the seed runs', async () => {
    const people: Array<{ id: string; country: string; minor: boolean }> = [];
    for (let i = 0; i < 9; i++) {
      const { registerBeneficiary } = await ok<{ registerBeneficiary: { beneficiaryId: string } }>(
        `mutation ($input: RegisterBeneficiaryInput!) { registerBeneficiary(input: $input) { beneficiaryId } }`,
        { input: { country: 'TH', sex: 'FEMALE', minor: i % 2 === 0 } },
      );
      people.push({ id: registerBeneficiary.beneficiaryId, country: 'TH', minor: i % 2 === 0 });
    }
    const seed = () =>
      new Promise<string>((resolve, reject) => {
        const script = `require('./tools/seed/empowerment-demo').seedEmpowermentDemo(process.env.HAVEN_GATEWAY_URL, JSON.parse(process.env.PEOPLE)).then((said) => console.log(said), (error) => { console.error(error.message); process.exit(1); })`;
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

    expect(await seed()).toBe('3 enrolments (3 back home with follow-ups)');
    const after = await eventCount(sql);
    const { empowermentRecords } = await ok<{
      empowermentRecords: { edges: Array<{ node: Record<string, unknown> }> };
    }>(
      `{ empowermentRecords(country: TH, first: 100) { edges { node { kind occupation partnerOrganisationId institution period { from to } amount { amountMinor currency } place } } } }`,
    );
    const byKind = (kind: string) =>
      empowermentRecords.edges.map((edge) => edge.node).filter((node) => node.kind === kind);
    expect(byKind('JOB_PLACEMENT')).toEqual([
      expect.objectContaining({ occupation: 'Sewing machine operator' }),
    ]);
    expect(byKind('JOB_PLACEMENT')[0].partnerOrganisationId).toEqual(expect.any(String));
    expect(byKind('TUITION_FEES')).toEqual([
      expect.objectContaining({
        institution: 'Chiang Rai Vocational College',
        amount: { amountMinor: 1_250_000, currency: 'THB' },
      }),
    ]);
    expect(byKind('LIVING_ALLOWANCE')).toHaveLength(1);
    expect(byKind('SAFE_ACCOMMODATION')).toEqual([
      expect.objectContaining({ place: expect.stringMatching(/^Transit house/) }),
    ]);

    await seed();
    expect(await eventCount(sql)).toBe(after);
  }, 240_000);
});
