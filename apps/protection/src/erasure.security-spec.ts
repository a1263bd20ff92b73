// Erasure of a beneficiary's personal data, attacked from every side: one admin alone, the wrong
// role, no request, twice, a failure half-way. After a confirmed erasure nothing can read the
// data again, through the API, a rebuilt read model, or any table of the database.
import { randomUUID } from 'node:crypto';
import { ServiceDatabase } from '@haven/platform/nest';
import { useTestService } from '@haven/platform/nest/testing';
import { findClearText } from '@haven/platform/testing';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import type { Principal } from '@haven/platform/security';
import { AppModule } from './app.module';
import {
  admin,
  asRead,
  eventTypesOf,
  PERSONAL_SELECTION,
  READ_PERSONAL,
  REGISTER,
  registerBeneficiary,
  somePersonalDetails,
  type ReadPersonal,
} from './testing/fixtures';

const protection = useTestService(AppModule, { migrations: [PROTECTION_MIGRATIONS] });
const registeredValues: string[] = [];

const first = admin('admin-first');
const second = admin('admin-second');
const countryManager: Principal = {
  subject: 'manager-la',
  role: 'country_manager',
  countries: ['LA'],
  organisationId: 'alliance',
};

const ERASE = `mutation ($input: EraseBeneficiaryInput!) {
  eraseBeneficiary(input: $input) { beneficiaryId streamVersion status }
}`;
const CONFIRM = `mutation ($input: ConfirmBeneficiaryErasureInput!) {
  confirmBeneficiaryErasure(input: $input) {
    beneficiaryId streamVersion status
    beneficiary { id personalDetails { ${PERSONAL_SELECTION} } }
  }
}`;
const REASON = 'Consent withdrawn, request ticket OPS-2231';

async function registerWithPersonalData(): Promise<{
  id: string;
  personal: Record<string, string>;
}> {
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

const eventTypes = (id: string) => eventTypesOf(protection.sql, beneficiaryStreamId(id));

async function keyRow(id: string) {
  const { rows } = await protection.sql.query(
    `SELECT wrapped_key, master_key_id, destroyed_at FROM privacy.person_keys WHERE subject_id = $1`,
    [id],
  );
  return rows[0];
}

async function personalDetailsOf(id: string) {
  const response = await protection.service.graphql<ReadPersonal>(READ_PERSONAL, {
    id,
    purpose: 'check',
  });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.beneficiary!.personalDetails;
}

function erase(id: string, as: Principal, reason = REASON) {
  return protection.service.graphql<{ eraseBeneficiary: { status: string } }>(
    ERASE,
    { input: { beneficiaryId: id, reason } },
    {},
    { as },
  );
}

function confirm(id: string, as: Principal) {
  return protection.service.graphql<{
    confirmBeneficiaryErasure: {
      status: string;
      beneficiary: { id: string; personalDetails: Record<string, unknown> } | null;
    };
  }>(CONFIRM, { input: { beneficiaryId: id } }, {}, { as });
}

describe('erasing a beneficiary’s personal data', () => {
  it('takes two admins: the requester alone is refused, another confirms; then the API, a rebuilt read model and every table show it erased, and the key is gone', async () => {
    const { id, personal } = await registerWithPersonalData();
    // Before: the data is there, so every "erased" check below can fail.
    expect(await personalDetailsOf(id)).toEqual(asRead(personal));
    expect((await keyRow(id)).wrapped_key).toBeInstanceOf(Buffer);

    const requested = await erase(id, first);
    expect(requested.body.errors).toBeUndefined();
    expect(requested.body.data!.eraseBeneficiary.status).toBe('REQUESTED');
    const { rows: requests } = await protection.sql.query(
      `SELECT data, metadata->>'actorId' AS actor FROM event_store.events
        WHERE stream_id = $1 AND type = 'BeneficiaryErasureRequested'`,
      [beneficiaryStreamId(id)],
    );
    expect(requests).toEqual([
      {
        data: expect.objectContaining({ requestedBy: 'admin-first', reason: REASON }),
        actor: 'admin-first',
      },
    ]);
    // A request erases nothing yet.
    expect(await personalDetailsOf(id)).toEqual(asRead(personal));

    const same = await confirm(id, first);
    expect(same.body.data).toBeNull();
    expect(same.body.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', reason: 'SAME_ADMIN' });
    expect(await eventTypes(id)).toEqual(['BeneficiaryRegistered', 'BeneficiaryErasureRequested']);
    expect((await keyRow(id)).wrapped_key).toBeInstanceOf(Buffer);

    const confirmed = await confirm(id, second);
    expect(confirmed.body.errors).toBeUndefined();
    expect(confirmed.body.data!.confirmBeneficiaryErasure).toMatchObject({
      status: 'ERASED',
      beneficiary: {
        id,
        personalDetails: {
          givenName: null,
          familyName: null,
          dateOfBirth: null,
          phone: null,
          address: null,
          identityDocumentNumber: null,
          notes: null,
          erased: true,
        },
      },
    });
    expect(await eventTypes(id)).toEqual([
      'BeneficiaryRegistered',
      'BeneficiaryErasureRequested',
      'BeneficiaryErased',
    ]);
    const { rows: erasedEvents } = await protection.sql.query(
      `SELECT data FROM event_store.events WHERE stream_id = $1 AND type = 'BeneficiaryErased'`,
      [beneficiaryStreamId(id)],
    );
    expect(erasedEvents[0].data).toMatchObject({
      requestedBy: 'admin-first',
      confirmedBy: 'admin-second',
    });

    // The key row stays as a tombstone, with no key material left in it.
    expect(await keyRow(id)).toEqual({
      wrapped_key: null,
      master_key_id: null,
      destroyed_at: expect.any(Date),
    });
    expect(await personalDetailsOf(id)).toEqual(asRead({}, true));
    const { rows: readModel } = await protection.sql.query(
      'SELECT personal, erased_at FROM protection.beneficiaries WHERE id = $1',
      [id],
    );
    expect(readModel).toEqual([{ personal: null, erased_at: expect.any(Date) }]);

    // Replayed from the first event: still erased.
    const [runner] = protection.service.app.get(ServiceDatabase).runners;
    await runner.rebuild();
    await protection.caughtUp(
      Number(
        (await protection.sql.query('SELECT max(global_position) AS head FROM event_store.events'))
          .rows[0].head,
      ),
    );
    const { rows: rebuilt } = await protection.sql.query(
      'SELECT personal, erased_at FROM protection.beneficiaries WHERE id = $1',
      [id],
    );
    expect(rebuilt).toEqual([{ personal: null, erased_at: expect.any(Date) }]);
    expect((await personalDetailsOf(id))!.erased).toBe(true);

    expect(await findClearText(protection.sql, Object.values(personal))).toEqual([]);
  });

  it('given an erased beneficiary, then another request, confirmation or registration with personal data is refused (CONFLICT), and no key is ever made again', async () => {
    const { id, personal } = await registerWithPersonalData();
    await erase(id, first);
    await confirm(id, second);
    const types = await eventTypes(id);

    const again = await erase(id, second);
    expect(again.body.errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      reason: 'BENEFICIARY_ERASED',
    });
    const twice = await confirm(id, first);
    expect(twice.body.errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      reason: 'BENEFICIARY_ERASED',
    });
    const reregistered = await protection.service.graphql(REGISTER, {
      input: { id, country: 'LA', sex: 'FEMALE', minor: true, personal },
    });
    expect(reregistered.body.errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      reason: 'BENEFICIARY_ERASED',
    });
    expect(await eventTypes(id)).toEqual(types);
    expect((await keyRow(id)).wrapped_key).toBeNull();
  });

  it('given no pending request, then a confirmation is refused (CONFLICT) and nothing is written or destroyed', async () => {
    const { id, personal } = await registerWithPersonalData();
    const response = await confirm(id, second);
    expect(response.body.errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      reason: 'ERASURE_NOT_REQUESTED',
    });
    expect(await eventTypes(id)).toEqual(['BeneficiaryRegistered']);
    expect(await personalDetailsOf(id)).toEqual(asRead(personal));
  });

  it('refuses every role but admin, for both steps, and writes nothing', async () => {
    const { id } = await registerWithPersonalData();
    for (const principal of [
      countryManager,
      { ...countryManager, role: 'auditor' as const, countries: 'all' as const },
    ]) {
      const request = await erase(id, principal);
      expect(request.body.errors?.[0]?.extensions).toEqual({
        code: 'FORBIDDEN',
        reason: 'ROLE_NOT_ALLOWED',
      });
      const confirmation = await confirm(id, principal);
      expect(confirmation.body.errors?.[0]?.extensions).toEqual({
        code: 'FORBIDDEN',
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
    expect(await eventTypes(id)).toEqual(['BeneficiaryRegistered']);
  });

  it.each([
    ['a reason over 500 characters', 'x'.repeat(501)],
    ['a blank reason', '   '],
  ])(
    'given %s, then the request is refused with BAD_USER_INPUT and writes nothing',
    async (_case, reason) => {
      const { id } = await registerWithPersonalData();
      const response = await erase(id, first, reason);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'reason' })],
      });
      expect(await eventTypes(id)).toEqual(['BeneficiaryRegistered']);
    },
  );

  it('given an unknown beneficiary, then the request is NOT_FOUND', async () => {
    const response = await erase(randomUUID(), first);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('given the key cannot be destroyed, then no BeneficiaryErased event is appended either (one transaction), and the data stays readable until a confirmation succeeds', async () => {
    const { id, personal } = await registerWithPersonalData();
    await erase(id, first);
    await protection.sql.query(`
      CREATE FUNCTION privacy.test_refuse_key_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN RAISE EXCEPTION 'person_keys unavailable'; END $fn$;
      CREATE TRIGGER test_refuse_key_change BEFORE UPDATE ON privacy.person_keys
        FOR EACH STATEMENT EXECUTE FUNCTION privacy.test_refuse_key_change();`);
    try {
      const failed = await confirm(id, second);
      expect(failed.body.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(await eventTypes(id)).toEqual([
        'BeneficiaryRegistered',
        'BeneficiaryErasureRequested',
      ]);
      expect((await keyRow(id)).wrapped_key).toBeInstanceOf(Buffer);
      expect(await personalDetailsOf(id)).toEqual(asRead(personal));
    } finally {
      await protection.sql.query(`
        DROP TRIGGER test_refuse_key_change ON privacy.person_keys;
        DROP FUNCTION privacy.test_refuse_key_change();`);
    }

    const retried = await confirm(id, second);
    expect(retried.body.errors).toBeUndefined();
    expect((await personalDetailsOf(id))!.erased).toBe(true);
  });

  it('never writes a personal value to the logs', () => {
    const raw = protection.service.rawLogs();
    for (const value of registeredValues) expect(raw).not.toContain(value);
  });
});
