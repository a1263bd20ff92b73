// Reading beneficiaries through protection's GraphQL API, on a real PostgreSQL: one by id, pages
// of a country with cursors and filters, the refusal of bad arguments, an unexpected failure
// hidden from the client, and the Beneficiary entity the gateway resolves in one SQL query.
import { randomUUID } from 'node:crypto';
import { countQueries } from '@haven/platform/nest/testing';
import { useProtectionService } from './testing/protection-spec-harness';

const protection = useProtectionService();
const { register } = protection;

describe('querying beneficiaries', () => {
  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for an id that is not a UUID', async () => {
    const query = 'query ($id: ID!) { beneficiary(id: $id) { id } }';
    const unknown = await protection.service.graphql(query, { id: randomUUID() });
    expect(unknown.body.data).toEqual({ beneficiary: null });
    expect(unknown.body.errors![0].extensions).toEqual({ code: 'NOT_FOUND' });

    const malformed = await protection.service.graphql(query, { id: 'x' });
    expect(malformed.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('pages through one country in registration order with cursors, filtered by minor', async () => {
    const registered: Array<{ id: string; minor: boolean }> = [];
    for (const minor of [true, false, true, true, false]) {
      const response = await register({ country: 'OTHER', sex: 'OTHER', minor });
      registered.push({ id: response.body.data!.registerBeneficiary!.beneficiaryId, minor });
    }
    const page = `query ($after: String, $minor: Boolean) {
      beneficiaries(country: OTHER, minor: $minor, first: 2, after: $after) {
        edges { cursor node { id country minor } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    type Page = {
      beneficiaries: {
        edges: Array<{ cursor: string; node: { id: string; country: string; minor: boolean } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const response: Awaited<ReturnType<typeof protection.service.graphql<Page>>> =
        await protection.service.graphql<Page>(page, { after });
      const { edges, pageInfo } = response.body.data!.beneficiaries;
      expect(edges.every(({ node }) => node.country === 'OTHER')).toBe(true);
      seen.push(...edges.map(({ node }) => node.id));
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(seen).toEqual(registered.map(({ id }) => id));
    expect(pages).toBe(3);

    const minors = await protection.service.graphql<Page>(page, { minor: true });
    expect(minors.body.data!.beneficiaries.edges.map(({ node }) => node.id)).toEqual(
      registered
        .filter(({ minor }) => minor)
        .slice(0, 2)
        .map(({ id }) => id),
    );
  });

  it('refuses a page size over 100 and a cursor it did not make, with BAD_USER_INPUT', async () => {
    const tooMany = await protection.service.graphql(
      '{ beneficiaries(first: 101) { pageInfo { hasNextPage } } }',
    );
    expect(tooMany.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });

    const forged = Buffer.from('position:1').toString('base64url');
    const badCursor = await protection.service.graphql(
      'query ($after: String) { beneficiaries(after: $after) { pageInfo { hasNextPage } } }',
      { after: forged },
    );
    expect(badCursor.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('hides an unexpected failure behind INTERNAL_SERVER_ERROR, and logs it with the request id', async () => {
    await protection.sql.query('ALTER TABLE protection.beneficiaries RENAME TO beneficiaries_away');
    try {
      const response = await protection.service.graphql(
        '{ beneficiaries { pageInfo { hasNextPage } } }',
        undefined,
        { 'x-request-id': 'broken-1' },
      );
      expect(response.body.errors).toEqual([
        {
          message: 'Internal server error',
          locations: expect.any(Array),
          path: ['beneficiaries'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      expect(JSON.stringify(response.body)).not.toContain('beneficiaries_away');
      expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts/);
      const logged = protection.service.logs.find(
        (line) =>
          line.msg === 'GraphQL resolver failed' &&
          (line.req as { id?: string })?.id === 'broken-1',
      );
      expect(logged).toBeDefined();
    } finally {
      await protection.sql.query(
        'ALTER TABLE protection.beneficiaries_away RENAME TO beneficiaries',
      );
    }
  });
});

describe('the Beneficiary entity for the gateway', () => {
  it('resolves 100 references with one SQL query, in order, null for unknown ids', async () => {
    const known: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await register({ country: 'MM', sex: 'FEMALE', minor: true });
      known.push(response.body.data!.registerBeneficiary!.beneficiaryId);
    }
    const ids = Array.from({ length: 100 }, (_, i) => (i < known.length ? known[i] : randomUUID()));
    ids[50] = 'not-a-uuid';
    const representations = ids.map((id) => ({ __typename: 'Beneficiary', id }));

    const { result, statements } = await countQueries(/"protection"\."beneficiaries"/, () =>
      protection.service.graphql<{
        _entities: Array<{ id: string; referenceCode: string } | null>;
      }>(
        `query ($representations: [_Any!]!) {
          _entities(representations: $representations) { ... on Beneficiary { id referenceCode } }
        }`,
        { representations },
      ),
    );

    expect(result.body.errors).toBeUndefined();
    const entities = result.body.data!._entities;
    expect(entities).toHaveLength(100);
    expect(entities.slice(0, 3).map((entity) => entity?.id)).toEqual(known);
    expect(entities.slice(3).every((entity) => entity === null)).toBe(true);
    expect(statements).toHaveLength(1);
  });
});
