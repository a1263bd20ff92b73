/**
 * An error's class and code, not its message: a client's message may quote what it sent. Used by
 * the relay and its worker thread for what they log and report.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'an unknown error';
  const code = (error as { code?: unknown }).code;
  const own = `${error.name}${typeof code === 'string' ? ` ${code}` : ''}`;
  // The client gathers the failures of a request's retries (PLT_KFK_MULTIPLE): the broker's
  // error names among them (UNKNOWN_TOPIC_OR_PARTITION, MESSAGE_TOO_LARGE…) say what is wrong.
  const brokerErrors = new Set<string>();
  const collect = (cause: unknown, depth: number) => {
    if (typeof cause !== 'object' || cause === null || depth > 4) return;
    const apiId = (cause as { apiId?: unknown }).apiId;
    if (typeof apiId === 'string') brokerErrors.add(apiId);
    const inner = (cause as { errors?: unknown }).errors;
    if (Array.isArray(inner)) for (const next of inner) collect(next, depth + 1);
  };
  collect(error, 0);
  return brokerErrors.size ? `${own}; the broker answered ${[...brokerErrors].join(', ')}` : own;
}
