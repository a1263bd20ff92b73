import { Client } from 'pg';

type AnyQuery = (this: Client, ...args: unknown[]) => unknown;

/**
 * Runs `work` and returns the SQL statements that any pg client (TypeORM's included) sent
 * meanwhile whose text matches `pattern`: how a test proves that a batch is one query.
 */
export async function countQueries<T>(
  pattern: RegExp,
  work: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const original = Client.prototype.query as unknown as AnyQuery;
  const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (
    this: Client,
    ...args: unknown[]
  ) {
    const config = args[0];
    const text = typeof config === 'string' ? config : (config as { text?: unknown })?.text;
    if (typeof text === 'string' && pattern.test(text)) statements.push(text);
    return original.apply(this, args);
  } as never);
  try {
    return { result: await work(), statements };
  } finally {
    spy.mockRestore();
  }
}
