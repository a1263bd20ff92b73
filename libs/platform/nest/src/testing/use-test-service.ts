import type { Type } from '@nestjs/common';
import type { PostgresEventStore } from '@haven/platform/event-store';
import { eventCount } from '@haven/platform/testing';
import { Client } from 'pg';
import { ServiceDatabase } from '../database';
import { startTestService, type TestService } from './test-service';

/** A service started for one spec file, a connection to its database, and its event store. */
export interface UsedTestService {
  /** The running service: read it inside tests and hooks, never at a file's top level. */
  readonly service: TestService;
  /** A connection to the service's database: inside tests and hooks only, like `service`. */
  readonly sql: Client;
  /** The service's own event store: appending through it leaves the spec no pool to close. */
  readonly store: PostgresEventStore;
  /** Resolves once the service's projections have read the log up to `position` (all of it). */
  caughtUp(position?: number): Promise<void>;
  /** How many events the whole log holds (eventCount of @haven/platform/testing). */
  eventCount(): Promise<number>;
}

/**
 * Starts `module` on its own database before the file's tests (startTestService) with a
 * connection to that database, and closes both after them. Call it once, at the top level of a
 * spec file (or of a harness that file calls, which adds its helpers with withHelpers); hooks
 * declared after it see the service started.
 */
export function useTestService(
  module: Type<unknown>,
  options: Parameters<typeof startTestService>[1],
): UsedTestService {
  let service: TestService | undefined;
  let sql: Client | undefined;

  beforeAll(async () => {
    service = await startTestService(module, options);
    sql = new Client({ connectionString: service.db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await service?.close();
  });

  const started = () => {
    if (!service || !sql) {
      throw new Error('useTestService: the service starts in beforeAll; use it in tests and hooks');
    }
    return { service, sql };
  };
  const database = () => started().service.app.get(ServiceDatabase);
  return {
    get service() {
      return started().service;
    },
    get sql() {
      return started().sql;
    },
    get store() {
      return database().eventStore;
    },
    async caughtUp(position) {
      await database().waitForProjections(position ?? (await database().eventStore.headPosition()));
    },
    eventCount() {
      return eventCount(started().sql);
    },
  };
}

/**
 * A harness: `used` with a service's own helpers beside it. Its getters are copied as getters,
 * so they still read the service only once it has started.
 */
export function withHelpers<Helpers extends object>(
  used: UsedTestService,
  helpers: Helpers,
): UsedTestService & Helpers {
  return Object.defineProperties(
    helpers,
    Object.getOwnPropertyDescriptors(used),
  ) as UsedTestService & Helpers;
}
