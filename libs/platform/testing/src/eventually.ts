import { setTimeout as sleep } from 'node:timers/promises';

export interface PollOptions {
  /** How long to keep trying before giving up, in ms. */
  timeoutMs?: number;
  /** The pause between two tries, in ms. */
  intervalMs?: number;
}

/**
 * Tries `attempt` until it returns without throwing, and returns what it returned. What another
 * process does from the log (a projection, a relay) takes a moment, so a spec asserts on it this
 * way. When the time is up, the last attempt's error is thrown, so the failure reads as that
 * assertion's.
 */
export async function eventually<T>(
  attempt: () => Promise<T> | T,
  { timeoutMs = 30_000, intervalMs = 100 }: PollOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await sleep(intervalMs);
    }
  }
}

/**
 * Waits until `condition` holds. `what` names the condition in the error thrown when the time
 * is up (`Timed out after 30000 ms waiting for <what>`).
 */
export async function waitUntil(
  condition: () => Promise<boolean> | boolean,
  what: string,
  options: PollOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  await eventually(
    async () => {
      if (!(await condition())) {
        throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
      }
    },
    { ...options, timeoutMs },
  );
}
