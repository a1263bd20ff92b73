// Erasing an offender's sealed identity against the real legal app and PostgreSQL: admins only,
// written to the access log with the key's destruction, the identity then reads as erased, the
// offender's kind and status history stay, and bad input or a wrong role writes nothing.
import { randomUUID } from 'node:crypto';
import { admin, legalTH, person, useLegalService } from '../testing/legal-spec-harness';

const MARKER = 'Marker-Erased-Offender-Kp4';

const legal = useLegalService();
const ana = randomUUID();

beforeAll(() => legal.registerBeneficiary(ana));

async function count(query: string, params: unknown[] = []): Promise<number> {
  return Number((await legal.sql.query(query, params)).rows[0].n);
}

const ERASE = `mutation ($input: EraseOffenderIdentityInput!) {
  eraseOffenderIdentity(input: $input) { caseId offenderId erased }
}`;
const IDENTITY = `query ($id: ID!) { offenderIdentity(offenderId: $id) { names aliases notes erased } }`;

describe('erasing an offender’s sealed identity', () => {
  let caseId: string;
  let offenderId: string;

  beforeAll(async () => {
    caseId = await legal.openCase(ana);
    const added = await legal.as<{ addOffender: { node: { offenders: { id: string }[] } } }>(
      legalTH,
      `mutation ($input: AddOffenderInput!) { addOffender(input: $input) { node { offenders { id } } } }`,
      {
        input: {
          caseId,
          kind: 'ADULT_MALE',
          nationality: 'TH',
          identity: { names: MARKER, aliases: 'Boss', notes: 'Owns the karaoke bar' },
          on: '2019-06-02',
        },
      },
    );
    offenderId = added.data!.addOffender.node.offenders[0].id;
    const moved = await legal.as(
      legalTH,
      `mutation ($input: ChangeOffenderStatusInput!) { changeOffenderStatus(input: $input) { id } }`,
      { input: { caseId, offenderId, status: 'IN_CUSTODY', on: '2019-07-01' } },
    );
    expect(moved.errors).toBeUndefined();
  });

  it('given an offender, when a legal officer, country manager or auditor asks to erase, then it is refused and nothing is written', async () => {
    const before = await legal.eventCount();
    for (const principal of [
      legalTH,
      person('country_manager', ['TH']),
      person('auditor', ['TH']),
      person('protection_officer', ['TH']),
    ]) {
      const refused = await legal.as(principal, ERASE, {
        input: { caseId, offenderId, reason: 'Court order 17' },
      });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await legal.eventCount()).toBe(before);
    expect(
      (await legal.as<{ offenderIdentity: unknown }>(admin, IDENTITY, { id: offenderId })).data,
    ).toEqual({
      offenderIdentity: {
        names: MARKER,
        aliases: 'Boss',
        notes: 'Owns the karaoke bar',
        erased: false,
      },
    });
  });

  it('given bad input, when an admin asks to erase, then it is a BAD_USER_INPUT or NOT_FOUND quoting no value, and nothing is written', async () => {
    const before = await legal.eventCount();
    const keys = () =>
      count('SELECT count(*) AS n FROM privacy.person_keys WHERE destroyed_at IS NOT NULL');
    const keysBefore = await keys();
    const bad = async (input: Record<string, unknown>, code: string, quoted: string) => {
      const body = await legal.as(admin, ERASE, { input });
      expect(body.errors?.[0].extensions?.code).toBe(code);
      expect(JSON.stringify(body.errors)).not.toContain(quoted);
    };
    await bad({ caseId, offenderId: 'not-an-id-Qx9', reason: 'r' }, 'BAD_USER_INPUT', 'Qx9');
    await bad({ caseId, offenderId, reason: '   ' }, 'BAD_USER_INPUT', '"   "');
    await bad(
      { caseId, offenderId, reason: `${MARKER}${'x'.repeat(600)}` },
      'BAD_USER_INPUT',
      MARKER,
    );
    await bad({ caseId, offenderId, reason: `two\nlines ${MARKER}` }, 'BAD_USER_INPUT', MARKER);
    await bad({ caseId, offenderId: randomUUID(), reason: 'r' }, 'NOT_FOUND', caseId);
    await bad({ caseId: randomUUID(), offenderId, reason: 'r' }, 'NOT_FOUND', offenderId);
    expect(await legal.eventCount()).toBe(before);
    expect(await keys()).toBe(keysBefore);
  });

  it('given an offender, when an admin erases the identity, then it reads as erased, the erasure is in the access log, and the rest of the offender stays', async () => {
    const erased = await legal.as<{ eraseOffenderIdentity: unknown }>(admin, ERASE, {
      input: { caseId, offenderId, reason: 'Court order 17' },
    });
    expect(erased.errors).toBeUndefined();
    expect(erased.data?.eraseOffenderIdentity).toEqual({ caseId, offenderId, erased: true });

    const log = await legal.sql.query(
      'SELECT actor_id, role, record_type, fields, purpose FROM privacy.access_log WHERE record_id = $1 AND purpose = $2',
      [offenderId, 'erasure'],
    );
    expect(log.rows).toEqual([
      {
        actor_id: admin.subject,
        role: 'admin',
        record_type: 'Offender',
        fields: ['names', 'aliases', 'notes'],
        purpose: 'erasure',
      },
    ]);

    for (const reader of [admin, legalTH]) {
      const read = await legal.as<{ offenderIdentity: unknown }>(reader, IDENTITY, {
        id: offenderId,
      });
      expect(read.data?.offenderIdentity).toEqual({
        names: null,
        aliases: null,
        notes: null,
        erased: true,
      });
    }

    const kept = await legal.as<{ legalCase: { offenders: unknown[] } }>(
      legalTH,
      `query ($id: ID!) { legalCase(id: $id) { offenders { id kind nationality status statusSince } } }`,
      { id: caseId },
    );
    expect(kept.errors).toBeUndefined();
    expect(kept.data?.legalCase.offenders).toEqual([
      {
        id: offenderId,
        kind: 'ADULT_MALE',
        nationality: 'TH',
        status: 'IN_CUSTODY',
        statusSince: '2019-07-01',
      },
    ]);
    expect(legal.service.rawLogs()).not.toContain(MARKER);
  });

  it('given an erased identity, when it is erased again, then nothing changes and nothing more is logged', async () => {
    const before = await legal.eventCount();
    const again = await legal.as<{ eraseOffenderIdentity: unknown }>(admin, ERASE, {
      input: { caseId, offenderId, reason: 'Court order 17' },
    });
    expect(again.errors).toBeUndefined();
    expect(await legal.eventCount()).toBe(before);
    expect(
      await count(
        "SELECT count(*) AS n FROM privacy.access_log WHERE record_id = $1 AND purpose = 'erasure'",
        [offenderId],
      ),
    ).toBe(1);
  });
});
