// The processes measured: two sets of five subgraphs and a gateway (checks on, checks off) and
// the peer, @graphql-hive/gateway, each process alone, as `npm start` runs them.
import { ServiceProcess, SUBGRAPHS } from '../../../apps/gateway/src/testing/system';
import { subgraphUrlVariable } from '../../../apps/gateway/src/gateway';
import { DATABASE_URL } from './settings';

const GATEWAY_MAIN = 'apps/gateway/src/main.ts';
const HIVE_MAIN = 'tools/bench/hive-gateway.ts';

/**
 * Every process's environment: NODE_ENV=development, as the checks cannot be turned off in
 * production, and this run's keys only: whatever security settings the shell has are left out.
 */
export function commonEnv(keysDir: string): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    HAVEN_KEYS_DIR: keysDir,
    HAVEN_OIDC_ISSUER: '',
    HAVEN_OIDC_JWKS_URL: '',
    HAVEN_IDENTITY_PRIVATE_KEY: '',
    HAVEN_IDENTITY_PUBLIC_KEY: '',
    HAVEN_MASTER_KEY: '',
  };
}

/** Five subgraphs and a gateway, all with the security checks on or all off. */
export function serviceSet(checks: 'on' | 'off', basePort: number, common: NodeJS.ProcessEnv) {
  const env = { ...common, HAVEN_SECURITY_CHECKS: checks };
  const subgraphs = SUBGRAPHS.map(
    (entry, i) =>
      new ServiceProcess(
        `${entry.name} (checks ${checks})`,
        entry.main,
        basePort + 1 + i,
        { ...env, DATABASE_URL },
        '/health/ready',
      ),
  );
  const urls = Object.fromEntries(
    SUBGRAPHS.map((entry, i) => [entry.name, `${subgraphs[i].origin}/graphql`]),
  );
  const subgraphEnv = Object.fromEntries(
    Object.entries(urls).map(([name, url]) => [subgraphUrlVariable(name), url]),
  );
  const gateway = new ServiceProcess(
    `gateway (checks ${checks})`,
    GATEWAY_MAIN,
    basePort,
    {
      ...env,
      // One client at thousands of requests a second: the rate limit would measure itself.
      HAVEN_RATE_LIMIT_PER_MINUTE: 'off',
      ...subgraphEnv,
      // For profiling the gateways, e.g. "--require ./tmp/profiler.cjs" (Node refuses --cpu-prof here).
      ...(process.env.HAVEN_BENCH_GATEWAY_NODE_OPTIONS
        ? { NODE_OPTIONS: process.env.HAVEN_BENCH_GATEWAY_NODE_OPTIONS }
        : {}),
    },
    '/health/live',
  );
  return { subgraphs, gateway, urls, subgraphEnv };
}

/** The peer in front of the same subgraphs (it cannot authenticate Haven's way: the checks-off set). */
export function hiveGateway(
  common: NodeJS.ProcessEnv,
  subgraphEnv: Record<string, string>,
): ServiceProcess {
  return new ServiceProcess(
    'hive-gateway',
    HIVE_MAIN,
    14_100,
    { ...common, ...subgraphEnv },
    '/healthcheck',
  );
}
