// The protection service through its GraphQL API and health endpoints, on a real PostgreSQL.
import { randomUUID } from 'node:crypto';
import { ServiceDatabase } from '@haven/platform/nest';
import {
  countQueries,
  startTestService,
  tcpProxy,
  TEST_ADMIN,
  type TestService,
} from '@haven/platform/nest/testing';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { generateDevKeys, IdentitySigner } from '@haven/platform/security';
import { Client } from 'pg';
import { AppModule } from './app.module';

let service: TestService;
let sql: Client;

beforeAll(async () => {
  service = await startTestService(AppModule, {
    migrations: [PROTECTION_MIGRATIONS],
    env: { HAVEN_READY_MAX_LAG_SECONDS: '1' },
  });
  sql = new Client({ connectionString: service.db.url });
  await sql.connect();
});

afterAll(async () => {
  await sql?.end();
  await service?.close();
});

const REGISTER = `
  mutation Register($input: RegisterBeneficiaryInput!) {
    registerBeneficiary(input: $input) {
      beneficiaryId
      streamVersion
      beneficiary { id referenceCode country sex minor registeredAt }
    }
  }`;

interface RegisterResult {
  registerBeneficiary: {
    beneficiaryId: string;
    streamVersion: number;
    beneficiary: {
      id: string;
      referenceCode: string;
      country: string;
      sex: string;
      minor: boolean;
      registeredAt: string;
    } | null;
  } | null;
}

async function register(input: Record<string, unknown>, headers?: Record<string, string>) {
  return service.graphql<RegisterResult>(REGISTER, { input }, headers);
}

async function referenceCodeOf(id: string): Promise<string> {
  let code: string | undefined;
  await waitUntil(async () => {
    const { rows } = await sql.query<{ reference_code: string }>(
      'SELECT reference_code FROM protection.beneficiaries WHERE id = $1',
      [id],
    );
    code = rows[0]?.reference_code;
    return code !== undefined;
  });
  return code!;
}

async function counts(): Promise<{ events: number; rows: number }> {
  const { rows } = await sql.query<{ events: number; rows: number }>(`
    SELECT (SELECT count(*)::int FROM event_store.events) AS events,
           (SELECT count(*)::int FROM protection.beneficiaries) AS rows`);
  return rows[0];
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function ready(
  url = service.url,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/health/ready`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('registering a beneficiary', () => {
  it('appends one BeneficiaryRegistered event with the request metadata and returns the beneficiary as queries show it', async () => {
    const response = await register(
      { country: 'TH', sex: 'FEMALE', minor: true },
      { 'x-correlation-id': 'case-intake-42' },
    );

    expect(response.body.errors).toBeUndefined();
    const payload = response.body.data!.registerBeneficiary!;
    expect(payload.streamVersion).toBe(1);
    expect(payload.beneficiary).toEqual({
      id: payload.beneficiaryId,
      referenceCode: expect.stringMatching(/^BEN-TH-\d{6}$/),
      country: 'TH',
      sex: 'FEMALE',
      minor: true,
      registeredAt: expect.any(String),
    });

    const { rows: events } = await sql.query(
      'SELECT type, data, metadata FROM event_store.events WHERE stream_id = $1',
      [beneficiaryStreamId(payload.beneficiaryId)],
    );
    expect(events).toEqual([
      {
        type: 'BeneficiaryRegistered',
        data: {
          beneficiaryId: payload.beneficiaryId,
          referenceCode: payload.beneficiary!.referenceCode,
          country: 'TH',
          sex: 'FEMALE',
          minor: true,
          // Schema version 2: the statistical attributes, unknown when not given (ADR 21).
          nationality: null,
          ageYears: null,
          // Schema version 3: the day of registration, today when not given.
          registeredOn: payload.beneficiary!.registeredAt.slice(0, 10),
          registeredAt: payload.beneficiary!.registeredAt,
        },
        metadata: expect.objectContaining({
          correlationId: 'case-intake-42',
          actorId: 'test-admin',
          role: 'admin',
          causationId: null,
        }),
      },
    ]);

    const query = await service.graphql<{ beneficiary: unknown }>(
      'query ($id: ID!) { beneficiary(id: $id) { id referenceCode country sex minor registeredAt } }',
      { id: payload.beneficiaryId },
    );
    expect(query.body).toEqual({ data: { beneficiary: payload.beneficiary } });
  });

  it('gives each beneficiary its own reference code', async () => {
    const codes = await Promise.all(
      ['LA', 'LA', 'MM'].map(async (country) => {
        const response = await register({ country, sex: 'UNKNOWN', minor: false });
        const { beneficiaryId, beneficiary } = response.body.data!.registerBeneficiary!;
        // The payload's record is null when the read model has not caught up within its wait
        // (a busy machine): read it once it has.
        return beneficiary?.referenceCode ?? (await referenceCodeOf(beneficiaryId));
      }),
    );
    expect(new Set(codes).size).toBe(3);
    expect(codes.filter((code) => code.startsWith('BEN-LA-'))).toHaveLength(2);
  });

  it('given a client id, when the same registration is sent twice, then there is one event and the same beneficiary both times', async () => {
    const id = randomUUID();
    const input = { id, country: 'VN', sex: 'MALE', minor: true };
    const first = await register(input);
    const again = await register(input);

    expect(again.body.data).toEqual(first.body.data);
    expect(first.body.data!.registerBeneficiary!.beneficiaryId).toBe(id);
    const { rows } = await sql.query(
      'SELECT count(*)::int AS n FROM event_store.events WHERE stream_id = $1',
      [beneficiaryStreamId(id)],
    );
    expect(rows[0].n).toBe(1);
  });

  it('given a client id, when the same registration is sent 6 times at once, then all get the same beneficiary and there is one event (conflicts are retried)', async () => {
    const id = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => register({ id, country: 'LA', sex: 'FEMALE', minor: true })),
    );
    for (const response of responses) {
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data).toEqual(responses[0].body.data);
    }
    const { rows } = await sql.query(
      'SELECT count(*)::int AS n FROM event_store.events WHERE stream_id = $1',
      [beneficiaryStreamId(id)],
    );
    expect(rows[0].n).toBe(1);
  });

  it('given a registered id, when it is registered with other facts, then it fails with CONFLICT and appends nothing', async () => {
    const id = randomUUID();
    await register({ id, country: 'TH', sex: 'FEMALE', minor: false });
    const before = await counts();

    const response = await register({ id, country: 'LA', sex: 'FEMALE', minor: false });

    expect(response.body.data).toBeNull();
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('already registered'),
        extensions: { code: 'CONFLICT', reason: 'BENEFICIARY_ALREADY_REGISTERED' },
      }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an id that is not a UUID', { id: 'not-a-uuid', country: 'TH', sex: 'FEMALE', minor: true }],
    ['an unknown country', { country: 'FR', sex: 'FEMALE', minor: true }],
    ['a missing field', { country: 'TH', sex: 'FEMALE' }],
  ])('given %s, then it fails with BAD_USER_INPUT and writes nothing', async (_case, input) => {
    const before = await counts();

    const response = await register(input);

    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(response.body.errors![0].message).toEqual(expect.any(String));
    expect(await counts()).toEqual(before);
  });

  it('names the invalid field of a class-validator failure, without a stack trace', async () => {
    const response = await register({ id: 'nope', country: 'TH', sex: 'FEMALE', minor: true });
    expect(response.body.errors).toEqual([
      {
        message: 'Invalid input: id must be a UUID.',
        locations: expect.any(Array),
        path: ['registerBeneficiary'],
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'id', messages: ['id must be a UUID'] }],
        },
      },
    ]);
  });
});

describe('querying beneficiaries', () => {
  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for an id that is not a UUID', async () => {
    const query = 'query ($id: ID!) { beneficiary(id: $id) { id } }';
    const unknown = await service.graphql(query, { id: randomUUID() });
    expect(unknown.body.data).toEqual({ beneficiary: null });
    expect(unknown.body.errors![0].extensions).toEqual({ code: 'NOT_FOUND' });

    const malformed = await service.graphql(query, { id: 'x' });
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
      const response: Awaited<ReturnType<typeof service.graphql<Page>>> =
        await service.graphql<Page>(page, { after });
      const { edges, pageInfo } = response.body.data!.beneficiaries;
      expect(edges.every(({ node }) => node.country === 'OTHER')).toBe(true);
      seen.push(...edges.map(({ node }) => node.id));
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(seen).toEqual(registered.map(({ id }) => id));
    expect(pages).toBe(3);

    const minors = await service.graphql<Page>(page, { minor: true });
    expect(minors.body.data!.beneficiaries.edges.map(({ node }) => node.id)).toEqual(
      registered
        .filter(({ minor }) => minor)
        .slice(0, 2)
        .map(({ id }) => id),
    );
  });

  it('refuses a page size over 100 and a cursor it did not make, with BAD_USER_INPUT', async () => {
    const tooMany = await service.graphql(
      '{ beneficiaries(first: 101) { pageInfo { hasNextPage } } }',
    );
    expect(tooMany.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });

    const forged = Buffer.from('position:1').toString('base64url');
    const badCursor = await service.graphql(
      'query ($after: String) { beneficiaries(after: $after) { pageInfo { hasNextPage } } }',
      { after: forged },
    );
    expect(badCursor.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('hides an unexpected failure behind INTERNAL_SERVER_ERROR, and logs it with the request id', async () => {
    await sql.query('ALTER TABLE protection.beneficiaries RENAME TO beneficiaries_away');
    try {
      const response = await service.graphql(
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
      const logged = service.logs.find(
        (line) =>
          line.msg === 'GraphQL resolver failed' &&
          (line.req as { id?: string })?.id === 'broken-1',
      );
      expect(logged).toBeDefined();
    } finally {
      await sql.query('ALTER TABLE protection.beneficiaries_away RENAME TO beneficiaries');
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
      service.graphql<{ _entities: Array<{ id: string; referenceCode: string } | null> }>(
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

describe('logs', () => {
  it('carry the request and correlation ids, echo the request id, and never hold headers, bodies or variables', async () => {
    const secretId = randomUUID();
    const response = await register(
      { id: secretId, country: 'TH', sex: 'FEMALE', minor: true },
      {
        authorization: 'Bearer very-secret-token',
        cookie: 'session=very-secret-cookie',
        'x-request-id': 'req-abc-123',
        'x-correlation-id': 'corr-xyz-789',
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-abc-123');
    expect(response.headers.get('x-correlation-id')).toBe('corr-xyz-789');

    const line = service.logs.find(
      (entry) =>
        entry.msg === 'request completed' && (entry.req as { id?: string })?.id === 'req-abc-123',
    );
    expect(line).toMatchObject({
      service: 'protection',
      correlationId: 'corr-xyz-789',
      req: { id: 'req-abc-123', method: 'POST', path: '/graphql' },
      res: { statusCode: 200 },
    });
    const raw = service.rawLogs();
    for (const secret of [
      'very-secret-token',
      'very-secret-cookie',
      secretId,
      'RegisterBeneficiaryInput',
    ]) {
      expect(raw).not.toContain(secret);
    }
  });

  it('replace a request id that is not a plain token with a new one', async () => {
    const response = await fetch(`${service.url}/health/live`, {
      headers: { 'x-request-id': 'bad id\twith spaces' },
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('health', () => {
  it('is live, and ready with the database up and the projection caught up', async () => {
    const live = await fetch(`${service.url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ service: 'protection', status: 'live' });

    await waitUntil(async () => (await ready()).status === 200);
    const { body } = await ready();
    expect(body).toMatchObject({
      service: 'protection',
      ready: true,
      database: 'up',
      projections: [
        'protection.beneficiaries',
        'protection.protection_cases.v2',
        'protection.case_investigation_notes',
        'protection.timeline',
        // The reactor that opens a case for each referral is reported like the projections.
        'protection.case-opener',
      ].map((name) => ({ name, state: 'running', lagPositions: 0, lagSeconds: 0 })),
    });

    const status = await service.graphql<{ protectionStatus: unknown }>(
      '{ protectionStatus { service ready projections { name state lagPositions } } }',
    );
    expect(status.body.data).toEqual({
      protectionStatus: {
        service: 'protection',
        ready: true,
        projections: [
          'protection.beneficiaries',
          'protection.protection_cases.v2',
          'protection.case_investigation_notes',
          'protection.timeline',
          'protection.case-opener',
        ].map((name) => ({ name, state: 'running', lagPositions: 0 })),
      },
    });
  });

  it('is not ready (503, with the reason) while the projection lags more than the threshold, and ready again once it catches up', async () => {
    const blocker = new Client({ connectionString: service.db.url });
    await blocker.connect();
    try {
      // Hold the projection's checkpoint row: its next batch waits, the runner keeps running.
      await blocker.query('BEGIN');
      await blocker.query(
        `SELECT position FROM projections.checkpoints WHERE name = 'protection.beneficiaries' FOR UPDATE`,
      );
      const id = randomUUID();
      await service.app.get(ServiceDatabase).eventStore.append(
        beneficiaryStreamId(id),
        [
          {
            type: 'BeneficiaryRegistered',
            data: {
              beneficiaryId: id,
              referenceCode: `BEN-TH-${Date.now()}`,
              country: 'TH',
              sex: 'FEMALE',
              minor: true,
              registeredAt: new Date().toISOString(),
            },
            metadata: {
              actorId: 'test',
              role: 'test',
              organisationId: null,
              correlationId: 'lag-test',
              causationId: null,
              occurredAt: new Date().toISOString(),
            },
          },
        ],
        'no_stream',
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));

      const lagging = await ready();
      expect(lagging.status).toBe(503);
      expect(lagging.body).toMatchObject({
        ready: false,
        database: 'up',
        reason: expect.stringMatching(/protection\.beneficiaries is .* s behind \(at most 1 s\)/),
      });
    } finally {
      await blocker.query('COMMIT');
      await blocker.end();
    }
    await waitUntil(async () => (await ready()).status === 200);
  });

  it('starts without a reachable database, answers 503 until it connects, then 200, and 503 again when the database goes away', async () => {
    const target = new URL(service.db.url);
    const proxy = await tcpProxy({ host: target.hostname, port: Number(target.port) });
    const unreachable = await startTestService(AppModule, {
      migrations: [PROTECTION_MIGRATIONS],
      databaseUrl: (url) => {
        const through = new URL(url);
        through.port = String(proxy.port);
        return through.toString();
      },
    });
    try {
      const before = await ready(unreachable.url);
      expect(before.status).toBe(503);
      expect(before.body).toMatchObject({
        ready: false,
        database: 'down',
        reason: expect.stringContaining('not connected yet'),
      });
      expect(JSON.stringify(before.body)).not.toContain(target.password);
      expect((await fetch(`${unreachable.url}/health/live`)).status).toBe(200);

      await proxy.up();
      await waitUntil(async () => (await ready(unreachable.url)).status === 200);

      await proxy.down();
      const after = await ready(unreachable.url);
      expect(after.status).toBe(503);
      expect(after.body).toMatchObject({
        database: 'down',
        reason: expect.stringContaining('unreachable'),
      });
    } finally {
      await proxy.down();
      await unreachable.close();
    }
  });
});

describe('who may do what in protection', () => {
  const officer = (countries: string[]) =>
    ({
      subject: 'officer-1',
      role: 'protection_officer',
      countries,
      organisationId: 'alliance',
    }) as const;
  const partner = (organisationId: string) =>
    ({
      subject: `partner-${organisationId}`,
      role: 'partner',
      countries: [],
      organisationId,
    }) as const;
  const watchdog = {
    subject: 'watchdog-1',
    role: 'watchdog',
    countries: ['TH'],
    organisationId: null,
  } as const;

  it('refuses a request without the gateway identity, or with a forged one, and writes nothing', async () => {
    const before = await counts();
    const bare = await service.graphql(
      REGISTER,
      { input: { country: 'TH', sex: 'FEMALE', minor: false } },
      {},
      { as: null },
    );
    expect(bare.status).toBe(401);
    expect(bare.body.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'IDENTITY_MISSING',
    });

    // Signed by another key than the gateway's.
    const forged = await new IdentitySigner(generateDevKeys().identity.privateJwk).sign({
      subject: 'intruder',
      role: 'admin',
      countries: 'all',
      organisationId: null,
    });
    const forgedResponse = await service.graphql(
      REGISTER,
      { input: { country: 'TH', sex: 'FEMALE', minor: false } },
      { 'x-haven-identity': forged },
      { as: null },
    );
    expect(forgedResponse.status).toBe(401);
    expect(forgedResponse.body.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'IDENTITY_INVALID',
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a role its policy does not list, and writes nothing', async () => {
    const before = await counts();
    const response = await service.graphql(
      REGISTER,
      { input: { country: 'TH', sex: 'FEMALE', minor: false } },
      {},
      { as: watchdog },
    );
    expect(response.body.data).toBeNull();
    expect(response.body.errors?.[0]).toMatchObject({
      message: 'The watchdog role may not use Mutation.registerBeneficiary.',
      extensions: { code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' },
    });
    expect(await counts()).toEqual(before);
  });

  it('keeps a country officer to their countries, for writes and reads', async () => {
    const before = await counts();
    const elsewhere = await service.graphql(
      REGISTER,
      { input: { country: 'LA', sex: 'FEMALE', minor: false } },
      {},
      { as: officer(['TH']) },
    );
    expect(elsewhere.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OUT_OF_SCOPE',
    });
    expect(await counts()).toEqual(before);

    const laos = await register({ country: 'LA', sex: 'MALE', minor: true });
    const laosId = laos.body.data!.registerBeneficiary!.beneficiaryId;
    const read = await service.graphql(
      'query ($id: ID!) { beneficiary(id: $id) { id referenceCode } }',
      { id: laosId },
      {},
      { as: officer(['TH']) },
    );
    expect(read.body.data?.beneficiary).toBeNull();
    expect(read.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(JSON.stringify(read.body)).not.toContain('BEN-LA');

    const list = await service.graphql<{
      beneficiaries: { edges: Array<{ node: { country: string } }> };
    }>(
      '{ beneficiaries(first: 100) { edges { node { country } } } }',
      {},
      {},
      {
        as: officer(['TH']),
      },
    );
    const countries = new Set(list.body.data!.beneficiaries.edges.map((e) => e.node.country));
    expect([...countries]).toEqual(['TH']);
  });

  it("shows a partner its own organisation's beneficiaries and no one else's", async () => {
    const own = await service.graphql<RegisterResult>(
      REGISTER,
      { input: { country: 'MM', sex: 'FEMALE', minor: false } },
      {},
      { as: partner('ngo-a') },
    );
    const ownId = own.body.data!.registerBeneficiary!.beneficiaryId;
    const other = await service.graphql<RegisterResult>(
      REGISTER,
      { input: { country: 'MM', sex: 'FEMALE', minor: false } },
      {},
      { as: partner('ngo-b') },
    );
    const otherId = other.body.data!.registerBeneficiary!.beneficiaryId;

    const list = await service.graphql<{
      beneficiaries: { edges: Array<{ node: { id: string } }> };
    }>(
      '{ beneficiaries(first: 100) { edges { node { id } } } }',
      {},
      {},
      {
        as: partner('ngo-a'),
      },
    );
    expect(list.body.data!.beneficiaries.edges.map((e) => e.node.id)).toEqual([ownId]);

    const read = await service.graphql(
      'query ($id: ID!) { beneficiary(id: $id) { id } }',
      { id: otherId },
      {},
      { as: partner('ngo-a') },
    );
    expect(read.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OUT_OF_SCOPE',
    });
  });

  it('gives a watchdog no beneficiary at all', async () => {
    const list = await service.graphql(
      '{ beneficiaries(first: 5) { edges { node { id } } } }',
      {},
      {},
      { as: watchdog },
    );
    expect(list.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('limits in the subgraph itself', () => {
  it('refuses 1,000 aliases and a document over the depth limit, with the gateway identity', async () => {
    // 1,000 aliases in 3,000 tokens: within the parser's token limit, refused by the alias rule.
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`);
    const wide = await service.graphql(`{ ${aliases.join(' ')} }`);
    expect(wide.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(wide.body.data).toBeUndefined();
    // 1,000 aliases of a selection, over 5,000 tokens: refused while parsing, as at the gateway.
    const long = Array.from({ length: 1000 }, (_, i) => `a${i}: protectionStatus { ready }`);
    const parsed = await service.graphql(`{ ${long.join(' ')} }`);
    expect(parsed.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
    expect(parsed.body.data).toBeUndefined();
  });

  it('refuses a body over 100 kB with 413, before any GraphQL runs', async () => {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await service.identityHeaders(TEST_ADMIN)),
      },
      body: JSON.stringify({
        query: `{ protectionStatus { ready } }`,
        padding: 'x'.repeat(200_000),
      }),
    });
    expect(response.status).toBe(413);
  });
});
