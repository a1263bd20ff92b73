import { Writable } from 'node:stream';
import type { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { MigrationSet } from '@haven/platform/database';
import { runMigrations } from '@haven/platform/database';
import { migrateEventStore } from '@haven/platform/event-store';
import { migratePrivacy } from '@haven/platform/privacy';
import { migrateProjections } from '@haven/platform/projections';
import {
  generateDevKeys,
  IDENTITY_HEADER,
  IdentitySigner,
  type Principal,
} from '@haven/platform/security';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { configureServiceApp } from '../bootstrap';
import { LOG_DESTINATION } from '../logging';

export interface GraphQLResponse<Data = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: Data | null;
    errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
  };
}

/** The principal test requests run as unless they say otherwise. */
export const TEST_ADMIN: Principal = {
  subject: 'test-admin',
  role: 'admin',
  countries: 'all',
  organisationId: null,
};

export interface TestService {
  app: INestApplication;
  /** The base URL it listens on (a random port on 127.0.0.1). */
  url: string;
  db: TestDatabase;
  /** Every log line written so far, parsed. */
  logs: Array<Record<string, unknown>>;
  /** Raw log text, to prove something never appears in it. */
  rawLogs(): string;
  /**
   * A GraphQL request as the gateway would send it, with a signed identity: an admin's unless
   * `as` names another principal (or null: no identity at all).
   */
  graphql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
    options?: { as?: Principal | null },
  ): Promise<GraphQLResponse<Data>>;
  /** The identity header the gateway would send for a principal. */
  identityHeaders(principal: Principal): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * A service's real AppModule on a fresh database, listening on a random port, as main.ts wires
 * it (same logging setup), with its log lines captured. Migrates the event store, the
 * checkpoints, the privacy schema and the given schemas first (the service itself never migrates).
 */
export async function startTestService(
  module: Type<unknown>,
  options: {
    migrations: MigrationSet[];
    env?: Record<string, string>;
    /** The URL the service connects to, from the test database's (e.g. through a proxy). */
    databaseUrl?: (testDatabaseUrl: string) => string;
  },
): Promise<TestService> {
  const db = await createTestDatabase(options.migrations[0]?.schema ?? 'service');
  await migrateEventStore(db.url);
  await migrateProjections(db.url);
  await migratePrivacy(db.url);
  for (const set of options.migrations) await runMigrations(db.url, set);

  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  // The gateway's identity keys, made for this service alone.
  const keys = generateDevKeys();
  const signer = new IdentitySigner(keys.identity.privateJwk);
  const previous = { ...process.env };
  Object.assign(process.env, {
    DATABASE_URL: options.databaseUrl ? options.databaseUrl(db.url) : db.url,
    LOG_LEVEL: 'info',
    HAVEN_IDENTITY_PUBLIC_KEY: JSON.stringify(keys.identity.publicJwk),
    HAVEN_MASTER_KEY: keys.masterKey,
    ...options.env,
  });
  let app: INestApplication;
  try {
    const moduleRef = await Test.createTestingModule({ imports: [module] })
      .overrideProvider(LOG_DESTINATION)
      .useValue(destination)
      .compile();
    app = configureServiceApp(moduleRef.createNestApplication({ bufferLogs: true }));
    await app.listen(0, '127.0.0.1');
  } finally {
    process.env = previous;
  }
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  return {
    app,
    url,
    db,
    get logs() {
      return chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    rawLogs: () => chunks.join(''),
    identityHeaders: async (principal) => ({ [IDENTITY_HEADER]: await signer.sign(principal) }),
    async graphql(query, variables, headers = {}, { as = TEST_ADMIN } = {}) {
      const identity: Record<string, string> = as
        ? { [IDENTITY_HEADER]: await signer.sign(as) }
        : {};
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...identity, ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as GraphQLResponse<never>['body'],
      };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
