import type { Type } from '@nestjs/common';
import { Client } from 'pg';
import { startTestService, type TestService } from './test-service';

/** A service started for one spec file, and a connection to its database. */
export interface UsedTestService {
  /** The running service: read it inside tests and hooks, never at a file's top level. */
  readonly service: TestService;
  /** A connection to the service's database: inside tests and hooks only, like `service`. */
  readonly sql: Client;
}

/**
 * Starts `module` on its own database before the file's tests (startTestService) with a
 * connection to that database, and closes both after them. Call it once, at the top level of a
 * spec file (or of a harness that file calls); hooks declared after it see the service started.
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
  return {
    get service() {
      return started().service;
    },
    get sql() {
      return started().sql;
    },
  };
}
