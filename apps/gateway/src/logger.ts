import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * The gateway's structured JSON log (one object a line on stdout). Callers log ids, codes,
 * timings and paths; never request bodies, variables or headers, which may carry personal data.
 */
export function createLogger(
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: 'gateway' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // A safety net: nothing should log these, but if an object with them slips in, hide them.
      redact: {
        paths: ['headers.authorization', 'headers.cookie', '*.headers.authorization', 'variables'],
        censor: '[redacted]',
      },
    },
    options.destination,
  );
}
