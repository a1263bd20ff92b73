// Measuring: every path warmed, then all of them in short slices taking turns.
import type { ServiceProcess } from '../../../apps/gateway/src/testing/system';
import { CpuMeter, postgresPids, postmasterPid } from './cpu';
import { cannon, type Case } from './load';
import { allPaths, GATEWAY_PATHS, type GatewayPath, type Paths } from './paths';
import { Samples, slice, type Measured } from './samples';
import { DATABASE_URL, DURATION_S, log, ROUNDS, SLICE_S } from './settings';

export interface Measurements {
  /** The figures of every path over all its slices, by label: the gateway's, then the others. */
  results: Record<string, Measured>;
  /** The gateway's paths, round by round. */
  rounds: Record<GatewayPath, Samples[]>;
}

export async function measurePaths(
  paths: Paths,
  processes: { gateways: ServiceProcess[]; subgraphs: ServiceProcess[] },
): Promise<Measurements> {
  const { security, once } = paths;
  log('warming every path');
  for (const c of allPaths(paths)) await cannon(c, 2);

  // The machine is shared and its load comes and goes: so every path runs in short slices,
  // all paths taking turns (every other turn backwards), and its figures are over all its
  // slices. The gateway's four paths run in every turn, ROUNDS times DURATION_S in all; the
  // direct and peer paths in every ROUNDS-th turn, DURATION_S in all, spread over the run.
  const order = GATEWAY_PATHS;
  const turnsPerRound = Math.max(1, Math.round(DURATION_S / SLICE_S));
  const turns = turnsPerRound * ROUNDS;
  log(
    `measuring: ${turns} turns of ${SLICE_S} s slices, ${DURATION_S * ROUNDS} s per gateway ` +
      `path and ${DURATION_S} s per other path (about ${Math.round(
        ((order.length * turns + once.length * turnsPerRound) * SLICE_S) / 60,
      )} min)`,
  );
  const postmaster = await postmasterPid(DATABASE_URL!);
  const pidsOf = (services: ServiceProcess[]) =>
    services.map((service) => service.pid).filter((pid): pid is number => pid !== undefined);
  const meter = new CpuMeter(() => ({
    gateway: pidsOf(processes.gateways),
    subgraphs: pidsOf(processes.subgraphs),
    postgres: postmaster ? postgresPids(postmaster) : [],
  }));
  const rounds = Object.fromEntries(
    order.map((key) => [key, Array.from({ length: ROUNDS }, () => new Samples())]),
  ) as Record<GatewayPath, Samples[]>;
  const others = once.map(() => new Samples());
  for (let turn = 0; turn < turns; turn++) {
    const round = Math.floor(turn / turnsPerRound);
    const steps: Array<[Case, Samples]> = order.map((key) => [security[key], rounds[key][round]]);
    if (turn % ROUNDS === 0) once.forEach((c, i) => steps.push([c, others[i]]));
    for (const [c, into] of turn % 2 ? steps.reverse() : steps)
      await slice(c, SLICE_S, into, meter);
  }
  const results: Record<string, Measured> = {};
  for (const key of order)
    results[security[key].label] = rounds[key]
      .reduce((all, samples) => all.add(samples), new Samples())
      .figures();
  once.forEach((c, i) => (results[c.label] = others[i].figures()));
  return { results, rounds };
}
