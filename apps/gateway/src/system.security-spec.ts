// Hostile requests against the whole of Haven: the real gateway and the five real services, as
// child processes on a fresh, migrated database. Every refusal is checked three ways: at the
// client (HTTP status, `extensions.code`, `reason`), in the database (no table gained or lost a
// row) and for leaks (no personal data or token text in any process's log or in any answer
// that was not an allowed read of personal details).
import { randomBytes, randomInt } from 'node:crypto';
import {
  createTestDatabase,
  everyTable,
  findClearText,
  type TestDatabase,
} from '@haven/platform/testing';
import {
  DEFAULT_AUDIENCE,
  DEV_ISSUER,
  generateDevKeys,
  IdentitySigner,
  type DevTokenOptions,
  type Principal,
} from '@haven/platform/security';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import { base64url, generateKeyPair, SignJWT } from 'jose';
import { Client } from 'pg';
import { TrustedDocuments } from './trusted-documents';
import {
  migrate,
  startSystem,
  SUBGRAPHS,
  type ServiceProcess,
  type System,
} from './testing/system';

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  error?: string;
}

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: GraphQLBody;
}

type Personal = Record<string, string>;

const REGISTER = `mutation Register($input: RegisterBeneficiaryInput!) {
  registerBeneficiary(input: $input) { beneficiaryId }
}`;
const PERSONAL_SELECTION =
  'givenName familyName dateOfBirth phone address identityDocumentNumber notes erased';
const READ_PERSONAL = `query ReadPersonal($id: ID!) {
  beneficiary(id: $id) { id personalDetails(purpose: "case review") { ${PERSONAL_SELECTION} } }
}`;
const READ_RECORD = `query ReadRecord($id: ID!) { beneficiary(id: $id) { id referenceCode country } }`;
const LIST = `query List { beneficiaries(first: 100) { edges { node { id country } } } }`;
const ERASE = `mutation Erase($input: EraseBeneficiaryInput!) {
  eraseBeneficiary(input: $input) { beneficiaryId status }
}`;

/** Every personal value this file sends: none may reach a log, or an answer that is not a read. */
const personalStrings: string[] = [];
/** Every token this file sends, valid or not: none may reach a log or an answer. */
const tokens: string[] = [];
/** Every answer this file received; `personalRead` marks an allowed read of personal details. */
const replies: Array<{ label: string; text: string; personalRead: boolean }> = [];

function personalDetails(): Personal {
  const tag = randomBytes(4).toString('hex');
  const digits = String(randomInt(10_000_000, 99_999_999));
  const personal = {
    givenName: `Kanyarat${tag}`,
    familyName: `Srisuk-${tag}`,
    dateOfBirth: `20${randomInt(10, 19)}-0${randomInt(1, 10)}-${randomInt(10, 29)}`,
    phone: `+66 81 ${digits}`,
    address: `${randomInt(1, 99)} Soi Wat Phra Kaew ${tag}, Chiang Rai`,
    identityDocumentNumber: `TH-P${digits}`,
    notes: `Found at the Mae Sai crossing ${tag}; speaks Akha`,
  };
  personalStrings.push(...Object.values(personal));
  return personal;
}

/** Personal fields a hostile client might try: each is data, stored and returned as it is. */
const INJECTIONS: Personal[] = [
  {
    givenName: "'); DROP TABLE protection.beneficiaries; --",
    familyName: "' OR '1'='1",
    address: "Robert'); DELETE FROM event_store.events WHERE '1'='1'; --",
    notes: "'; UPDATE privacy.person_keys SET wrapped_key = NULL; SELECT pg_sleep(10); --",
    identityDocumentNumber: 'A1/../../etc/passwd',
    // With a birth date, like the ordinary registration: both then write the same match keys.
    dateOfBirth: '2011-05-17',
  },
  {
    givenName: '<script>alert(1)</script>',
    familyName: "{{constructor.constructor('return 1')()}}",
    address: '<img src=x onerror=alert(document.cookie)> javascript:alert(1)//',
    notes: '${7*7} #{7*7} %s%n%x {"$gt": ""} __proto__[admin]=true',
    dateOfBirth: '2013-07-08',
  },
  {
    givenName: 'Ngọc "Lan" O\u2019Brien-O\'Neil',
    familyName: 'ພອນສະຫວັນ 🌸 \u202Eevil\u202C zero\u200Bwidth',
    address: 'Zürich — "Straße" \'quoted\' `back` \\ /* comment */ ; --',
    notes: 'line one\nline two\tafter a tab, 中文, العربية, emoji 👩‍👧',
    phone: '+66 (0) 81-234.5678',
    dateOfBirth: '2012-02-29',
  },
];
for (const injection of INJECTIONS) personalStrings.push(...Object.values(injection));

async function send(
  label: string,
  url: string,
  init: RequestInit,
  personalRead = false,
): Promise<Reply> {
  const response = await fetch(url, init);
  const text = await response.text();
  replies.push({ label, text, personalRead });
  let body: GraphQLBody = {};
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    // Not JSON: the test looks at the text.
  }
  return { status: response.status, headers: response.headers, text, body };
}

function onlyError(reply: Reply) {
  expect(reply.body.errors).toHaveLength(1);
  return reply.body.errors![0];
}

/** The strings inside a JSON line, unescaped, and the line itself: where a needle could hide. */
function searchable(text: string): string[] {
  const found = [text];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') found.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        found.push(key);
        collect(inner);
      }
    }
  };
  try {
    collect(JSON.parse(text));
  } catch {
    // Not JSON: searched as it is.
  }
  return found;
}

/** The parts of a token that identify it (its payload and signature; headers are alike). */
function tokenParts(token: string): string[] {
  return token
    .split('.')
    .slice(1)
    .filter((part) => part.length >= 16);
}

const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}/;

describe('Haven under hostile requests, through its real gateway and services', () => {
  let database: TestDatabase;
  let system: System;
  let sql: Client;
  let adminToken: string;

  async function token(options: DevTokenOptions): Promise<string> {
    const minted = await system.token(options);
    tokens.push(minted);
    return minted;
  }

  function viaGateway(
    label: string,
    bearer: string | undefined,
    body: unknown,
    options: { personalRead?: boolean; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    return send(
      label,
      system.gatewayUrl,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify(body),
      },
      options.personalRead,
    );
  }

  function registered(reply: Reply): string {
    expect(reply.body.errors).toBeUndefined();
    const payload = reply.body.data!.registerBeneficiary as { beneficiaryId: string };
    return payload.beneficiaryId;
  }

  async function register(bearer: string, input: Record<string, unknown>): Promise<string> {
    return registered(
      await viaGateway('register', bearer, { query: REGISTER, variables: { input } }),
    );
  }

  /**
   * Waits until every service's projections have caught up with the event log (asked of each
   * service directly, past the recording proxies), so that a count taken next is final.
   */
  async function projectionsSettled(): Promise<void> {
    const identity = await new IdentitySigner(system.keys.identity.privateJwk).sign({
      subject: 'security-settle',
      role: 'admin',
      countries: 'all',
      organisationId: null,
    });
    const deadline = Date.now() + 10_000;
    const caughtUp = async (name: string, origin: string) => {
      for (;;) {
        const response = await fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-haven-identity': identity },
          body: JSON.stringify({ query: `{ ${name}Status { projections { lagPositions } } }` }),
        });
        const { data } = (await response.json()) as {
          data: Record<string, { projections: Array<{ lagPositions: number | null }> }>;
        };
        if (data[`${name}Status`].projections.every((p) => !p.lagPositions)) return;
        if (Date.now() > deadline) throw new Error(`${name}'s projections did not catch up`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await Promise.all(
      Object.entries(system.subgraphs).map(([name, service]) => caughtUp(name, service.origin)),
    );
  }

  /** Rows in every table of the database: a refused request leaves every count as it was. */
  async function rowCounts(): Promise<Record<string, number>> {
    await projectionsSettled();
    // The audit trees and the access log's chain follow the logs in the background, at their own
    // pace: what a request changes is read off every other table (audit has specs of its own).
    const tables = (await everyTable(sql)).filter(
      (table) => !table.startsWith('audit.') && table !== 'privacy.access_log_chain',
    );
    const { rows } = await sql.query<{ name: string; n: number }>(
      tables
        .map((table, i) => `SELECT $${i + 1}::text AS name, count(*)::int AS n FROM ${table}`)
        .join(' UNION ALL '),
      tables,
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.n]));
  }

  function subgraphCalls(): Record<string, number> {
    return Object.fromEntries(
      Object.entries(system.proxies).map(([name, proxy]) => [name, proxy.calls.length]),
    );
  }

  // Every registered subgraph, none of them called.
  const NO_CALLS = Object.fromEntries(SUBGRAPHS.map((subgraph) => [subgraph.name, 0]));

  beforeAll(async () => {
    database = await createTestDatabase('system_security');
    await migrate(database.url);
    // `info`: every request's log line, so that the leak check below reads what production logs.
    system = await startSystem({ databaseUrl: database.url, logLevel: 'info' });
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    adminToken = await token({ role: 'admin', subject: 'security-admin' });
  }, 180_000);

  afterAll(async () => {
    await sql?.end();
    await system?.stop();
    await database?.drop();
  }, 60_000);

  beforeEach(() => {
    for (const proxy of Object.values(system.proxies)) proxy.calls.length = 0;
  });

  describe('tokens: refused at the gateway with 401, before any service is called', () => {
    const mutation = () => ({
      query: REGISTER,
      variables: {
        input: { country: 'TH', sex: 'FEMALE', minor: true, personal: personalDetails() },
      },
    });

    async function expectUnauthenticated(
      label: string,
      bearer: string | undefined,
      reason: string,
    ) {
      const before = await rowCounts();
      const reply = await viaGateway(label, bearer, mutation(), {
        headers: { 'x-request-id': `req-${label}` },
      });
      expect({ label, status: reply.status }).toEqual({ label, status: 401 });
      expect(reply.headers.get('www-authenticate')).toBe('Bearer');
      expect(reply.body).toEqual({
        errors: [
          {
            message: expect.any(String),
            extensions: { code: 'UNAUTHENTICATED', reason, requestId: `req-${label}` },
          },
        ],
      });
      expect(subgraphCalls()).toEqual(NO_CALLS);
      expect(await rowCounts()).toEqual(before);
    }

    it('registers with a valid token (so the checks below can fail)', async () => {
      const before = await rowCounts();
      const reply = await viaGateway('valid token', adminToken, mutation());
      registered(reply);
      expect(system.proxies.protection.calls).toHaveLength(1);
      const after = await rowCounts();
      expect(after['event_store.events']).toBe(before['event_store.events'] + 1);
      expect(after['protection.beneficiaries']).toBe(before['protection.beneficiaries'] + 1);
    });

    it('refuses a request without a token, or with a malformed Authorization header', async () => {
      await expectUnauthenticated('no-token', undefined, 'TOKEN_MISSING');
      const before = await rowCounts();
      const reply = await send('basic-auth', system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Basic YWRtaW46YWRtaW4=' },
        body: JSON.stringify(mutation()),
      });
      expect(reply.status).toBe(401);
      expect(onlyError(reply).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'TOKEN_MISSING',
      });
      expect(subgraphCalls()).toEqual(NO_CALLS);
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses an expired token and a token not valid yet', async () => {
      await expectUnauthenticated(
        'expired',
        await token({ role: 'admin', ttlSeconds: -3600 }),
        'TOKEN_EXPIRED',
      );
      await expectUnauthenticated(
        'not-yet-valid',
        await token({ role: 'admin', notBeforeSeconds: 3600 }),
        'TOKEN_NOT_YET_VALID',
      );
    });

    it('refuses a token from another issuer, or for another audience', async () => {
      await expectUnauthenticated(
        'wrong-issuer',
        await token({ role: 'admin', issuer: 'https://id.example.org' }),
        'TOKEN_WRONG_ISSUER',
      );
      await expectUnauthenticated(
        'wrong-audience',
        await token({ role: 'admin', audience: 'another-application' }),
        'TOKEN_WRONG_AUDIENCE',
      );
    });

    it('refuses forged signatures: another key under the issuer’s kid, a payload altered after signing', async () => {
      const { privateKey } = await generateKeyPair('ES256');
      const forged = await new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: 'ES256', kid: system.keys.issuer.privateJwk.kid, typ: 'JWT' })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEFAULT_AUDIENCE)
        .setSubject('forger')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
      tokens.push(forged);
      await expectUnauthenticated('other-key', forged, 'TOKEN_INVALID');

      // A protection officer of Thailand makes themselves an admin.
      const genuine = await token({ role: 'protection_officer', countries: ['TH'] });
      const [header, payload, signature] = genuine.split('.');
      const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as Record<
        string,
        unknown
      >;
      const promoted = base64url.encode(
        JSON.stringify({ ...claims, role: 'admin', countries: undefined }),
      );
      const altered = `${header}.${promoted}.${signature}`;
      tokens.push(altered);
      await expectUnauthenticated('altered-payload', altered, 'TOKEN_INVALID');
    });

    it('refuses `alg: none`, an HMAC signed with the issuer’s public key, and the gateway’s own identity assertion', async () => {
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        sub: 'nobody',
        role: 'admin',
        iss: DEV_ISSUER,
        aud: DEFAULT_AUDIENCE,
        iat: now,
        exp: now + 3600,
      };
      const unsigned = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify(claims))}.`;
      tokens.push(unsigned);
      await expectUnauthenticated('alg-none', unsigned, 'TOKEN_INVALID');

      const publicJwk = system.keys.issuer.jwks.keys[0];
      const hmac = await new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: 'HS256', kid: publicJwk.kid, typ: 'JWT' })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEFAULT_AUDIENCE)
        .setSubject('confused')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
      tokens.push(hmac);
      await expectUnauthenticated('hs256-public-key', hmac, 'TOKEN_INVALID');

      const assertion = await new IdentitySigner(system.keys.identity.privateJwk).sign({
        subject: 'replayed',
        role: 'admin',
        countries: 'all',
        organisationId: null,
      });
      tokens.push(assertion);
      await expectUnauthenticated('identity-as-token', assertion, 'TOKEN_INVALID');
    });

    it('refuses a validly signed token whose claims name no Haven role', async () => {
      await expectUnauthenticated(
        'unknown-role',
        await token({ role: 'superuser' as DevTokenOptions['role'] }),
        'TOKEN_INVALID',
      );
    });
  });

  describe('a service called directly, not through the gateway', () => {
    const admin: Principal = {
      subject: 'direct-admin',
      role: 'admin',
      countries: 'all',
      organisationId: null,
    };

    function direct(
      label: string,
      service: string,
      headers: Record<string, string>,
      body: unknown,
    ): Promise<Reply> {
      return send(label, `${system.subgraphs[service].origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    }

    async function expectRefused(
      label: string,
      headers: Record<string, string>,
      reason: string,
    ): Promise<void> {
      const before = await rowCounts();
      const input = { country: 'TH', sex: 'FEMALE', minor: true, personal: personalDetails() };
      const reply = await direct(label, 'protection', headers, {
        query: REGISTER,
        variables: { input },
      });
      expect({ label, status: reply.status }).toEqual({ label, status: 401 });
      expect(reply.body.data ?? undefined).toBeUndefined();
      expect(onlyError(reply)).toEqual({
        message: expect.any(String),
        extensions: { code: 'UNAUTHENTICATED', reason },
      });
      expect(await rowCounts()).toEqual(before);
      // The other services refuse the same way, whatever is asked.
      for (const service of SUBGRAPHS.map(({ name }) => name).filter((n) => n !== 'protection')) {
        const other = await direct(`${label} ${service}`, service, headers, {
          query: `{ ${service}Status { service } }`,
        });
        expect({ service, status: other.status, error: onlyError(other).extensions }).toEqual({
          service,
          status: 401,
          error: { code: 'UNAUTHENTICATED', reason },
        });
      }
    }

    it('answers the gateway’s identity (so the refusals below are about the identity)', async () => {
      const identity = await new IdentitySigner(system.keys.identity.privateJwk).sign(admin);
      tokens.push(identity);
      const reply = await direct(
        'direct-valid',
        'protection',
        { 'x-haven-identity': identity },
        {
          query: '{ protectionStatus { service ready } }',
        },
      );
      expect(reply.status).toBe(200);
      expect(reply.body.errors).toBeUndefined();
    });

    it('refuses, even with the gateway’s identity, a document nested 3,000 deep or an operation it lacks, with 400', async () => {
      const identity = await new IdentitySigner(system.keys.identity.privateJwk).sign(admin);
      tokens.push(identity);
      const nested = `{ ${'protectionStatus { '.repeat(3_000)}ready${' }'.repeat(3_000)} }`;
      for (const service of ['protection', 'networks', 'empowerment', 'legal', 'relief']) {
        const headers = { 'x-haven-identity': identity };
        const deep = await direct(`direct-deep ${service}`, service, headers, { query: nested });
        expect({ service, status: deep.status, text: deep.text }).toEqual({
          service,
          status: 400,
          text: expect.not.stringContaining('call stack'),
        });
        expect(onlyError(deep)).toEqual({
          message: 'Syntax Error: Document nests more than 64 levels. Parsing aborted.',
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        });
        const unknown = await direct(`direct-unknown-operation ${service}`, service, headers, {
          query: `query Known { ${service}Status { service } }`,
          operationName: 'ProbeMarker',
        });
        expect({ service, status: unknown.status }).toEqual({ service, status: 400 });
        expect(unknown.text).not.toContain('ProbeMarker');
        expect(onlyError(unknown).extensions).toEqual({ code: 'OPERATION_RESOLUTION_FAILURE' });
      }
    });

    it('refuses a call with no identity', async () => {
      await expectRefused('direct-none', {}, 'IDENTITY_MISSING');
    });

    it('refuses a user’s bearer token instead of the gateway’s identity', async () => {
      const bearer = await token({ role: 'admin', subject: 'direct-user' });
      await expectRefused(
        'direct-bearer',
        { authorization: `Bearer ${bearer}` },
        'IDENTITY_MISSING',
      );
      await expectRefused(
        'direct-token-as-identity',
        { 'x-haven-identity': bearer },
        'IDENTITY_INVALID',
      );
    });

    it('refuses an identity signed with another key, or expired', async () => {
      const forged = await new IdentitySigner(generateDevKeys().identity.privateJwk).sign(admin);
      tokens.push(forged);
      await expectRefused('direct-wrong-key', { 'x-haven-identity': forged }, 'IDENTITY_INVALID');
      const expired = await new IdentitySigner(system.keys.identity.privateJwk, -120).sign(admin);
      tokens.push(expired);
      await expectRefused('direct-expired', { 'x-haven-identity': expired }, 'IDENTITY_INVALID');
    });
  });

  describe('scope: each role reaches its own records and mutations only', () => {
    const trusted = TrustedDocuments.load();
    const documentId = (operationName: string) =>
      trusted.documents.find((document) => document.operationName === operationName)!.id;

    let thId: string;
    let laId: string;
    let ngoAId: string;
    let ngoBId: string;
    let ngoA: string;
    let ngoB: string;
    let officerTH: string;

    beforeAll(async () => {
      ngoA = await token({ role: 'partner', organisationId: 'ngo-a', subject: 'partner-a' });
      ngoB = await token({ role: 'partner', organisationId: 'ngo-b', subject: 'partner-b' });
      officerTH = await token({ role: 'protection_officer', countries: ['TH'], subject: 'po-th' });
      thId = await register(adminToken, {
        country: 'TH',
        sex: 'FEMALE',
        minor: true,
        personal: personalDetails(),
      });
      laId = await register(adminToken, {
        country: 'LA',
        sex: 'MALE',
        minor: true,
        personal: personalDetails(),
      });
      const asPartner = async (bearer: string, country: string) =>
        registered(
          await viaGateway('partner register', bearer, {
            documentId: documentId('RegisterBeneficiary'),
            variables: {
              input: { country, sex: 'FEMALE', minor: true, personal: personalDetails() },
            },
          }),
        );
      ngoAId = await asPartner(ngoA, 'TH');
      ngoBId = await asPartner(ngoB, 'LA');
    });

    /** A GraphQL refusal (HTTP 200): the one error's code and reason, and no data. */
    async function expectForbidden(
      label: string,
      bearer: string,
      body: unknown,
      reason: string,
    ): Promise<Reply> {
      const before = await rowCounts();
      const reply = await viaGateway(label, bearer, body);
      expect({ label, status: reply.status }).toEqual({ label, status: 200 });
      const error = onlyError(reply);
      expect({ label, extensions: error.extensions }).toEqual({
        label,
        extensions: {
          code: 'FORBIDDEN',
          reason,
          serviceName: 'protection',
          requestId: reply.headers.get('x-request-id'),
        },
      });
      expect(await rowCounts()).toEqual(before);
      return reply;
    }

    it('refuses another role’s mutations: registering as a network coordinator, a legal officer or a watchdog; erasing as a protection officer', async () => {
      const input = () => ({
        country: 'TH',
        sex: 'FEMALE',
        minor: true,
        personal: personalDetails(),
      });
      for (const role of ['network_coordinator', 'legal_officer'] as const) {
        const bearer = await token({ role, countries: ['TH'], subject: `${role}-th` });
        const reply = await expectForbidden(
          `register as ${role}`,
          bearer,
          { query: REGISTER, variables: { input: input() } },
          'ROLE_NOT_ALLOWED',
        );
        expect(reply.body.data).toBeNull();
      }
      const watchdog = await token({ role: 'watchdog', subject: 'watchdog-1' });
      await expectForbidden(
        'register as watchdog',
        watchdog,
        { query: REGISTER, variables: { input: input() } },
        'ROLE_NOT_ALLOWED',
      );
      await expectForbidden(
        'erase as officer',
        officerTH,
        { query: ERASE, variables: { input: { beneficiaryId: thId, reason: 'Ticket OPS-1' } } },
        'ROLE_NOT_ALLOWED',
      );
      await expectForbidden(
        'confirm erasure as officer',
        officerTH,
        {
          query: `mutation Confirm($input: ConfirmBeneficiaryErasureInput!) {
            confirmBeneficiaryErasure(input: $input) { status }
          }`,
          variables: { input: { beneficiaryId: thId } },
        },
        'ROLE_NOT_ALLOWED',
      );
      // Within the role, outside its countries.
      await expectForbidden(
        'register in LA as TH officer',
        officerTH,
        { query: REGISTER, variables: { input: { ...input(), country: 'LA' } } },
        'OUT_OF_SCOPE',
      );
    });

    it('keeps break-glass and the reviews of reads and grants to their roles; a grant still needs a purpose', async () => {
      const requestGlass = {
        query: `mutation Glass($input: RequestBreakGlassAccessInput!) {
          requestBreakGlassAccess(input: $input) { grantId expiresAt }
        }`,
        variables: {
          input: { beneficiaryId: laId, reason: 'Court hearing moved to today, OPS-77' },
        },
      };
      for (const role of ['analyst', 'watchdog'] as const) {
        const bearer = await token({ role, subject: `${role}-glass` });
        await expectForbidden(`break-glass as ${role}`, bearer, requestGlass, 'ROLE_NOT_ALLOWED');
      }
      for (const query of [
        '{ accessLog(first: 100) { edges { node { actorId recordId fields purpose } } } }',
        '{ breakGlassGrants(first: 100) { edges { node { actorId beneficiaryId reason } } } }',
      ]) {
        await expectForbidden('review as officer', officerTH, { query }, 'ROLE_NOT_ALLOWED');
      }

      // A grant lets its holder past the country, but never without a stated purpose.
      const holder = await token({
        role: 'protection_officer',
        countries: ['TH'],
        subject: 'po-th-glass',
      });
      const granted = await viaGateway('break-glass granted', holder, requestGlass);
      expect(granted.body.errors).toBeUndefined();
      const reply = await expectForbidden(
        'break-glass read without a purpose',
        holder,
        { query: READ_RECORD, variables: { id: laId } },
        'PURPOSE_REQUIRED',
      );
      expect(reply.body.data).toEqual({ beneficiary: null });
    });

    it('shows a partner its own organisation’s beneficiaries only', async () => {
      const reply = await expectForbidden(
        'partner A reads B',
        ngoA,
        { documentId: documentId('BeneficiaryById'), variables: { id: ngoBId } },
        'OUT_OF_SCOPE',
      );
      expect(reply.body.data).toEqual({ beneficiary: null });

      const own = await viaGateway('partner A reads A', ngoA, {
        documentId: documentId('BeneficiaryById'),
        variables: { id: ngoAId },
      });
      expect(own.body.errors).toBeUndefined();
      expect(own.body.data).toMatchObject({ beneficiary: { id: ngoAId } });

      const list = await viaGateway('partner A lists', ngoA, {
        documentId: documentId('Beneficiaries'),
        variables: { first: 100 },
      });
      expect(list.body.errors).toBeUndefined();
      const edges = (list.body.data!.beneficiaries as { edges: Array<{ node: { id: string } }> })
        .edges;
      expect(edges.map((edge) => edge.node.id)).toEqual([ngoAId]);

      // Anything but a trusted document is refused before a service is asked.
      const before = await rowCounts();
      const calls = subgraphCalls();
      for (const query of [READ_PERSONAL, LIST]) {
        const free = await viaGateway('partner free-form', ngoA, {
          query,
          variables: { id: ngoAId },
        });
        expect(free.status).toBe(403);
        expect(onlyError(free).extensions).toMatchObject({ code: 'PERSISTED_QUERY_REQUIRED' });
      }
      expect(subgraphCalls()).toEqual(calls);
      expect(await rowCounts()).toEqual(before);
    });

    it('gives a watchdog no beneficiary, alone or in a list', async () => {
      const watchdog = await token({
        role: 'watchdog',
        organisationId: 'watch-1',
        subject: 'wd-1',
      });
      const one = await expectForbidden(
        'watchdog reads',
        watchdog,
        { query: READ_RECORD, variables: { id: thId } },
        'ROLE_NOT_ALLOWED',
      );
      expect(one.body.data).toEqual({ beneficiary: null });
      const list = await expectForbidden(
        'watchdog lists',
        watchdog,
        { query: LIST },
        'ROLE_NOT_ALLOWED',
      );
      expect(list.body.data).toBeNull();
    });

    it('keeps a country officer to their countries', async () => {
      const reply = await expectForbidden(
        'TH officer reads LA',
        officerTH,
        { query: READ_RECORD, variables: { id: laId } },
        'OUT_OF_SCOPE',
      );
      expect(reply.body.data).toEqual({ beneficiary: null });
      const personal = await expectForbidden(
        'TH officer reads LA personal details',
        officerTH,
        { query: READ_PERSONAL, variables: { id: laId } },
        'OUT_OF_SCOPE',
      );
      expect(personal.body.data).toEqual({ beneficiary: null });

      const list = await viaGateway('TH officer lists', officerTH, { query: LIST });
      expect(list.body.errors).toBeUndefined();
      const nodes = (
        list.body.data!.beneficiaries as { edges: Array<{ node: { id: string; country: string } }> }
      ).edges.map((edge) => edge.node);
      expect(nodes.map((node) => node.id)).toEqual(expect.arrayContaining([thId, ngoAId]));
      expect(nodes.map((node) => node.id)).not.toContain(laId);
      expect(new Set(nodes.map((node) => node.country))).toEqual(new Set(['TH']));
    });

    it('never shows personal details to an analyst or an auditor, and logs no read', async () => {
      const analyst = await token({ role: 'analyst', subject: 'analyst-1' });
      const auditor = await token({ role: 'auditor', subject: 'auditor-1' });
      const byAnalyst = await expectForbidden(
        'analyst reads personal details',
        analyst,
        { query: READ_PERSONAL, variables: { id: thId } },
        'ROLE_NOT_ALLOWED',
      );
      expect(byAnalyst.body.data).toEqual({ beneficiary: null });
      const byAuditor = await expectForbidden(
        'auditor reads personal details',
        auditor,
        { query: READ_PERSONAL, variables: { id: thId } },
        'ROLE_NOT_ALLOWED',
      );
      expect(byAuditor.body.data).toEqual({ beneficiary: { id: thId, personalDetails: null } });
      expect(onlyError(byAuditor).path).toEqual(['beneficiary', 'personalDetails']);

      const before = await rowCounts();
      const list = await viaGateway('auditor lists personal details', auditor, {
        query: `{ beneficiaries(first: 100) { edges { node { id personalDetails { givenName notes } } } } }`,
      });
      const errors = list.body.errors ?? [];
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
      }
      const edges = (
        list.body.data!.beneficiaries as {
          edges: Array<{ node: { personalDetails: unknown } }>;
        }
      ).edges;
      expect(edges.length).toBeGreaterThan(0);
      for (const edge of edges) expect(edge.node.personalDetails).toBeNull();
      expect(await rowCounts()).toEqual(before);
    });
  });

  describe('limits: refused by the gateway, before any service is called', () => {
    async function expectRefused(
      label: string,
      body: unknown,
      status: number,
      code: string,
      message: RegExp,
    ): Promise<Reply> {
      const before = await rowCounts();
      const reply = await viaGateway(label, adminToken, body);
      expect({ label, status: reply.status }).toEqual({ label, status });
      expect(reply.body.data).toBeUndefined();
      expect(reply.body.errors).toContainEqual(
        expect.objectContaining({ message: expect.stringMatching(message) }),
      );
      for (const error of reply.body.errors ?? []) {
        expect(error.extensions).toEqual({ code, requestId: reply.headers.get('x-request-id') });
      }
      expect(subgraphCalls()).toEqual(NO_CALLS);
      expect(await rowCounts()).toEqual(before);
      return reply;
    }

    it('refuses a query nested too deep', async () => {
      // Haven's schema has no cycle, so depth past 12 takes fields it does not have: the depth
      // is refused alongside them.
      await expectRefused(
        'deep',
        {
          query: `{ beneficiaries(first: 1) { edges { node { ${'nested { '.repeat(10)}id${' }'.repeat(10)} } } } }`,
        },
        400,
        'GRAPHQL_VALIDATION_FAILED',
        /^The query is 14 levels deep; at most 12 are allowed\.$/,
      );
    });

    it('refuses a costly list query', async () => {
      const page = (alias: string) =>
        `${alias}: beneficiaries(first: 100) { edges { node { id referenceCode country sex minor registeredAt caseNotificationCount empowermentServiceCount legalCaseCount reliefDistributionCount personalDetails { ${PERSONAL_SELECTION} } } } }`;
      await expectRefused(
        'costly',
        { query: `query Costly { ${['a', 'b', 'c'].map(page).join(' ')} }` },
        400,
        'GRAPHQL_VALIDATION_FAILED',
        /^The query's estimated cost is \d+ .*at most 5000 is allowed\.$/,
      );
    });

    it('refuses 1,000 aliases, and a document of more than 5,000 tokens', async () => {
      const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: id`).join(' ');
      await expectRefused(
        'aliases',
        { query: `{ beneficiaries(first: 1) { edges { node { ${aliases} } } } }` },
        400,
        'GRAPHQL_VALIDATION_FAILED',
        /^The query uses 1000 aliases; at most 30 are allowed\.$/,
      );
      await expectRefused(
        'tokens',
        { query: `{ beneficiaries(first: 1) { edges { node { ${'id '.repeat(6000)}} } } }` },
        400,
        'GRAPHQL_PARSE_FAILED',
        /^Syntax Error: Document contains more th(?:an|at) 5000 tokens\. Parsing aborted\.$/,
      );
    });

    it('refuses an oversized body with 413, unread, and a batch of operations', async () => {
      const before = await rowCounts();
      const notes = personalDetails().notes;
      const input = {
        country: 'TH',
        sex: 'FEMALE',
        minor: true,
        personal: { ...personalDetails(), notes: `${notes} `.repeat(3000) },
      };
      const reply = await viaGateway('oversized', adminToken, {
        query: REGISTER,
        variables: { input },
      });
      expect(reply.status).toBe(413);
      expect(reply.body).toEqual({ error: 'Request body too large' });
      expect(subgraphCalls()).toEqual(NO_CALLS);
      expect(await rowCounts()).toEqual(before);

      const batch = await viaGateway(
        'batch',
        adminToken,
        Array.from({ length: 20 }, () => ({
          query: REGISTER,
          variables: {
            input: { country: 'TH', sex: 'FEMALE', minor: true, personal: personalDetails() },
          },
        })),
      );
      expect(batch.status).toBe(400);
      expect(onlyError(batch).extensions).toMatchObject({ code: 'BAD_REQUEST' });
      expect(subgraphCalls()).toEqual(NO_CALLS);
      expect(await rowCounts()).toEqual(before);
    });
  });

  describe('injection: hostile text is data, stored sealed and returned as it was sent', () => {
    let officer: string;

    beforeAll(async () => {
      officer = await token({ role: 'protection_officer', countries: ['TH'], subject: 'po-inj' });
    });

    /** Registers and reads back (as the officer may), with what it changed in each table. */
    async function registerAndRead(personal: Personal) {
      const before = await rowCounts();
      const id = await register(officer, { country: 'TH', sex: 'FEMALE', minor: true, personal });
      const read = await viaGateway(
        'allowed personal read',
        officer,
        { query: READ_PERSONAL, variables: { id } },
        { personalRead: true },
      );
      expect(read.body.errors).toBeUndefined();
      const details = (read.body.data!.beneficiary as { personalDetails: Personal })
        .personalDetails;
      const after = await rowCounts();
      const changes = Object.fromEntries(
        Object.keys({ ...before, ...after }).map((table) => [
          table,
          (after[table] ?? NaN) - (before[table] ?? NaN),
        ]),
      );
      return { id, details, changes };
    }

    it.each(INJECTIONS.map((personal, index) => [index, personal] as const))(
      'stores and returns set %i verbatim, changing what an ordinary registration changes',
      async (_index, personal) => {
        const ordinary = await registerAndRead(personalDetails());
        // One event, one record, one key, one logged read (and whatever read models follow).
        expect(ordinary.changes).toMatchObject({
          'event_store.events': 1,
          'protection.beneficiaries': 1,
          'privacy.person_keys': 1,
          'privacy.access_log': 1,
        });

        const { id, details, changes } = await registerAndRead(personal);

        const unset = Object.fromEntries(
          PERSONAL_SELECTION.split(' ')
            .filter((field) => field !== 'erased')
            .map((field) => [field, null]),
        );
        expect(details).toEqual({ ...unset, ...personal, erased: false });
        // The same tables, changed by the same number of rows: nothing dropped, deleted or added.
        expect(changes).toEqual(ordinary.changes);
        const { rows: wiped } = await sql.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM privacy.person_keys WHERE wrapped_key IS NULL',
        );
        expect(wiped[0].n).toBe(0);

        const { rows: events } = await sql.query<{ data: { personal?: Personal } }>(
          'SELECT data FROM event_store.events WHERE stream_id = $1',
          [beneficiaryStreamId(id)],
        );
        expect(events).toHaveLength(1);
        const sealed = events[0].data.personal!;
        expect(Object.keys(sealed).sort()).toEqual(Object.keys(personal).sort());
        for (const value of Object.values(sealed)) {
          for (const clear of Object.values(personal)) expect(value).not.toContain(clear);
        }
        expect(await findClearText(sql, Object.values(personal))).toEqual([]);
      },
    );

    it('refuses control characters and ill-shaped variables without quoting the value', async () => {
      const before = await rowCounts();
      const personal = personalDetails();
      const nul = await viaGateway('nul byte', officer, {
        query: REGISTER,
        variables: {
          input: {
            country: 'TH',
            sex: 'FEMALE',
            minor: true,
            personal: { ...personal, givenName: `${personal.givenName}\u0000'; --` },
          },
        },
      });
      expect(onlyError(nul)).toMatchObject({
        message: 'Invalid input: givenName must be a single line without control characters.',
        extensions: { code: 'BAD_USER_INPUT' },
      });

      const shaped = await viaGateway('unknown personal field', officer, {
        query: REGISTER,
        variables: {
          input: {
            country: 'TH',
            sex: 'FEMALE',
            minor: true,
            personal: { ...personalDetails(), nickname: personalDetails().givenName },
          },
        },
      });
      // Refused by the gateway itself, as it coerces the variables.
      expect(shaped.status).toBe(400);
      expect(onlyError(shaped)).toMatchObject({
        message: expect.stringMatching(
          /^Variable "\$input" got an invalid value at "input.personal": Field "nickname" is not defined by type "PersonalDetailsInput"\./,
        ),
        extensions: { code: 'BAD_USER_INPUT' },
      });
      // The NUL byte reached protection, which refused it; these two never leave the gateway.
      expect(subgraphCalls()).toEqual({ ...NO_CALLS, protection: 1 });

      const typed = await viaGateway('personal field of the wrong type', officer, {
        query: REGISTER,
        variables: {
          input: {
            country: 'TH',
            sex: 'FEMALE',
            minor: 'yes',
            personal: { ...personalDetails(), phone: { number: personalDetails().phone } },
          },
        },
      });
      expect(typed.status).toBe(400);
      expect(typed.body.errors).toEqual([
        expect.objectContaining({
          message:
            'Variable "$input" got an invalid value at "input.minor": it does not match the expected type.',
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
        expect.objectContaining({
          message:
            'Variable "$input" got an invalid value at "input.personal.phone": it does not match the expected type.',
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ]);
      expect(subgraphCalls()).toEqual({ ...NO_CALLS, protection: 1 });
      expect(await rowCounts()).toEqual(before);
      // The answers are scanned with every other one at the end of the file.
    });

    it('refuses SQL in arguments that reach a query', async () => {
      const before = await rowCounts();
      const probes = [
        { query: READ_RECORD, variables: { id: "' OR '1'='1" } },
        { query: `{ beneficiaries(first: 5, after: "' OR 1=1 --") { edges { node { id } } } }` },
        { query: `{ accessLog(actorId: "x' OR '1'='1") { edges { node { id } } } }` },
      ];
      for (const probe of probes) {
        const reply = await viaGateway('sql in arguments', adminToken, probe);
        expect(onlyError(reply).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
        expect(Object.values(reply.body.data ?? {}).every((value) => value === null)).toBe(true);
      }
      expect(await rowCounts()).toEqual(before);
    });
  });

  // Last: it reads the logs and answers of every test above, so it needs the whole file run.
  describe('leaks', () => {
    it('no process logged personal data or token text, and no answer but an allowed read held personal data', async () => {
      // Stopped first, so that every line each process will ever print is in.
      await system.stop();
      const hits: Array<{ where: string; needle: string }> = [];
      const processes = [system.gateway, ...Object.values(system.subgraphs)];
      const secrets = [
        ...personalStrings.map((value) => ({ kind: 'personal', value })),
        ...tokens.flatMap(tokenParts).map((value) => ({ kind: 'token', value })),
      ];
      for (const child of processes) {
        const lines = child.allOutput().split('\n');
        for (const line of lines) {
          const texts = searchable(line);
          for (const secret of secrets) {
            if (texts.some((text) => text.includes(secret.value))) {
              hits.push({
                where: `${child.name} log`,
                needle: `${secret.kind}: ${secret.value}`,
              });
            }
          }
          if (JWT_SHAPE.test(line)) hits.push({ where: `${child.name} log`, needle: 'a JWT' });
        }
      }
      for (const reply of replies) {
        const texts = searchable(reply.text);
        for (const secret of secrets) {
          if (secret.kind === 'personal' && reply.personalRead) continue;
          if (texts.some((text) => text.includes(secret.value))) {
            hits.push({
              where: `answer to ${reply.label}`,
              needle: `${secret.kind}: ${secret.value}`,
            });
          }
        }
        if (JWT_SHAPE.test(reply.text))
          hits.push({ where: `answer to ${reply.label}`, needle: 'a JWT' });
      }
      expect(hits).toEqual([]);

      // The scan read real logs: a line for every request, at the gateway and at the services.
      const logLines = (child: ServiceProcess) =>
        child
          .allOutput()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Record<string, unknown>);
      const gatewayLines = logLines(system.gateway);
      for (const status of [200, 400, 401, 403, 413]) {
        expect(gatewayLines).toContainEqual(expect.objectContaining({ msg: 'request', status }));
      }
      for (const service of Object.values(system.subgraphs)) {
        expect({ service: service.name, lines: logLines(service) }).toEqual({
          service: service.name,
          lines: expect.arrayContaining([
            expect.objectContaining({ msg: 'request completed', res: { statusCode: 401 } }),
          ]),
        });
      }
      expect(replies.length).toBeGreaterThan(50);
    }, 60_000);
  });
});
