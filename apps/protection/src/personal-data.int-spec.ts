// Personal data through protection's GraphQL API, on a real PostgreSQL: sealed before it is
// stored, readable only by the roles that work with the person, every read logged first.
import { randomUUID } from 'node:crypto';
import { countQueries, useTestService } from '@haven/platform/nest/testing';
import { findClearText } from '@haven/platform/testing';
import { beneficiaryStreamId, PERSONAL_FIELDS } from '@haven/protection/contracts';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { AppModule } from './app.module';
import { Privacy } from './personal-data/privacy';
import {
  asRead,
  auditor,
  officer,
  partner,
  PERSONAL_SELECTION,
  READ_PERSONAL,
  REGISTER,
  registerBeneficiary,
  somePersonalDetails,
  type ReadPersonal,
  type Registered,
} from './testing/fixtures';

const protection = useTestService(AppModule, { migrations: [PROTECTION_MIGRATIONS] });
/** Every personal value any test here registered: none may ever show in the logs. */
const registeredValues: string[] = [];

function details(): Record<string, string> {
  const personal = somePersonalDetails();
  registeredValues.push(...Object.values(personal));
  return personal;
}

async function writes(): Promise<{ events: number; keys: number; log: number }> {
  const { rows } = await protection.sql.query(`
    SELECT (SELECT count(*)::int FROM event_store.events) AS events,
           (SELECT count(*)::int FROM privacy.person_keys) AS keys,
           (SELECT count(*)::int FROM privacy.access_log) AS log`);
  return rows[0];
}

async function accessLogOf(recordId: string) {
  const { rows } = await protection.sql.query(
    `SELECT actor_id, role, organisation_id, record_type, record_id, fields, purpose, break_glass,
            request_id
       FROM privacy.access_log WHERE record_id = $1 ORDER BY id`,
    [recordId],
  );
  return rows;
}

describe('registering personal details', () => {
  it('given an allowed role, they round-trip through the API, and are stored only sealed: in the event, the read model and every table', async () => {
    const personal = details();
    const th = officer(['TH']);
    const response = await protection.service.graphql<Registered>(
      REGISTER,
      { input: { country: 'TH', sex: 'FEMALE', minor: true, personal } },
      {},
      { as: th },
    );
    expect(response.body.errors).toBeUndefined();
    const { beneficiaryId, beneficiary } = response.body.data!.registerBeneficiary!;
    expect(beneficiary!.personalDetails).toEqual(asRead(personal));

    const read = await protection.service.graphql<ReadPersonal>(
      READ_PERSONAL,
      { id: beneficiaryId, purpose: 'case review' },
      {},
      { as: th },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.beneficiary!.personalDetails).toEqual(asRead(personal));

    const { rows: events } = await protection.sql.query(
      'SELECT data FROM event_store.events WHERE stream_id = $1',
      [beneficiaryStreamId(beneficiaryId)],
    );
    expect(Object.keys(events[0].data.personal).sort()).toEqual(Object.keys(personal).sort());
    for (const value of Object.values(events[0].data.personal)) {
      expect(value).toMatch(/^pii:v1:[A-Za-z0-9_-]+$/);
    }
    const { rows } = await protection.sql.query(
      'SELECT personal FROM protection.beneficiaries WHERE id = $1',
      [beneficiaryId],
    );
    expect(rows[0].personal).toEqual(events[0].data.personal);

    expect(await findClearText(protection.sql, Object.values(personal))).toEqual([]);
    // The search does find what is there: the reference code is stored in clear.
    expect(await findClearText(protection.sql, [beneficiary!.referenceCode])).toEqual(
      expect.arrayContaining([
        { where: 'protection.beneficiaries', needle: beneficiary!.referenceCode },
      ]),
    );
  });

  it('keeps absent fields absent: only the given ones are sealed, the others read as null', async () => {
    const { givenName, phone } = details();
    const id = await registerBeneficiary(protection.service, {
      country: 'LA',
      sex: 'MALE',
      minor: false,
      personal: { givenName, phone },
    });
    const { rows } = await protection.sql.query(
      "SELECT data->'personal' AS personal FROM event_store.events WHERE stream_id = $1",
      [beneficiaryStreamId(id)],
    );
    expect(Object.keys(rows[0].personal).sort()).toEqual(['givenName', 'phone']);

    const read = await protection.service.graphql<ReadPersonal>(READ_PERSONAL, { id });
    expect(read.body.data!.beneficiary!.personalDetails).toEqual(asRead({ givenName, phone }));
  });

  it('round-trips the identity fields: ages as numbers, the assessment method, nationality, ethnicity and languages as a list, each sealed as text', async () => {
    const { nationality, ethnicity } = details();
    const languages = [`Lao-${randomUUID()}`, 'Thai'];
    const identity = {
      documentedAge: 17,
      assessedAge: 15,
      ageAssessmentMethod: 'MEDICAL',
      nationality,
      ethnicity,
      languages,
    };
    const id = await registerBeneficiary(protection.service, {
      country: 'LA',
      sex: 'FEMALE',
      minor: true,
      personal: identity,
    });
    const read = await protection.service.graphql<ReadPersonal>(READ_PERSONAL, {
      id,
      purpose: 'intake',
    });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.beneficiary!.personalDetails).toEqual(asRead(identity));

    const { rows } = await protection.sql.query(
      "SELECT data->'personal' AS personal FROM event_store.events WHERE stream_id = $1",
      [beneficiaryStreamId(id)],
    );
    expect(Object.keys(rows[0].personal).sort()).toEqual(Object.keys(identity).sort());
    for (const value of Object.values(rows[0].personal)) {
      expect(value).toMatch(/^pii:v1:[A-Za-z0-9_-]+$/);
    }
    expect(await findClearText(protection.sql, [nationality, ethnicity, languages[0]])).toEqual([]);
  });

  it('refuses ages outside 0 to 120, and an assessed age without its method (or the reverse)', async () => {
    for (const personal of [
      { documentedAge: 121 },
      { documentedAge: -1 },
      { assessedAge: 14 },
      { ageAssessmentMethod: 'INTERVIEW' },
      { assessedAge: 130, ageAssessmentMethod: 'INTERVIEW' },
    ]) {
      const response = await protection.service.graphql(
        'mutation ($input: RegisterBeneficiaryInput!) { registerBeneficiary(input: $input) { beneficiaryId } }',
        { input: { country: 'LA', sex: 'FEMALE', minor: true, personal } },
      );
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('given a client id, when the same registration with personal details is sent again, then there is one event (the fresh ciphertexts do not make it a different registration)', async () => {
    const id = randomUUID();
    const input = { id, country: 'VN', sex: 'FEMALE', minor: true, personal: details() };
    const first = await protection.service.graphql<Registered>(REGISTER, { input });
    const again = await protection.service.graphql<Registered>(REGISTER, { input });
    expect(again.body).toEqual(first.body);

    const other = await protection.service.graphql<Registered>(REGISTER, {
      input: { ...input, personal: { givenName: input.personal.givenName } },
    });
    expect(other.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'BENEFICIARY_ALREADY_REGISTERED',
    });
    const { rows } = await protection.sql.query(
      'SELECT count(*)::int AS n FROM event_store.events WHERE stream_id = $1',
      [beneficiaryStreamId(id)],
    );
    expect(rows[0].n).toBe(1);
  });

  it.each([
    ['dateOfBirth', 'not a real day', { dateOfBirth: '2011-02-30' }],
    ['dateOfBirth', 'in the future', { dateOfBirth: `${new Date().getUTCFullYear() + 1}-01-01` }],
    ['dateOfBirth', 'in another format', { dateOfBirth: '17/04/2011' }],
    ['phone', 'with letters', { phone: '+856 call-me' }],
    ['givenName', 'too long', { givenName: 'Somchanh'.repeat(20) }],
    ['givenName', 'blank', { givenName: '   ' }],
    ['identityDocumentNumber', 'with symbols', { identityDocumentNumber: 'LA#4411$' }],
    ['notes', 'with control characters', { notes: 'Bounlieng\u0000hidden' }],
  ])(
    'given %s %s, then it fails with BAD_USER_INPUT naming the field, never echoing the value, and writes nothing',
    async (field, _case, personal) => {
      const before = await writes();
      const response = await protection.service.graphql(REGISTER, {
        input: { country: 'TH', sex: 'FEMALE', minor: true, personal },
      });

      expect(response.body.data ?? null).toBeNull();
      const [error] = response.body.errors!;
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: `personal.${field}` })],
      });
      const value = Object.values(personal)[0].trim();
      if (value) {
        expect(JSON.stringify(response.body)).not.toContain(value.slice(0, 8));
        expect(protection.service.rawLogs()).not.toContain(value.slice(0, 8));
      }
      expect(await writes()).toEqual(before);
    },
  );
});

describe('input that does not fit the schema', () => {
  it('is refused with the variable, the path and the rule, never the values sent alongside', async () => {
    const personal = details();
    for (const extra of [{ nickname: 'Noy' }, { givenName: 20110417 }]) {
      const before = await writes();
      const response = await protection.service.graphql(REGISTER, {
        input: { country: 'TH', sex: 'FEMALE', minor: true, personal: { ...personal, ...extra } },
      });
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors![0]).toMatchObject({
        message: expect.stringMatching(
          /^Variable "\$input" got an invalid value at "input\.personal/,
        ),
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const body = JSON.stringify(response.body);
      for (const value of [...Object.values(personal), ...Object.values(extra).map(String)]) {
        expect(body).not.toContain(value);
      }
      expect(await writes()).toEqual(before);
    }
  });
});

describe('who may read personal details', () => {
  it('refuses roles without personal access (partner, auditor) on the field alone: the record still answers', async () => {
    const personal = details();
    const id = await registerBeneficiary(
      protection.service,
      { country: 'MM', sex: 'FEMALE', minor: true, personal },
      partner('ngo-a'),
    );
    const before = await writes();

    for (const principal of [partner('ngo-a'), auditor]) {
      const response = await protection.service.graphql<ReadPersonal>(
        READ_PERSONAL,
        { id, purpose: 'curious' },
        {},
        { as: principal },
      );
      expect(response.body.data!.beneficiary).toEqual({
        id,
        referenceCode: expect.stringMatching(/^BEN-MM-/),
        personalDetails: null,
      });
      expect(response.body.errors).toEqual([
        expect.objectContaining({
          path: ['beneficiary', 'personalDetails'],
          extensions: { code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' },
        }),
      ]);
      for (const value of Object.values(personal)) {
        expect(JSON.stringify(response.body)).not.toContain(value);
      }
    }
    // Nothing was read, so nothing was logged.
    expect(await writes()).toEqual(before);
  });

  it('refuses a country role outside its countries, as for the record', async () => {
    const id = await registerBeneficiary(protection.service, {
      country: 'LA',
      sex: 'FEMALE',
      minor: true,
      personal: details(),
    });
    const response = await protection.service.graphql<ReadPersonal>(
      READ_PERSONAL,
      { id },
      {},
      { as: officer(['TH']) },
    );
    expect(response.body.data?.beneficiary ?? null).toBeNull();
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OUT_OF_SCOPE',
    });
    expect(await accessLogOf(id)).toEqual([]);
  });
});

describe('the access log', () => {
  it('records who read which of the fields asked for, when, why and in which request, before the values are returned', async () => {
    const personal = details();
    const id = await registerBeneficiary(protection.service, {
      country: 'TH',
      sex: 'FEMALE',
      minor: true,
      personal,
    });
    const reader = { ...officer(['TH'], 'officer-log'), organisationId: 'alliance-th' };
    const response = await protection.service.graphql<ReadPersonal>(
      `query ($id: ID!) {
        beneficiary(id: $id) {
          id
          personalDetails(purpose: "court hearing preparation") { ...Contact erased }
        }
      }
      fragment Contact on PersonalDetails { givenName phone }`,
      { id },
      { 'x-request-id': 'read-contact-1' },
      { as: reader },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.beneficiary!.personalDetails).toEqual({
      givenName: personal.givenName,
      phone: personal.phone,
      erased: false,
    });

    const log = await accessLogOf(id);
    expect(log).toEqual([
      {
        actor_id: 'officer-log',
        role: 'protection_officer',
        organisation_id: 'alliance-th',
        record_type: 'Beneficiary',
        record_id: id,
        fields: ['givenName', 'phone'],
        purpose: 'court hearing preparation',
        break_glass: false,
        request_id: 'read-contact-1',
      },
    ]);
  });

  it('given the log cannot be written, then no value is returned', async () => {
    const personal = details();
    const id = await registerBeneficiary(protection.service, {
      country: 'TH',
      sex: 'FEMALE',
      minor: true,
      personal,
    });
    await protection.sql.query(`
      CREATE FUNCTION privacy.test_refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN RAISE EXCEPTION 'access log unavailable'; END $fn$;
      CREATE TRIGGER test_refuse_insert BEFORE INSERT ON privacy.access_log
        FOR EACH STATEMENT EXECUTE FUNCTION privacy.test_refuse_insert();`);
    try {
      const response = await protection.service.graphql<ReadPersonal>(READ_PERSONAL, { id });
      expect(response.body.data!.beneficiary!.personalDetails).toBeNull();
      expect(response.body.errors?.[0]).toMatchObject({
        path: ['beneficiary', 'personalDetails'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      for (const value of Object.values(personal)) {
        expect(JSON.stringify(response.body)).not.toContain(value);
      }
    } finally {
      await protection.sql.query(`
        DROP TRIGGER test_refuse_insert ON privacy.access_log;
        DROP FUNCTION privacy.test_refuse_insert();`);
    }
  });

  it('is listed for admins and auditors by record, reader and time, page by page, and refused to others', async () => {
    const id = await registerBeneficiary(protection.service, {
      country: 'VN',
      sex: 'MALE',
      minor: false,
      personal: details(),
    });
    for (const purpose of ['first look', 'second look', 'third look']) {
      await protection.service.graphql(
        READ_PERSONAL,
        { id, purpose },
        {},
        { as: officer(['VN'], 'officer-vn') },
      );
    }
    const page = `query ($recordId: ID, $actorId: String, $after: String, $from: DateTime) {
      accessLog(recordId: $recordId, actorId: $actorId, first: 2, after: $after, from: $from) {
        edges { cursor node { actorId role recordType recordId fields purpose breakGlass occurredAt } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    type Page = {
      accessLog: {
        edges: Array<{ node: { purpose: string; actorId: string; occurredAt: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };

    const first = await protection.service.graphql<Page>(
      page,
      { recordId: id, actorId: 'officer-vn' },
      {},
      { as: auditor },
    );
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.accessLog.pageInfo.hasNextPage).toBe(true);
    const second = await protection.service.graphql<Page>(
      page,
      { recordId: id, actorId: 'officer-vn', after: first.body.data!.accessLog.pageInfo.endCursor },
      {},
      { as: auditor },
    );
    const purposes = [
      ...first.body.data!.accessLog.edges,
      ...second.body.data!.accessLog.edges,
    ].map(({ node }) => node.purpose);
    expect(purposes).toEqual(['first look', 'second look', 'third look']);
    expect(second.body.data!.accessLog.pageInfo.hasNextPage).toBe(false);

    const later = await protection.service.graphql<Page>(
      page,
      { recordId: id, from: new Date(Date.now() + 60_000).toISOString() },
      {},
      { as: auditor },
    );
    expect(later.body.data!.accessLog.edges).toEqual([]);

    for (const principal of [officer(['VN']), partner('ngo-a')]) {
      const refused = await protection.service.graphql(
        page,
        { recordId: id },
        {},
        { as: principal },
      );
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
  });

  it.each([
    ['too short', 'ok'],
    ['over 200 characters', 'x'.repeat(201)],
    ['on several lines', 'first line\nsecond line'],
  ])(
    'refuses a purpose %s with BAD_USER_INPUT, and reads and logs nothing',
    async (_case, purpose) => {
      const id = await registerBeneficiary(protection.service, {
        country: 'TH',
        sex: 'FEMALE',
        minor: true,
        personal: details(),
      });
      for (const query of [
        READ_PERSONAL,
        'query ($id: ID!, $purpose: String) { beneficiary(id: $id, purpose: $purpose) { id } }',
      ]) {
        const response = await protection.service.graphql(query, { id, purpose });
        expect(response.body.errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [expect.objectContaining({ field: 'purpose' })],
        });
      }
      expect(await accessLogOf(id)).toEqual([]);
    },
  );

  it('cannot be changed or emptied, even with direct SQL', async () => {
    for (const statement of [
      "UPDATE privacy.access_log SET purpose = 'nothing to see'",
      'DELETE FROM privacy.access_log',
      'TRUNCATE privacy.access_log',
    ]) {
      await expect(protection.sql.query(statement)).rejects.toThrow(/append-only/);
    }
  });
});

describe('reading a page of beneficiaries with their personal details', () => {
  it('opens every data key with one query and writes one access log INSERT, however many records', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        await registerBeneficiary(protection.service, {
          country: 'OTHER',
          sex: 'OTHER',
          minor: true,
          personal: details(),
        }),
      );
    }
    // Cold keys, as in a process that did not register them (registration cached them here).
    for (const id of ids) protection.service.app.get(Privacy).keys.evict(id);
    const { result, statements } = await countQueries(/privacy\.(person_keys|access_log)/, () =>
      protection.service.graphql<{
        beneficiaries: {
          edges: Array<{ node: { id: string; personalDetails: { givenName: string } } }>;
        };
      }>(
        `{ beneficiaries(country: OTHER, first: 100) {
            edges { node { id personalDetails(purpose: "monthly review") { givenName } } }
        } }`,
      ),
    );
    expect(result.body.errors).toBeUndefined();
    const nodes = result.body.data!.beneficiaries.edges.map(({ node }) => node);
    expect(nodes.map((node) => node.id)).toEqual(expect.arrayContaining(ids));
    expect(nodes.every((node) => node.personalDetails.givenName.startsWith('Malivanh'))).toBe(true);
    expect(statements.filter((text) => text.includes('privacy.person_keys'))).toHaveLength(1);
    expect(statements.filter((text) => text.includes('privacy.access_log'))).toHaveLength(1);
  });

  it("reads the page's rows once: the personal details are opened from the rows the page read", async () => {
    await registerBeneficiary(protection.service, {
      country: 'OTHER',
      sex: 'OTHER',
      minor: false,
      personal: details(),
    });
    const { result, statements } = await countQueries(/"protection"\."beneficiaries"/, () =>
      protection.service.graphql(
        `{ beneficiaries(country: OTHER, first: 100) {
            edges { node { id personalDetails(purpose: "monthly review") { givenName } } }
        } }`,
      ),
    );
    expect(result.body.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
  });
});

describe('logs', () => {
  it('never hold a personal value, of any test of this file', async () => {
    expect(registeredValues.length).toBeGreaterThan(20);
    const raw = protection.service.rawLogs();
    expect(raw.length).toBeGreaterThan(0);
    for (const value of registeredValues) expect(raw).not.toContain(value);
  });
});

// The PERSONAL_SELECTION constant stays in step with the GraphQL type.
it('selects every personal field in the shared queries', () => {
  for (const field of PERSONAL_FIELDS) expect(PERSONAL_SELECTION).toContain(field);
});
