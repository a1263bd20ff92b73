// HAVEN_SECURITY_CHECKS=off, the gateway benchmark's baseline (refused in production: see
// libs/platform/security/src/security-checks.spec.ts and apps/gateway/src/security-checks.spec.ts):
// the service answers without an identity, as the benchmark's admin, and still logs every read
// of personal data. The service with the checks on refuses the same request
// (protection-authorization.int-spec.ts: "refuses a request without the gateway identity").
import { useTestService } from '@haven/platform/nest/testing';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { AppModule } from './app.module';
import { READ_PERSONAL, REGISTER, type Registered } from './testing/fixtures';

const protection = useTestService(AppModule, {
  migrations: [PROTECTION_MIGRATIONS],
  env: { HAVEN_SECURITY_CHECKS: 'off' },
});

describe('with HAVEN_SECURITY_CHECKS=off (benchmarking only)', () => {
  it('answers a request without identity as the benchmark admin, and logs its reads of personal data', async () => {
    const personal = { givenName: 'Bench', familyName: 'Mark', dateOfBirth: '2001-02-03' };
    const registered = await protection.service.graphql<Registered>(
      REGISTER,
      { input: { country: 'TH', sex: 'FEMALE', minor: false, personal } },
      {},
      { as: null },
    );
    expect(registered.status).toBe(200);
    expect(registered.body.errors).toBeUndefined();
    const id = registered.body.data!.registerBeneficiary!.beneficiaryId;

    const read = await protection.service.graphql<{ beneficiary: { personalDetails: unknown } }>(
      READ_PERSONAL,
      { id, purpose: 'benchmark' },
      {},
      { as: null },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.beneficiary.personalDetails).toMatchObject(personal);

    const { rows } = await protection.sql.query(
      'SELECT actor_id, role, purpose FROM privacy.access_log WHERE record_id = $1 ORDER BY id',
      [id],
    );
    // One entry for the registration's read-back, one for the read.
    expect(rows).toEqual([
      { actor_id: 'benchmark', role: 'admin', purpose: 'intake' },
      { actor_id: 'benchmark', role: 'admin', purpose: 'benchmark' },
    ]);
  });
});
