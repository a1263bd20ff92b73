// Break-glass access: a caseworker reaching one beneficiary outside their scope, for a while,
// with a reason, every read under it stating a purpose and logged; refused in every other case.
import { randomUUID } from 'node:crypto';
import { useTestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { breakGlassStreamId } from '@haven/protection/contracts';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { AppModule } from './app.module';
import {
  admin,
  auditor,
  officer,
  partner,
  READ_PERSONAL,
  registerBeneficiary,
  somePersonalDetails,
  type ReadPersonal,
} from './testing/fixtures';

const protection = useTestService(AppModule, {
  migrations: [PROTECTION_MIGRATIONS],
  env: { HAVEN_BREAK_GLASS_MINUTES: '30' },
});
const registeredValues: string[] = [];

const thaiOfficer = officer(['TH'], 'officer-th-1');
const otherThaiOfficer = officer(['TH'], 'officer-th-2');
const reliefCoordinator: Principal = {
  subject: 'relief-th',
  role: 'relief_coordinator',
  countries: ['TH'],
  organisationId: 'alliance',
};
const managerOf = (countries: string[]): Principal => ({
  subject: `manager-${countries.join('-')}`,
  role: 'country_manager',
  countries,
  organisationId: 'alliance',
});
const REASON = 'Child moved across the border overnight, hotline call 4471';

const REQUEST = `mutation ($input: RequestBreakGlassAccessInput!) {
  requestBreakGlassAccess(input: $input) { grantId beneficiaryId expiresAt }
}`;
type Granted = {
  requestBreakGlassAccess: { grantId: string; beneficiaryId: string; expiresAt: string } | null;
};

async function laotian(): Promise<{ id: string; personal: Record<string, string> }> {
  const personal = somePersonalDetails();
  registeredValues.push(...Object.values(personal));
  const id = await registerBeneficiary(protection.service, {
    country: 'LA',
    sex: 'FEMALE',
    minor: true,
    personal,
  });
  return { id, personal };
}

function requestAccess(beneficiaryId: string, as: Principal, reason = REASON) {
  return protection.service.graphql<Granted>(
    REQUEST,
    { input: { beneficiaryId, reason } },
    {},
    { as },
  );
}

async function writes(): Promise<{ events: number; grants: number; log: number }> {
  const { rows } = await protection.sql.query(`
    SELECT (SELECT count(*)::int FROM event_store.events) AS events,
           (SELECT count(*)::int FROM protection.break_glass_grants) AS grants,
           (SELECT count(*)::int FROM privacy.access_log) AS log`);
  return rows[0];
}

async function logOf(recordId: string) {
  const { rows } = await protection.sql.query(
    `SELECT actor_id, fields, purpose, break_glass FROM privacy.access_log
      WHERE record_id = $1 ORDER BY id`,
    [recordId],
  );
  return rows;
}

describe('asking for break-glass access', () => {
  it('given a beneficiary outside the officer’s scope, then reading it is refused until access is granted; the grant is an event and a row, and works on the next request', async () => {
    const { id } = await laotian();
    const refused = await protection.service.graphql<ReadPersonal>(
      READ_PERSONAL,
      { id, purpose: 'trying anyway' },
      {},
      { as: thaiOfficer },
    );
    expect(refused.body.errors?.[0]?.extensions).toEqual({
      code: 'FORBIDDEN',
      reason: 'OUT_OF_SCOPE',
    });

    const before = Date.now();
    const granted = await requestAccess(id, thaiOfficer);
    expect(granted.body.errors).toBeUndefined();
    const { grantId, expiresAt } = granted.body.data!.requestBreakGlassAccess!;
    // HAVEN_BREAK_GLASS_MINUTES=30 for this protection.service.
    const lifetime = Date.parse(expiresAt) - before;
    expect(lifetime).toBeGreaterThan(29 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(30 * 60_000 + 5_000);

    const { rows: events } = await protection.sql.query(
      'SELECT type, data FROM event_store.events WHERE stream_id = $1',
      [breakGlassStreamId(grantId)],
    );
    expect(events).toEqual([
      {
        type: 'BreakGlassAccessGranted',
        data: expect.objectContaining({
          grantId,
          beneficiaryId: id,
          country: 'LA',
          subject: 'officer-th-1',
          role: 'protection_officer',
          reason: REASON,
          expiresAt,
        }),
      },
    ]);
    const { rows: grants } = await protection.sql.query(
      'SELECT beneficiary_id, subject, role, country FROM protection.break_glass_grants WHERE grant_id = $1',
      [grantId],
    );
    expect(grants).toEqual([
      { beneficiary_id: id, subject: 'officer-th-1', role: 'protection_officer', country: 'LA' },
    ]);
  });

  it.each<[string, Principal, string]>([
    ['an admin (who reaches everything already)', admin('admin-1'), 'ROLE_NOT_ALLOWED'],
    ['a partner', partner('ngo-a'), 'ROLE_NOT_ALLOWED'],
    ['an auditor', auditor, 'ROLE_NOT_ALLOWED'],
    [
      'a watchdog',
      { subject: 'watchdog-1', role: 'watchdog', countries: ['LA'], organisationId: null },
      'ROLE_NOT_ALLOWED',
    ],
  ])('refuses %s, and writes nothing', async (_who, principal, reason) => {
    const { id } = await laotian();
    const before = await writes();
    const response = await requestAccess(id, principal);
    expect(response.body.data).toBeNull();
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', reason });
    expect(await writes()).toEqual(before);
  });

  it('refuses a beneficiary already within scope (CONFLICT, not needed), an unknown one, and a reason too short or too long; writes nothing', async () => {
    const thai = await registerBeneficiary(protection.service, {
      country: 'TH',
      sex: 'MALE',
      minor: true,
    });
    const { id } = await laotian();
    const before = await writes();

    const inScope = await requestAccess(thai, thaiOfficer);
    expect(inScope.body.errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      reason: 'BREAK_GLASS_NOT_NEEDED',
    });
    const unknown = await requestAccess(randomUUID(), thaiOfficer);
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    for (const reason of ['urgent', 'x'.repeat(501)]) {
      const bad = await requestAccess(id, thaiOfficer, reason);
      expect(bad.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'reason' })],
      });
    }
    expect(await writes()).toEqual(before);
  });
});

describe('reading under break-glass access', () => {
  it('allows the grant’s holder to read, with a purpose only, and logs every such read as break-glass', async () => {
    const { id, personal } = await laotian();
    await requestAccess(id, thaiOfficer);

    const read = await protection.service.graphql<ReadPersonal>(
      `query ($id: ID!) {
        beneficiary(id: $id, purpose: "locate the child for the hearing") {
          id referenceCode personalDetails { givenName phone erased }
        }
      }`,
      { id },
      {},
      { as: thaiOfficer },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.beneficiary).toEqual({
      id,
      referenceCode: expect.stringMatching(/^BEN-LA-/),
      personalDetails: { givenName: personal.givenName, phone: personal.phone, erased: false },
    });
    // The purpose may also be given on the personal details alone, and then overrides.
    const override = await protection.service.graphql<ReadPersonal>(
      `query ($id: ID!) {
        beneficiary(id: $id, purpose: "record check") { personalDetails(purpose: "call the child") { phone } }
      }`,
      { id },
      {},
      { as: thaiOfficer },
    );
    expect(override.body.errors).toBeUndefined();

    expect(await logOf(id)).toEqual([
      {
        actor_id: 'officer-th-1',
        fields: ['id', 'referenceCode'],
        purpose: 'locate the child for the hearing',
        break_glass: true,
      },
      {
        actor_id: 'officer-th-1',
        fields: ['givenName', 'phone'],
        purpose: 'locate the child for the hearing',
        break_glass: true,
      },
      {
        actor_id: 'officer-th-1',
        fields: ['phone'],
        purpose: 'call the child',
        break_glass: true,
      },
    ]);
  });

  it('refuses a read without a purpose (PURPOSE_REQUIRED), and logs nothing', async () => {
    const { id, personal } = await laotian();
    await requestAccess(id, thaiOfficer);
    const before = await writes();

    for (const query of [
      'query ($id: ID!) { beneficiary(id: $id) { id referenceCode } }',
      'query ($id: ID!) { beneficiary(id: $id) { personalDetails { givenName } } }',
    ]) {
      const response = await protection.service.graphql(query, { id }, {}, { as: thaiOfficer });
      expect(response.body.data?.beneficiary ?? null).toBeNull();
      expect(response.body.errors?.[0]?.extensions).toEqual({
        code: 'FORBIDDEN',
        reason: 'PURPOSE_REQUIRED',
      });
      expect(JSON.stringify(response.body)).not.toContain(personal.givenName);
      expect(JSON.stringify(response.body)).not.toContain('BEN-LA');
    }
    expect(await writes()).toEqual(before);
  });

  it('is the holder’s alone: another officer stays out of scope', async () => {
    const { id } = await laotian();
    await requestAccess(id, thaiOfficer);
    const response = await protection.service.graphql(
      READ_PERSONAL,
      { id, purpose: 'helping a colleague' },
      {},
      { as: otherThaiOfficer },
    );
    expect(response.body.errors?.[0]?.extensions).toEqual({
      code: 'FORBIDDEN',
      reason: 'OUT_OF_SCOPE',
    });
  });

  it('lets a role without personal access read the record, but not the personal details', async () => {
    const { id, personal } = await laotian();
    await requestAccess(id, reliefCoordinator);
    const response = await protection.service.graphql<ReadPersonal>(
      `query ($id: ID!) {
        beneficiary(id: $id, purpose: "deliver emergency relief") {
          id personalDetails { givenName }
        }
      }`,
      { id },
      {},
      { as: reliefCoordinator },
    );
    expect(response.body.data!.beneficiary).toMatchObject({ id, personalDetails: null });
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        path: ['beneficiary', 'personalDetails'],
        extensions: { code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' },
      }),
    ]);
    expect(JSON.stringify(response.body)).not.toContain(personal.givenName);
  });

  it('given the grant expired, then reading is out of scope again', async () => {
    const { id } = await laotian();
    const granted = await requestAccess(id, thaiOfficer);
    const { grantId } = granted.body.data!.requestBreakGlassAccess!;
    await protection.sql.query(
      `UPDATE protection.break_glass_grants
          SET granted_at = now() - interval '2 hours', expires_at = now() - interval '1 hour'
        WHERE grant_id = $1`,
      [grantId],
    );
    const response = await protection.service.graphql(
      READ_PERSONAL,
      { id, purpose: 'still on it' },
      {},
      { as: thaiOfficer },
    );
    expect(response.body.errors?.[0]?.extensions).toEqual({
      code: 'FORBIDDEN',
      reason: 'OUT_OF_SCOPE',
    });
  });
});

describe('reviewing break-glass grants', () => {
  const LIST = `query ($activeOnly: Boolean, $after: String) {
    breakGlassGrants(activeOnly: $activeOnly, first: 100, after: $after) {
      edges { cursor node { id beneficiaryId country actorId role reason grantedAt expiresAt active } }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  type List = {
    breakGlassGrants: {
      edges: Array<{ node: { id: string; country: string; active: boolean; reason: string } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };

  it('lists every grant for admins and auditors, only their countries’ for a country manager, active ones on request; refuses others', async () => {
    const { id } = await laotian();
    const active = (await requestAccess(id, thaiOfficer)).body.data!.requestBreakGlassAccess!;
    const { id: expiredFor } = await laotian();
    const expired = (await requestAccess(expiredFor, thaiOfficer)).body.data!
      .requestBreakGlassAccess!;
    await protection.sql.query(
      `UPDATE protection.break_glass_grants
          SET granted_at = now() - interval '2 hours', expires_at = now() - interval '1 hour'
        WHERE grant_id = $1`,
      [expired.grantId],
    );

    for (const principal of [admin('admin-1'), auditor, managerOf(['LA'])]) {
      const all = await protection.service.graphql<List>(LIST, {}, {}, { as: principal });
      expect(all.body.errors).toBeUndefined();
      const nodes = all.body.data!.breakGlassGrants.edges.map(({ node }) => node);
      expect(nodes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: active.grantId,
            active: true,
            country: 'LA',
            reason: REASON,
          }),
          expect.objectContaining({ id: expired.grantId, active: false }),
        ]),
      );
      const onlyActive = await protection.service.graphql<List>(
        LIST,
        { activeOnly: true },
        {},
        { as: principal },
      );
      const ids = onlyActive.body.data!.breakGlassGrants.edges.map(({ node }) => node.id);
      expect(ids).toContain(active.grantId);
      expect(ids).not.toContain(expired.grantId);
    }

    const elsewhere = await protection.service.graphql<List>(
      LIST,
      {},
      {},
      { as: managerOf(['VN']) },
    );
    expect(elsewhere.body.data!.breakGlassGrants.edges).toEqual([]);

    for (const principal of [thaiOfficer, partner('ngo-a')]) {
      const refused = await protection.service.graphql(LIST, {}, {}, { as: principal });
      expect(refused.body.errors?.[0]?.extensions).toEqual({
        code: 'FORBIDDEN',
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
  });

  it('pages with cursors, and refuses a cursor it did not make', async () => {
    const PAGE = `query ($after: String) {
      breakGlassGrants(first: 1, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }
    }`;
    const first = await protection.service.graphql<List>(PAGE, {});
    expect(first.body.data!.breakGlassGrants.pageInfo.hasNextPage).toBe(true);
    const next = await protection.service.graphql<List>(PAGE, {
      after: first.body.data!.breakGlassGrants.pageInfo.endCursor,
    });
    expect(next.body.data!.breakGlassGrants.edges[0].node.id).not.toBe(
      first.body.data!.breakGlassGrants.edges[0].node.id,
    );
    const forged = await protection.service.graphql(PAGE, {
      after: Buffer.from('registered:1').toString('base64url'),
    });
    expect(forged.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('logs', () => {
  it('never hold a personal value, of any test of this file', () => {
    const raw = protection.service.rawLogs();
    expect(registeredValues.length).toBeGreaterThan(0);
    for (const value of registeredValues) expect(raw).not.toContain(value);
  });
});
