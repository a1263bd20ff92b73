// Haven end to end: the five subgraphs and the gateway run as processes (each from its main.ts,
// as `npm start` runs them) on a fresh, migrated database, and every request goes through the
// gateway.
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { Client } from 'pg';
import { DEFAULT_IDE_QUERY } from './gateway';
import { migrate, startSystem, type System } from './testing/system';

interface GraphQLResponse<Data> {
  data?: Data | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

interface BeneficiaryNode {
  id: string;
  referenceCode: string;
  country: string;
  minor: boolean;
  caseNotificationCount: number | null;
  empowermentServiceCount: number | null;
  legalCaseCount: number | null;
  reliefDistributionCount: number | null;
}

interface Beneficiaries {
  beneficiaries: { edges: Array<{ node: BeneficiaryNode }> } | null;
}

/** The read-model tables in which the other four subgraphs count a beneficiary's records. */
const COUNT_TABLES = {
  caseNotificationCount: 'networks.beneficiary_case_notifications',
  empowermentServiceCount: 'empowerment.beneficiary_empowerment_services',
  legalCaseCount: 'legal.beneficiary_legal_cases',
  reliefDistributionCount: 'relief.beneficiary_relief_distributions',
} as const;

const BENEFICIARIES_QUERY = `query Beneficiaries($country: Country, $first: Int!) {
  beneficiaries(country: $country, first: $first) {
    edges {
      node {
        id
        referenceCode
        country
        minor
        caseNotificationCount
        empowermentServiceCount
        legalCaseCount
        reliefDistributionCount
      }
    }
  }
}`;

const REGISTER = `mutation Register($input: RegisterBeneficiaryInput!) {
  registerBeneficiary(input: $input) { beneficiaryId beneficiary { referenceCode } }
}`;

describe('Haven through its gateway', () => {
  let database: TestDatabase;
  let system: System;
  let sql: Client;
  let adminToken: string;

  async function graphql<Data>(
    query: string,
    variables?: Record<string, unknown>,
    operationName?: string,
  ): Promise<GraphQLResponse<Data>> {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query, variables, operationName }),
    });
    return (await response.json()) as GraphQLResponse<Data>;
  }

  async function register(input: Record<string, unknown>): Promise<string> {
    const { data, errors } = await graphql<{ registerBeneficiary: { beneficiaryId: string } }>(
      REGISTER,
      { input },
    );
    expect(errors).toBeUndefined();
    return data!.registerBeneficiary.beneficiaryId;
  }

  function clearCalls(): void {
    for (const proxy of Object.values(system.proxies)) proxy.calls.length = 0;
  }

  beforeAll(async () => {
    database = await createTestDatabase('gateway_e2e');
    await migrate(database.url);
    system = await startSystem({ databaseUrl: database.url });
    adminToken = await system.token({ role: 'admin', subject: 'e2e-admin' });
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  }, 180_000);

  afterAll(async () => {
    await sql?.end();
    await system?.stop();
    await database?.drop();
  }, 60_000);

  it('registers beneficiaries through the gateway, then answers one query from all five subgraphs', async () => {
    const ids = [
      await register({ country: 'TH', sex: 'FEMALE', minor: true }),
      await register({ country: 'LA', sex: 'FEMALE', minor: false }),
      await register({ country: 'LA', sex: 'UNKNOWN', minor: true }),
    ];
    // Each other subgraph counts something different for each beneficiary (the projections
    // that will fill these tables come with later issues).
    const expected = new Map<string, Partial<BeneficiaryNode>>();
    ids.forEach((id, index) => {
      const counts = {
        caseNotificationCount: index + 1,
        empowermentServiceCount: 10 * (index + 1),
        legalCaseCount: 100 * (index + 1),
        reliefDistributionCount: index === 1 ? 0 : 1000 * (index + 1),
      };
      expected.set(id, counts);
    });
    for (const [id, counts] of expected) {
      for (const [field, table] of Object.entries(COUNT_TABLES)) {
        const count = counts[field as keyof typeof COUNT_TABLES] as number;
        if (count) {
          await sql.query(`INSERT INTO ${table} (beneficiary_id, count) VALUES ($1, $2)`, [
            id,
            count,
          ]);
        }
      }
    }

    const { data, errors } = await graphql<Beneficiaries>(BENEFICIARIES_QUERY, { first: 100 });

    expect(errors).toBeUndefined();
    const nodes = data!.beneficiaries!.edges.map((edge) => edge.node);
    expect(nodes).toEqual([
      expect.objectContaining({ id: ids[0], country: 'TH', minor: true, ...expected.get(ids[0]) }),
      expect.objectContaining({ id: ids[1], country: 'LA', minor: false, ...expected.get(ids[1]) }),
      expect.objectContaining({ id: ids[2], country: 'LA', minor: true, ...expected.get(ids[2]) }),
    ]);
    for (const node of nodes) expect(node.referenceCode).toMatch(/^BEN-(TH|LA)-\d+$/);
  });

  it('resolves 50 beneficiaries with one entity call to each subgraph', async () => {
    const ids: string[] = [];
    for (let batch = 0; batch < 5; batch++) {
      ids.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, () =>
            register({ id: randomUUID(), country: 'VN', sex: 'FEMALE', minor: true }),
          ),
        )),
      );
    }
    clearCalls();

    const { data, errors } = await graphql<Beneficiaries>(BENEFICIARIES_QUERY, {
      country: 'VN',
      first: 50,
    });

    expect(errors).toBeUndefined();
    const nodes = data!.beneficiaries!.edges.map((edge) => edge.node);
    expect(nodes.map((node) => node.id).sort()).toEqual([...ids].sort());
    expect(nodes.every((node) => node.legalCaseCount === 0)).toBe(true);
    // The gateway asks protection for the page, then each other subgraph once for all 50.
    expect(system.proxies.protection.calls.map((call) => call.representations)).toEqual([0]);
    for (const name of ['networks', 'empowerment', 'legal', 'relief']) {
      expect({
        name,
        representations: system.proxies[name].calls.map((c) => c.representations),
      }).toEqual({ name, representations: [50] });
    }
  });

  it('forwards the request id to every subgraph a query reaches', async () => {
    clearCalls();
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'e2e-request-1',
        authorization: `Bearer ${adminToken}`,
      },
      body: JSON.stringify({ query: BENEFICIARIES_QUERY, variables: { first: 3 } }),
    });
    expect(response.headers.get('x-request-id')).toBe('e2e-request-1');
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    // The query reaches protection's list and the four programmes' counts; audit and reports not.
    const reached = ['networks', 'protection', 'empowerment', 'legal', 'relief'];
    for (const [name, proxy] of Object.entries(system.proxies)) {
      expect({ name, ids: proxy.calls.map((call) => call.requestId) }).toEqual({
        name,
        ids: reached.includes(name) ? ['e2e-request-1'] : [],
      });
    }
  });

  it('loads the demo data set through the gateway once, however often seed:demo runs', async () => {
    // Asynchronously: the recording proxies between gateway and subgraphs live in this process.
    const seed = () =>
      new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/seed/demo.ts'], {
          cwd: path.resolve(__dirname, '../../..'),
          env: {
            ...process.env,
            HAVEN_GATEWAY_URL: system.gatewayUrl,
            HAVEN_KEYS_DIR: system.keysDir,
          },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('exit', (status) => resolve({ status, stderr }));
      });
    const count = async () =>
      Number((await sql.query('SELECT count(*) AS n FROM protection.beneficiaries')).rows[0].n);
    const before = await count();

    const first = await seed();
    expect(first.status).toBe(0);
    // The demo beneficiaries, and the victims the officers register for the demo cases.
    const [beneficiaries, victims] = ['beneficiaries', 'victims'].map((label) =>
      Number(new RegExp(`${label}: (\\d+) in `).exec(first.stderr)?.[1]),
    );
    expect(beneficiaries).toBeGreaterThan(100);
    expect(victims).toBeGreaterThan(0);
    const loaded = beneficiaries + victims;
    expect(await count()).toBe(before + loaded);

    const again = await seed();
    expect(again.status).toBe(0);
    expect(await count()).toBe(before + loaded);
    // Two seedings take about 130 s alone on a 2-core machine, and twice that beside another suite.
  }, 600_000);

  it('answers a stopped subgraph’s fields with an error while the others still answer', async () => {
    await system.subgraphs.legal.stop();
    try {
      const ready = await fetch(`${system.gatewayOrigin}/health/ready`);
      expect(ready.status).toBe(200); // the gateway still serves the other subgraphs
      expect(await ready.json()).toEqual({
        status: 'ok',
        subgraphs: {
          audit: 'up',
          empowerment: 'up',
          legal: 'down',
          networks: 'up',
          protection: 'up',
          relief: 'up',
          reports: 'up',
        },
      });

      const { data, errors } = await graphql<Beneficiaries>(BENEFICIARIES_QUERY, { first: 3 });

      expect(errors).toEqual([
        expect.objectContaining({
          message: 'The legal service is unavailable.',
          extensions: {
            code: 'SERVICE_UNAVAILABLE',
            serviceName: 'legal',
            requestId: expect.any(String),
          },
        }),
      ]);
      // The failure must stay in legal's field. If the field is non-null (`Int!`), GraphQL
      // spreads the null up to the nearest nullable parent: here the whole response.
      if (!data?.beneficiaries) {
        throw new Error(
          'With legal stopped, the gateway answered data: null instead of the other subgraphs’ ' +
            'fields: a field that legal adds to Beneficiary is non-null, so its failure nulls ' +
            'the whole list. Fields added to another subgraph’s entity must be nullable.',
        );
      }
      const nodes = data.beneficiaries.edges.map((edge) => edge.node);
      expect(nodes).toHaveLength(3);
      for (const node of nodes) {
        expect(node.legalCaseCount).toBeNull();
        expect(node.referenceCode).toMatch(/^BEN-/);
        expect(typeof node.reliefDistributionCount).toBe('number');
        expect(typeof node.caseNotificationCount).toBe('number');
      }
    } finally {
      await system.subgraphs.legal.start();
    }
    // Once legal is back, the same gateway answers its fields again.
    const { errors } = await graphql<Beneficiaries>(BENEFICIARIES_QUERY, { first: 3 });
    expect(errors).toBeUndefined();
  }, 120_000);

  it('answers the operations the README tells users to paste, and the IDE’s default query', async () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Federated GraphQL'));
    const document = /```graphql\n([\s\S]*?)```/.exec(section)?.[1];
    expect(document).toContain('mutation RegisterOne');
    expect(document).toContain('query Beneficiaries');

    const registered = await graphql(document!, {}, 'RegisterOne');
    expect(registered.errors).toBeUndefined();
    const { data, errors } = await graphql<Beneficiaries>(document!, {}, 'Beneficiaries');
    expect(errors).toBeUndefined();
    expect(data!.beneficiaries!.edges.length).toBeGreaterThan(0);
    expect(data!.beneficiaries!.edges[0].node).toEqual(
      expect.objectContaining({
        referenceCode: expect.any(String),
        legalCaseCount: expect.any(Number),
      }),
    );

    const ide = await graphql<Beneficiaries>(DEFAULT_IDE_QUERY, {}, 'Beneficiaries');
    expect(ide.errors).toBeUndefined();
    expect(ide.data!.beneficiaries!.edges.length).toBeGreaterThan(0);
  });

  it('serves the GraphQL IDE with its assets from the gateway itself, with no external URL', async () => {
    const page = await fetch(`${system.gatewayOrigin}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const urls = html.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
    const external = urls.filter(
      (url) => !/^https?:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/.test(url),
    );
    expect(external).toEqual([]);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/[^/]/); // same origin
      const served = await fetch(new URL(asset, system.gatewayOrigin));
      // Read to the end: an unread body holds its connection open after the test.
      const bytes = (await served.arrayBuffer()).byteLength;
      expect({ asset, status: served.status, empty: bytes === 0 }).toEqual({
        asset,
        status: 200,
        empty: false,
      });
    }
    const script = await (await fetch(`${system.gatewayOrigin}/ide/start.js`)).text();
    expect(script).toContain("new URL('/graphql', window.location.href)");
  });
});
