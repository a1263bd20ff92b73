/**
 * `npm run bench:gateway`: one federated query that touches three subgraphs (protection owns the
 * beneficiaries, networks and legal add a field each), under autocannon for a fixed time at a
 * fixed concurrency, measured three ways in the same run, on the same data:
 *
 *   - through Haven's gateway (@apollo/gateway on @apollo/server);
 *   - directly from each subgraph, the same data (the beneficiary page, then each extension's
 *     `_entities` for the same ids): the gateway's overhead is judged against the slowest;
 *   - through @graphql-hive/gateway serving the same supergraph: a peer.
 *
 * Every process (five subgraphs, two gateways) runs alone, as `npm start` runs them.
 * Started by tools/bench/run.mjs, which provides the database (HAVEN_BENCH_DATABASE_URL).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { v5 as uuidv5 } from 'uuid';
import { migrate, ServiceProcess, SUBGRAPHS } from '../../apps/gateway/src/testing/system';
import { subgraphUrlVariable } from '../../apps/gateway/src/gateway';

const DATABASE_URL = process.env.HAVEN_BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
const DURATION_S = Number(process.env.HAVEN_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.HAVEN_BENCH_CONNECTIONS ?? 16);
const PAGE = 20;
const GATEWAY_MAIN = 'apps/gateway/src/main.ts';
const HIVE_MAIN = 'tools/bench/hive-gateway.ts';

const FEDERATED_QUERY = `query Federated($first: Int!) {
  beneficiaries(first: $first) {
    edges { node { id referenceCode country minor caseNotificationCount legalCaseCount } }
  }
}`;
const PROTECTION_QUERY = `query Page($first: Int!) {
  beneficiaries(first: $first) { edges { node { id referenceCode country minor } } }
}`;
const entitiesQuery = (field: string) => `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Beneficiary { ${field} } }
}`;

const log = (line: string) => process.stderr.write(`[bench:gateway] ${line}\n`);

interface Measured {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function post(
  url: string,
  query: string,
  variables: object,
): Promise<{ data?: unknown; errors?: unknown[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

/** Refuses to measure a query that does not answer correctly: a fast error is no result. */
async function check(url: string, query: string, variables: object, what: string): Promise<void> {
  const body = await post(url, query, variables);
  if (body.errors?.length || !body.data) {
    throw new Error(`${what} does not answer correctly: ${JSON.stringify(body).slice(0, 500)}`);
  }
}

async function measure(
  url: string,
  query: string,
  variables: object,
  label: string,
): Promise<Measured> {
  log(`${label}: ${DURATION_S} s at ${CONNECTIONS} connections`);
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

async function main(): Promise<void> {
  if (!DATABASE_URL)
    throw new Error('Run through `npm run bench:gateway`, which provides the database.');
  log('migrating');
  await migrate(DATABASE_URL);

  const subgraphs = SUBGRAPHS.map(
    (entry, i) =>
      new ServiceProcess(
        entry.name,
        entry.main,
        14_001 + i,
        { NODE_ENV: 'production', DATABASE_URL, LOG_LEVEL: 'warn' },
        '/health/ready',
      ),
  );
  const subgraphEnv = Object.fromEntries(
    subgraphs.map((s) => [subgraphUrlVariable(s.name), `${s.origin}/graphql`]),
  );
  const gateway = new ServiceProcess(
    'gateway',
    GATEWAY_MAIN,
    14_000,
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      // One client at thousands of requests a second: the rate limit would measure itself.
      HAVEN_RATE_LIMIT_PER_MINUTE: 'off',
      ...subgraphEnv,
      // For profiling the gateway alone, e.g. "--cpu-prof --cpu-prof-dir=tmp/profile".
      ...(process.env.HAVEN_BENCH_GATEWAY_NODE_OPTIONS
        ? { NODE_OPTIONS: process.env.HAVEN_BENCH_GATEWAY_NODE_OPTIONS }
        : {}),
    },
    '/health/live',
  );
  const hive = new ServiceProcess(
    'hive-gateway',
    HIVE_MAIN,
    14_100,
    { NODE_ENV: 'production', ...subgraphEnv },
    '/healthcheck',
  );
  const all = [...subgraphs, gateway, hive];
  try {
    log('starting five subgraphs, the gateway and the peer');
    await Promise.all(all.map((service) => service.start()));
    const byName = Object.fromEntries(subgraphs.map((s) => [s.name, `${s.origin}/graphql`]));

    log(`registering ${PAGE} beneficiaries through the gateway`);
    const ids: string[] = [];
    for (let i = 0; i < PAGE; i++) {
      const id = uuidv5(`bench-beneficiary-${i}`, '9a7f6a0e-4b3c-4c55-8f0a-2d5d3f1b6c11');
      const body = await post(
        `${gateway.origin}/graphql`,
        'mutation R($input: RegisterBeneficiaryInput!) { registerBeneficiary(input: $input) { beneficiaryId } }',
        {
          input: { id, country: ['TH', 'LA', 'MM'][i % 3], sex: 'FEMALE', minor: i % 3 === 0 },
        },
      );
      if (body.errors?.length)
        throw new Error(`registration failed: ${JSON.stringify(body.errors)}`);
      ids.push(id);
    }
    const representations = ids.map((id) => ({ __typename: 'Beneficiary', id }));
    const cases: Array<[string, string, string, object]> = [
      ['gateway', `${gateway.origin}/graphql`, FEDERATED_QUERY, { first: PAGE }],
      ['protection (direct)', byName.protection, PROTECTION_QUERY, { first: PAGE }],
      [
        'networks (direct)',
        byName.networks,
        entitiesQuery('caseNotificationCount'),
        { representations },
      ],
      ['legal (direct)', byName.legal, entitiesQuery('legalCaseCount'), { representations }],
      ['hive-gateway (peer)', `${hive.origin}/graphql`, FEDERATED_QUERY, { first: PAGE }],
    ];
    for (const [label, url, query, variables] of cases) await check(url, query, variables, label);

    // Warm every path, then measure.
    for (const [, url, query, variables] of cases) {
      await autocannon({
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
        connections: CONNECTIONS,
        duration: 2,
      });
    }
    const results: Record<string, Measured> = {};
    for (const [label, url, query, variables] of cases)
      results[label] = await measure(url, query, variables, label);

    const direct = ['protection (direct)', 'networks (direct)', 'legal (direct)'];
    const slowest = direct.reduce((a, b) => (results[a].p99 >= results[b].p99 ? a : b));
    const overhead = results.gateway.p99 / results[slowest].p99;
    const versusPeer =
      results.gateway.requestsPerSecond / results['hive-gateway (peer)'].requestsPerSecond;

    const rows = Object.entries(results).map(([label, m]) => [
      label,
      m.requestsPerSecond.toFixed(0),
      `${m.p50} ms`,
      `${m.p99} ms`,
      String(m.errors),
    ]);
    const table = [['path', 'req/s', 'p50', 'p99', 'errors'], ...rows];
    const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
    console.log(
      `\nFederated query over ${PAGE} beneficiaries, 3 subgraphs; ${CONNECTIONS} connections, ${DURATION_S} s each\n`,
    );
    for (const row of table) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
    console.log('');
    const targets = [
      {
        figure: `gateway p99 ÷ slowest direct subgraph p99 (${slowest})`,
        ratio: overhead,
        target: '≤ 2.00',
        pass: overhead <= 2,
      },
      {
        figure: 'gateway req/s ÷ hive-gateway req/s',
        ratio: versusPeer,
        target: '≥ 1.00',
        pass: versusPeer >= 1,
      },
    ];
    for (const t of targets)
      console.log(
        `${t.figure}: ${t.ratio.toFixed(2)} (target ${t.target}) ${t.pass ? 'PASS' : 'MISS'}`,
      );

    const out = {
      benchmark: 'gateway',
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version },
      settings: { durationSeconds: DURATION_S, connections: CONNECTIONS, page: PAGE },
      results,
      targets,
    };
    const dir = path.resolve(__dirname, '../../bench/results');
    mkdirSync(dir, { recursive: true });
    const stamp = out.at.replace(/[:.]/g, '-');
    writeFileSync(path.join(dir, `gateway-${stamp}.json`), JSON.stringify(out, null, 2));
    writeFileSync(path.join(dir, 'gateway-latest.json'), JSON.stringify(out, null, 2));
    log(`results in bench/results/gateway-${stamp}.json`);
  } finally {
    await Promise.all(all.map((service) => service.stop()));
  }
}

main().catch((error: Error) => {
  console.error(`bench:gateway failed: ${error.message}`);
  process.exit(1);
});
