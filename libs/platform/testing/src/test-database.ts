import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file, on the server the Jest global setup started (or
 * DATABASE_URL's server): test files run in parallel and never see each other's rows.
 */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const serverUrl = process.env.HAVEN_TEST_DATABASE_SERVER ?? process.env.DATABASE_URL;
  if (!serverUrl) {
    throw new Error(
      'No test database server: run the tests through Jest (its global setup starts one) or set DATABASE_URL.',
    );
  }
  const name = `haven_${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      withClient(serverUrl, async (client) => {
        // Connections a test has just ended may still be closing (pg's pool.end() resolves before
        // its sockets close). Forced off now, their pool would emit an error nobody listens to.
        for (const until = Date.now() + 1_000; Date.now() < until;) {
          const { rows } = await client.query<{ open: number }>(
            'SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if (rows[0].open === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
