// The end of a run: the table, the targets and the checks' share on stdout, the same with every
// round's figures in bench/results/gateway-<timestamp>.json and gateway-latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Measurements } from './measure';
import { GATEWAY_PATHS, type GatewayPath, type Paths } from './paths';
import {
  CONNECTIONS,
  DURATION_S,
  log,
  PAGE,
  READER,
  ROUNDS,
  SECURITY_TARGET,
  SLICE_S,
  WINDOWS,
} from './settings';

export function reportResults(
  { security, once }: Paths,
  { results, rounds }: Measurements,
  nodeEnv: string | undefined,
): void {
  const at = (key: GatewayPath) => results[security[key].label];
  const direct = once.slice(0, 3).map((c) => c.label);
  const slowest = direct.reduce((a, b) => (results[a].p99 >= results[b].p99 ? a : b));
  const overhead = at('on').p99 / results[slowest].p99;
  const versusPeer = at('off').requestsPerSecond / results[once[3].label].requestsPerSecond;
  const checksCost = at('onPersonal').p99 / at('offPersonal').p99;
  const perRound = rounds.onPersonal.map(
    (samples, i) => samples.figures().p99 / rounds.offPersonal[i].figures().p99,
  );

  const rows = Object.entries(results).map(([label, m]) => [
    label,
    m.requestsPerSecond.toFixed(0),
    `${m.p50} ms`,
    `${m.p99} ms`,
    String(m.errors),
    `${m.cpuMsPerRequest.total.toFixed(1)} = ${m.cpuMsPerRequest.gateway.toFixed(1)} + ` +
      `${m.cpuMsPerRequest.subgraphs.toFixed(1)} + ${m.cpuMsPerRequest.postgres.toFixed(1)}`,
  ]);
  const table = [
    ['path', 'req/s', 'p50', 'p99', 'errors', 'CPU ms/request = gateway + subgraphs + postgres'],
    ...rows,
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  console.log(
    `\nFederated query over ${PAGE} beneficiaries (${WINDOWS} windows in turn), 3 subgraphs; ${CONNECTIONS} connections, ` +
      `${DURATION_S * ROUNDS} s per gateway path, ${DURATION_S} s per other path, in ${SLICE_S} s slices taking turns\n`,
  );
  for (const row of table) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  console.log('');
  const targets = [
    {
      figure: 'gateway p99 with ÷ without security checks, query with personalDetails',
      ratio: checksCost,
      perRound,
      target: `≤ ${SECURITY_TARGET.toFixed(2)}`,
      pass: checksCost <= SECURITY_TARGET,
    },
    {
      figure: `gateway p99 (checks on) ÷ slowest direct subgraph p99 (${slowest})`,
      ratio: overhead,
      target: '≤ 2.00',
      pass: overhead <= 2,
    },
    {
      figure: 'gateway req/s ÷ hive-gateway req/s (both with the checks off)',
      ratio: versusPeer,
      target: '≥ 1.00',
      pass: versusPeer >= 1,
    },
  ];
  for (const t of targets)
    console.log(
      `${t.figure}: ${t.ratio.toFixed(2)} (target ${t.target}) ${t.pass ? 'PASS' : 'MISS'}`,
    );
  // Beside the targets: what personal details (decrypting, logging) add, and what the checks
  // add without them; in p99, and in CPU per request, which the machine's other load does not
  // move (the p99 it does).
  const cpu = (key: GatewayPath) => at(key).cpuMsPerRequest.total;
  const shares = {
    p99: {
      checks: checksCost,
      checksWithoutPersonalDetails: at('on').p99 / at('off').p99,
      personalDetailsChecksOn: at('onPersonal').p99 / at('on').p99,
      personalDetailsChecksOff: at('offPersonal').p99 / at('off').p99,
    },
    cpuPerRequest: {
      checks: cpu('onPersonal') / cpu('offPersonal'),
      checksWithoutPersonalDetails: cpu('on') / cpu('off'),
      personalDetailsChecksOn: cpu('onPersonal') / cpu('on'),
      personalDetailsChecksOff: cpu('offPersonal') / cpu('off'),
    },
  };
  const ratios = (figures: Record<string, number>) =>
    `checks on ÷ off ${figures.checks.toFixed(2)} (without personalDetails ` +
    `${figures.checksWithoutPersonalDetails.toFixed(2)}); with ÷ without personalDetails ` +
    `${figures.personalDetailsChecksOn.toFixed(2)} checks on, ` +
    `${figures.personalDetailsChecksOff.toFixed(2)} off`;
  console.log(
    `p99: ${ratios(shares.p99)}; the target's ratio by round: ${perRound.map((r) => r.toFixed(2)).join(', ')}`,
  );
  console.log(`CPU per request: ${ratios(shares.cpuPerRequest)}`);

  const out = {
    benchmark: 'gateway',
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    settings: {
      durationSeconds: DURATION_S,
      connections: CONNECTIONS,
      page: PAGE,
      windows: WINDOWS,
      rounds: ROUNDS,
      sliceSeconds: SLICE_S,
      nodeEnv,
      reader: { role: READER.role, countries: READER.countries },
    },
    results,
    rounds: Object.fromEntries(
      GATEWAY_PATHS.map((key) => [
        security[key].label,
        rounds[key].map((samples) => samples.figures()),
      ]),
    ),
    security: {
      checksOn: at('onPersonal'),
      checksOff: at('offPersonal'),
      ratio: checksCost,
      perRound,
      target: SECURITY_TARGET,
      within: checksCost <= SECURITY_TARGET,
      shares,
    },
    targets,
  };
  const dir = path.resolve(__dirname, '../../../bench/results');
  mkdirSync(dir, { recursive: true });
  const stamp = out.at.replace(/[:.]/g, '-');
  writeFileSync(path.join(dir, `gateway-${stamp}.json`), JSON.stringify(out, null, 2));
  writeFileSync(path.join(dir, 'gateway-latest.json'), JSON.stringify(out, null, 2));
  log(`results in bench/results/gateway-${stamp}.json`);
}
