// Consents and duplicate detection through protection's GraphQL API, on a real PostgreSQL.
import { randomBytes } from 'node:crypto';
import { useTestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { findClearText } from '@haven/platform/testing';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { AppModule } from './app.module';
import { admin, eventTypesOf, officer, partner, registerBeneficiary } from './testing/fixtures';

const protection = useTestService(AppModule, { migrations: [PROTECTION_MIGRATIONS] });

const RECORD_CONSENT = `mutation ($input: RecordConsentInput!) {
  recordConsent(input: $input) {
    streamVersion
    beneficiary { id consents { kind partnerOrganisationId given recordedOn recordedBy } }
  }
}`;
const RESOLVE = `mutation ($input: ResolvePossibleDuplicateInput!) {
  resolvePossibleDuplicate(input: $input) {
    beneficiary { possibleDuplicates { candidateId reasons status decidedBy } }
  }
}`;
const DUPLICATES = `query ($id: ID!) {
  beneficiary(id: $id) { possibleDuplicates { candidateId reasons status } }
}`;

const eventTypes = (id: string) => eventTypesOf(protection.sql, beneficiaryStreamId(id));

async function matchKeys(id: string): Promise<number> {
  const { rows } = await protection.sql.query(
    'SELECT count(*)::int AS n FROM protection.beneficiary_match_keys WHERE beneficiary_id = $1',
    [id],
  );
  return rows[0].n;
}

function someName() {
  const tag = randomBytes(4).toString('hex');
  return { given: `Thị Lan ${tag}`, family: `Nguyễn${tag}` };
}

describe('consents', () => {
  const th = officer(['TH']);

  it('records a consent, then its withdrawal as a new record; consents show the latest per kind and partner', async () => {
    const id = await registerBeneficiary(protection.service, {
      country: 'TH',
      sex: 'FEMALE',
      minor: true,
    });
    const record = (input: Record<string, unknown>, as: Principal = th) =>
      protection.service.graphql<{
        recordConsent: { beneficiary: { consents: Array<Record<string, unknown>> } };
      }>(RECORD_CONSENT, { input: { beneficiaryId: id, ...input } }, {}, { as });

    const shared = { kind: 'SHARING_WITH_PARTNER', partnerOrganisationId: 'ngo-1' };
    expect(
      (await record({ ...shared, given: true, recordedOn: '2026-01-10' })).body.errors,
    ).toBeUndefined();
    expect(
      (await record({ kind: 'SERVICES', given: true, recordedOn: '2026-01-10' })).body.errors,
    ).toBeUndefined();
    const withdrawn = await record({ ...shared, given: false, recordedOn: '2026-02-01' });
    expect(withdrawn.body.errors).toBeUndefined();
    expect(withdrawn.body.data!.recordConsent.beneficiary.consents).toEqual([
      {
        kind: 'SERVICES',
        partnerOrganisationId: null,
        given: true,
        recordedOn: '2026-01-10',
        recordedBy: 'officer-th',
      },
      { ...shared, given: false, recordedOn: '2026-02-01', recordedBy: 'officer-th' },
    ]);
    expect(await eventTypes(id)).toEqual([
      'BeneficiaryRegistered',
      'ConsentRecorded',
      'ConsentRecorded',
      'ConsentRecorded',
    ]);
  });

  it('refuses sharing without a partner (BAD_USER_INPUT), other roles (FORBIDDEN) and other countries (NOT_FOUND, as for no beneficiary), writing nothing', async () => {
    const id = await registerBeneficiary(protection.service, {
      country: 'TH',
      sex: 'FEMALE',
      minor: true,
    });
    const record = (input: Record<string, unknown>, as: Principal) =>
      protection.service.graphql(
        RECORD_CONSENT,
        { input: { beneficiaryId: id, given: true, recordedOn: '2026-01-10', ...input } },
        {},
        { as },
      );

    const noPartner = await record({ kind: 'SHARING_WITH_PARTNER' }, th);
    expect(noPartner.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const asPartner = await record({ kind: 'SERVICES' }, partner('ngo-1'));
    expect(asPartner.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const elsewhere = await record({ kind: 'SERVICES' }, officer(['LA'], 'officer-la'));
    expect(elsewhere.body.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'BENEFICIARY_NOT_FOUND',
    });
    expect(await eventTypes(id)).toEqual(['BeneficiaryRegistered']);
  });
});

describe('duplicate detection at registration', () => {
  it('flags the same name (other case, accents and order) and birth date in the same country, merges nothing, and a person decides', async () => {
    const { given, family } = someName();
    const first = await registerBeneficiary(protection.service, {
      country: 'TH',
      sex: 'FEMALE',
      minor: true,
      personal: { givenName: given, familyName: family, dateOfBirth: '2011-03-04' },
    });
    const ascii = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '');
    const second = await registerBeneficiary(protection.service, {
      country: 'TH',
      sex: 'FEMALE',
      minor: true,
      personal: {
        givenName: ascii(family).toUpperCase(),
        familyName: ascii(given).toLowerCase(),
        dateOfBirth: '2011-03-04',
      },
    });
    expect(await eventTypes(first)).toEqual(['BeneficiaryRegistered']);
    expect(await eventTypes(second)).toEqual([
      'BeneficiaryRegistered',
      'BeneficiaryFlaggedAsPossibleDuplicate',
    ]);
    const { rows } = await protection.sql.query(
      `SELECT data FROM event_store.events WHERE stream_id = $1 AND type = 'BeneficiaryFlaggedAsPossibleDuplicate'`,
      [beneficiaryStreamId(second)],
    );
    expect(rows[0].data).toEqual({
      beneficiaryId: second,
      candidateIds: [first],
      reasons: ['SAME_NAME_AND_DATE_OF_BIRTH', 'SAME_NAME_AND_BIRTH_YEAR'],
    });

    const read = await protection.service.graphql<{
      beneficiary: { possibleDuplicates: unknown[] };
    }>(DUPLICATES, { id: second }, {}, { as: officer(['TH']) });
    expect(read.body.data!.beneficiary.possibleDuplicates).toEqual([
      {
        candidateId: first,
        reasons: ['SAME_NAME_AND_DATE_OF_BIRTH', 'SAME_NAME_AND_BIRTH_YEAR'],
        status: 'PENDING',
      },
    ]);

    const resolved = await protection.service.graphql<{
      resolvePossibleDuplicate: { beneficiary: { possibleDuplicates: unknown[] } };
    }>(
      RESOLVE,
      { input: { beneficiaryId: second, candidateId: first, decision: 'SAME_PERSON' } },
      {},
      { as: officer(['TH']) },
    );
    expect(resolved.body.errors).toBeUndefined();
    expect(resolved.body.data!.resolvePossibleDuplicate.beneficiary.possibleDuplicates).toEqual([
      expect.objectContaining({
        candidateId: first,
        status: 'SAME_PERSON',
        decidedBy: 'officer-th',
      }),
    ]);
    // Nothing merged: both records are still there, apart.
    const { rows: both } = await protection.sql.query(
      'SELECT id FROM protection.beneficiaries WHERE id = ANY($1)',
      [[first, second]],
    );
    expect(both).toHaveLength(2);

    const unknown = await protection.service.graphql(
      RESOLVE,
      { input: { beneficiaryId: first, candidateId: second, decision: 'SAME_PERSON' } },
      {},
      { as: officer(['TH']) },
    );
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });

    // The match keys hold no clear name, normalised name or date.
    expect(await matchKeys(second)).toBe(2);
    expect(
      await findClearText(protection.sql, [
        given,
        family,
        `${family} ${given}`.toLowerCase(),
        '2011-03-04',
      ]),
    ).toEqual([]);
  });

  it('does not flag the same person registered in another country, nor a different birth date', async () => {
    const { given, family } = someName();
    const personal = { givenName: given, familyName: family, dateOfBirth: '2010-05-06' };
    await registerBeneficiary(protection.service, {
      country: 'TH',
      sex: 'FEMALE',
      minor: true,
      personal,
    });
    const abroad = await registerBeneficiary(protection.service, {
      country: 'LA',
      sex: 'FEMALE',
      minor: true,
      personal,
    });
    expect(await eventTypes(abroad)).toEqual(['BeneficiaryRegistered']);
    const otherYear = await registerBeneficiary(protection.service, {
      country: 'TH',
      sex: 'FEMALE',
      minor: true,
      personal: { ...personal, dateOfBirth: '2009-05-06' },
    });
    expect(await eventTypes(otherYear)).toEqual(['BeneficiaryRegistered']);
  });

  it('deletes the person’s match keys when an erasure is confirmed', async () => {
    const { given, family } = someName();
    const id = await registerBeneficiary(protection.service, {
      country: 'VN',
      sex: 'MALE',
      minor: false,
      personal: { givenName: given, familyName: family, dateOfBirth: '2001-01-02' },
    });
    expect(await matchKeys(id)).toBe(2);
    const erase = await protection.service.graphql(
      'mutation ($input: EraseBeneficiaryInput!) { eraseBeneficiary(input: $input) { status } }',
      { input: { beneficiaryId: id, reason: 'Requested by the person, ticket OPS-1' } },
      {},
      { as: admin('admin-a') },
    );
    expect(erase.body.errors).toBeUndefined();
    const confirm = await protection.service.graphql(
      'mutation ($input: ConfirmBeneficiaryErasureInput!) { confirmBeneficiaryErasure(input: $input) { status } }',
      { input: { beneficiaryId: id } },
      {},
      { as: admin('admin-b') },
    );
    expect(confirm.body.errors).toBeUndefined();
    expect(await matchKeys(id)).toBe(0);
  });
});
