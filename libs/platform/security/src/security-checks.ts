import { SecurityConfigError } from './config';
import type { Principal } from './principal';

/**
 * HAVEN_SECURITY_CHECKS=off: the gateway benchmark's baseline, to measure what authentication and
 * authorisation cost. The gateway then verifies no token and sends no identity; subgraphs verify
 * none and check no field policy, and serve every request as BENCHMARK_PRINCIPAL. For
 * benchmarking only: refused in production.
 */
export const SECURITY_CHECKS_ENV = 'HAVEN_SECURITY_CHECKS';

/** Who every request is with the checks off: an admin, so resolvers that read the principal answer. */
export const BENCHMARK_PRINCIPAL: Principal = Object.freeze({
  subject: 'benchmark',
  role: 'admin',
  countries: 'all',
  organisationId: null,
});

export const SECURITY_CHECKS_OFF_WARNING =
  'SECURITY CHECKS ARE OFF (HAVEN_SECURITY_CHECKS=off): no token, identity or access policy is ' +
  'checked, and every request is served as an admin. For benchmarking only: never let anyone ' +
  'reach this process.';

/**
 * Whether this process checks who is asking: true unless HAVEN_SECURITY_CHECKS is exactly `off`.
 * Throws SecurityConfigError for `off` when NODE_ENV=production, so the process does not start.
 */
export function securityChecksFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env[SECURITY_CHECKS_ENV] !== 'off') return true;
  if (env.NODE_ENV === 'production') {
    throw new SecurityConfigError(
      `${SECURITY_CHECKS_ENV}=off is for benchmarking only and is refused when NODE_ENV=production.`,
    );
  }
  return false;
}
