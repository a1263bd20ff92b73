// Issue 13, hole 1: a client-chosen id replayed by someone else must reveal nothing. Only the same
// caller's identical retry (same principal, same organisation, same facts) is idempotent; any
// other replay gets one answer, whatever the facts, and writes nothing.
import { randomUUID } from 'node:crypto';
import { useTestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { AppModule } from './app.module';
import { officer, partner } from './testing/fixtures';

const protection = useTestService(AppModule, { migrations: [PROTECTION_MIGRATIONS] });

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;

const REGISTER = `mutation ($input: RegisterBeneficiaryInput!) {
  registerBeneficiary(input: $input) { beneficiaryId beneficiary { id referenceCode country } }
}`;
const OPEN = `mutation ($input: OpenProtectionCaseInput!) {
  openProtectionCase(input: $input) { caseId protectionCase { id country } }
}`;

function register(input: Record<string, unknown>, as: Principal) {
  return protection.service.graphql<{ registerBeneficiary: unknown }>(
    REGISTER,
    { input },
    {},
    { as },
  );
}

function open(input: Record<string, unknown>, as: Principal) {
  return protection.service.graphql<{ openProtectionCase: unknown }>(OPEN, { input }, {}, { as });
}

/** What a refused replay shows: no data, and an error that names nothing of the record. */
function refusal(body: { data?: unknown; errors?: Errors }) {
  const [error] = body.errors ?? [];
  return {
    data: body.data,
    message: error?.message,
    code: error?.extensions?.code,
    reason: error?.extensions?.reason,
  };
}

describe('registerBeneficiary with an id another organisation registered', () => {
  const partnerA = partner('org-a');
  const partnerB = partner('org-b');
  const facts = { country: 'LA', sex: 'FEMALE', minor: true };

  it('is idempotent for the same partner, and refused alike to another whatever the facts, with nothing written', async () => {
    const id = randomUUID();
    const first = await register({ id, ...facts }, partnerA);
    expect(first.body.errors).toBeUndefined();
    const retry = await register({ id, ...facts }, partnerA);
    expect(retry.body.errors).toBeUndefined();
    expect(retry.body.data).toEqual(first.body.data);

    const before = await protection.eventCount();
    const sameFacts = await register({ id, ...facts }, partnerB);
    const otherFacts = await register({ id, ...facts, sex: 'MALE', minor: false }, partnerB);
    expect(await protection.eventCount()).toBe(before);

    const referenceCode = (
      first.body.data as { registerBeneficiary: { beneficiary: { referenceCode: string } } }
    ).registerBeneficiary.beneficiary.referenceCode;
    for (const replay of [sameFacts, otherFacts]) {
      expect(JSON.stringify(replay.body)).not.toContain(referenceCode);
      expect(refusal(replay.body)).toEqual({
        data: null,
        message: expect.any(String),
        code: 'CONFLICT',
        reason: 'BENEFICIARY_ALREADY_REGISTERED',
      });
    }
    expect(refusal(sameFacts.body)).toEqual(refusal(otherFacts.body));
  });

  it('is refused alike to another officer of the same country with the same facts', async () => {
    const id = randomUUID();
    const thai = officer(['TH'], 'officer-th-a');
    expect((await register({ id, ...facts, country: 'TH' }, thai)).body.errors).toBeUndefined();
    const replay = await register({ id, ...facts, country: 'TH' }, officer(['TH'], 'officer-th-b'));
    expect(refusal(replay.body)).toMatchObject({ code: 'CONFLICT', data: null });
  });
});

describe('openProtectionCase with an id another officer opened', () => {
  const facts = { country: 'TH', abroad: false, formOfExploitation: 'SEX_TRAFFICKING' };

  it('is idempotent for the officer who opened it, and refused alike to another whatever the facts', async () => {
    const id = randomUUID();
    const opener = officer(['TH', 'LA'], 'officer-opener');
    const other = officer(['TH'], 'officer-other');
    expect((await open({ id, ...facts }, opener)).body.errors).toBeUndefined();
    expect((await open({ id, ...facts }, opener)).body.errors).toBeUndefined();

    const before = await protection.eventCount();
    const sameFacts = await open({ id, ...facts }, other);
    const otherFacts = await open({ id, ...facts, formOfExploitation: 'FORCED_MARRIAGE' }, other);
    expect(await protection.eventCount()).toBe(before);
    expect(refusal(sameFacts.body)).toEqual({
      data: null,
      message: expect.any(String),
      code: 'CONFLICT',
      reason: 'CASE_ALREADY_OPENED',
    });
    expect(refusal(sameFacts.body)).toEqual(refusal(otherFacts.body));
  });
});
