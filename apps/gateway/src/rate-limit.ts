// Per-client rate limiting of /graphql (express-rate-limit): a client is its authenticated
// subject, or its IP address when it has none. Counts are kept in this process's memory, so with
// several gateway instances each allows the limit; a shared store would make it global.
import { ipKeyGenerator, MemoryStore, rateLimit } from 'express-rate-limit';
import { sendClientError } from './client-errors';
import type { Handler, Request } from './express';
import type { Logger } from './logger';
import { principalOnRequest, type PrincipalOf } from './principal';

export interface RateLimitOptions {
  /** The window over which requests are counted; a minute by default. */
  windowMs?: number;
  /** Requests a client may send per window. */
  limit: number;
}

export const RATE_LIMIT_VARIABLE = 'HAVEN_RATE_LIMIT_PER_MINUTE';
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
const MINUTE_MS = 60_000;

/** `HAVEN_RATE_LIMIT_PER_MINUTE`: a positive whole number (600 by default), or `off`. */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv): RateLimitOptions | false {
  const value = env[RATE_LIMIT_VARIABLE]?.trim();
  if (!value) return { windowMs: MINUTE_MS, limit: DEFAULT_RATE_LIMIT_PER_MINUTE };
  if (value === 'off') return false;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(`${RATE_LIMIT_VARIABLE} must be a positive whole number or "off".`);
  }
  return { windowMs: MINUTE_MS, limit };
}

/**
 * The key a request is counted under: its principal's subject, else its IP address (an IPv6
 * client's /56 network, which one client can fill with addresses). The prefixes keep a subject
 * that looks like an address from sharing that address's count.
 */
export function clientKeyOf(request: Request, principalOf: PrincipalOf = principalOnRequest) {
  const subject = principalOf(request)?.subject;
  if (subject) return `subject:${subject}`;
  return `ip:${ipKeyGenerator(request.ip ?? request.socket.remoteAddress ?? 'unknown')}`;
}

export interface RateLimiter {
  handler: Handler;
  /** Stops the store's clean-up timer. */
  close(): void;
}

/**
 * Counts every request to /graphql per client; above the limit, answers 429 with a GraphQL error
 * (code RATE_LIMITED) and the standard RateLimit and Retry-After headers. Mount it after the
 * request ids and the authentication, before the body is parsed: a throttled request costs
 * little.
 */
export function createRateLimiter(
  options: RateLimitOptions & { principalOf?: PrincipalOf; logger: Logger },
): RateLimiter {
  const windowMs = options.windowMs ?? MINUTE_MS;
  const store = new MemoryStore();
  const logger = options.logger.child({ component: 'rate-limit' });
  const limiter = rateLimit({
    windowMs,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store,
    keyGenerator: (request: Request) => clientKeyOf(request, options.principalOf),
    handler: (request: Request & { rateLimit?: { resetTime?: Date } }, response) => {
      const resetAt = request.rateLimit?.resetTime?.getTime() ?? Date.now() + windowMs;
      const seconds = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
      sendClientError(
        response,
        429,
        'RATE_LIMITED',
        `Too many requests: try again in ${seconds} s.`,
      );
    },
    // The library reports misconfigurations through this (such as a proxy's X-Forwarded-For
    // header while `trust proxy` is off), with a stable code; its messages may quote an address.
    logger: {
      warn: (error: unknown) => logger.warn({ error: describe(error) }, 'rate limiter warning'),
      error: (error: unknown) => logger.error({ error: describe(error) }, 'rate limiter error'),
    },
  });
  return { handler: limiter as unknown as Handler, close: () => store.shutdown() };
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : typeof error;
}
