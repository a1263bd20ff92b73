// Who may do what in protection, on a real PostgreSQL: no request without a valid gateway
// identity, roles its policy lists, a country officer kept to their countries and a partner to
// its organisation's beneficiaries; every refused write writes nothing.
import { generateDevKeys, IdentitySigner } from '@haven/platform/security';
import { registerBeneficiary } from './testing/fixtures';
import {
  REGISTER,
  useProtectionService,
  type RegisterResult,
} from './testing/protection-spec-harness';

const protection = useProtectionService();
const { register, counts } = protection;

// A Thai beneficiary for a Thai officer's list ('keeps a country officer to their countries'
// expects to find Thailand's beneficiaries there, and only them).
beforeAll(async () => {
  await registerBeneficiary(protection.service, { country: 'TH', sex: 'FEMALE', minor: false });
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
    const bare = await protection.service.graphql(
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
    const forgedResponse = await protection.service.graphql(
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
    const response = await protection.service.graphql(
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
    const elsewhere = await protection.service.graphql(
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
    const read = await protection.service.graphql(
      'query ($id: ID!) { beneficiary(id: $id) { id referenceCode } }',
      { id: laosId },
      {},
      { as: officer(['TH']) },
    );
    expect(read.body.data?.beneficiary).toBeNull();
    expect(read.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(JSON.stringify(read.body)).not.toContain('BEN-LA');

    const list = await protection.service.graphql<{
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
    const own = await protection.service.graphql<RegisterResult>(
      REGISTER,
      { input: { country: 'MM', sex: 'FEMALE', minor: false } },
      {},
      { as: partner('ngo-a') },
    );
    const ownId = own.body.data!.registerBeneficiary!.beneficiaryId;
    const other = await protection.service.graphql<RegisterResult>(
      REGISTER,
      { input: { country: 'MM', sex: 'FEMALE', minor: false } },
      {},
      { as: partner('ngo-b') },
    );
    const otherId = other.body.data!.registerBeneficiary!.beneficiaryId;

    const list = await protection.service.graphql<{
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

    const read = await protection.service.graphql(
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
    const list = await protection.service.graphql(
      '{ beneficiaries(first: 5) { edges { node { id } } } }',
      {},
      {},
      { as: watchdog },
    );
    expect(list.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
