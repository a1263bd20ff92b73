// The gateway process: `node -r @swc-node/register apps/gateway/src/main.ts` (npm start runs it).
//
// Environment: PORT (4000), HOST (127.0.0.1; 0.0.0.0 in production), NODE_ENV (production turns
// the IDE and introspection off), HAVEN_<NAME>_URL (a subgraph's URL), HAVEN_GATEWAY_COMPOSE
// (`static`, the default: serve apps/gateway/supergraph.graphql; `introspect`: compose from the
// running subgraphs at start), HAVEN_SUPERGRAPH_PATH, LOG_LEVEL, HAVEN_RATE_LIMIT_PER_MINUTE
// (requests per client on /graphql: 600 by default, or `off`), HAVEN_TRUSTED_DOCUMENTS_ONLY_FOR
// (roles that may only run apps/gateway/trusted-documents: `partner` by default, a comma list,
// `all` or `none`), HAVEN_SECURITY_CHECKS (`off`: no token checks and no identity sent to the
// subgraphs, for the benchmark's baseline only; refused in production).
import { SECURITY_CHECKS_OFF_WARNING, securityChecksFromEnv } from '@haven/platform/security';
import { startGateway, type ComposeMode, type RunningGateway } from './gateway';
import { createLogger } from './logger';

const SHUTDOWN_TIMEOUT_MS = 15_000;

async function main(): Promise<void> {
  const logger = createLogger();
  const production = process.env.NODE_ENV === 'production';
  const compose = (process.env.HAVEN_GATEWAY_COMPOSE ?? 'static') as ComposeMode;
  if (compose !== 'static' && compose !== 'introspect') {
    throw new Error(`HAVEN_GATEWAY_COMPOSE must be "static" or "introspect", not "${compose}"`);
  }
  const port = Number(process.env.PORT ?? 4000);
  const securityChecks = securityChecksFromEnv(process.env);
  if (!securityChecks) logger.warn(SECURITY_CHECKS_OFF_WARNING);
  const running: { gateway?: RunningGateway } = {};
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    setTimeout(() => {
      logger.error('did not stop in time: exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    (running.gateway?.stop() ?? Promise.resolve()).then(
      () => process.exit(0),
      (error: Error) => {
        logger.error({ error: error.message }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  const gateway = await startGateway({
    port,
    host: process.env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    production,
    compose,
    logger,
    authentication: securityChecks ? undefined : false,
  });
  running.gateway = gateway;
  if (stopping) await gateway.stop();
}

main().catch((error: Error) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'gateway', msg: 'gateway did not start', error: error.message })}\n`,
  );
  process.exit(1);
});
