import { randomUUID } from 'node:crypto';
import type { Type } from '@nestjs/common';
import type { MigrationSet } from '@haven/platform/database';
import { Client } from 'pg';
import { countQueries } from './count-queries';
import { startTestService, type TestService } from './test-service';

export interface CountExtension {
  /** The service's AppModule. */
  module: Type<unknown>;
  migrations: MigrationSet;
  /** `legal`: its status field is `legalStatus`. */
  service: string;
  /** The read-model table, `schema.table`, with `beneficiary_id` and `count`. */
  table: string;
  /** The field the service adds to Beneficiary. */
  field: string;
}

/**
 * The specification every subgraph that adds a count to protection's Beneficiary meets, run
 * against its real app and read-model table: counts by id, 0 without a row, one SQL query for all
 * the entities of a request, and an honest `<service>Status`.
 */
export function describeCountExtension(extension: CountExtension): void {
  const { service: name, table, field } = extension;
  let service: TestService;
  let sql: Client;

  beforeAll(async () => {
    service = await startTestService(extension.module, { migrations: [extension.migrations] });
    sql = new Client({ connectionString: service.db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await service?.close();
  });

  describe(`${name}: Beneficiary.${field}`, () => {
    it(`resolves the ${field} of 60 beneficiaries with one SQL query; no row means 0`, async () => {
      const ids: string[] = Array.from({ length: 60 }, () => randomUUID());
      ids[7] = 'not-a-uuid';
      const stored = new Map([
        [ids[0], 3],
        [ids[1], 1],
        [ids[59], 12],
      ]);
      for (const [id, count] of stored) {
        await sql.query(`INSERT INTO ${table} (beneficiary_id, count) VALUES ($1, $2)`, [
          id,
          count,
        ]);
      }

      const { result, statements } = await countQueries(new RegExp(table.split('.')[1]), () =>
        service.graphql<{ _entities: Array<Record<string, unknown>> }>(
          `query ($representations: [_Any!]!) {
            _entities(representations: $representations) { ... on Beneficiary { id ${field} } }
          }`,
          { representations: ids.map((id) => ({ __typename: 'Beneficiary', id })) },
        ),
      );

      expect(result.body.errors).toBeUndefined();
      expect(result.body.data!._entities).toEqual(
        ids.map((id) => ({ id, [field]: stored.get(id) ?? 0 })),
      );
      expect(statements).toHaveLength(1);
    });

    it(`answers ${name}Status from its real checks`, async () => {
      const response = await service.graphql(
        `{ ${name}Status { service ready reason projections { name } } }`,
      );
      expect(response.body).toEqual({
        data: { [`${name}Status`]: { service: name, ready: true, reason: null, projections: [] } },
      });
      const ready = await fetch(`${service.url}/health/ready`);
      expect(ready.status).toBe(200);
    });
  });
}
