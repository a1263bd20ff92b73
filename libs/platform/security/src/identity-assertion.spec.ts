// The gateway → subgraph identity: only the gateway's key makes one a subgraph accepts.
import { generateDevKeys } from './dev-keys';
import { AuthenticationError } from './errors';
import { IdentitySigner, IdentityVerifier } from './identity-assertion';
import type { Principal } from './principal';

const keys = generateDevKeys();
const officer: Principal = {
  subject: 'officer-7',
  role: 'protection_officer',
  countries: ['LA', 'TH'],
  organisationId: 'alliance',
};

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return (error as AuthenticationError).reason;
}

describe('identity assertions', () => {
  it('carry the principal from the gateway to a subgraph', async () => {
    const assertion = await new IdentitySigner(keys.identity.privateJwk).sign(officer);
    await expect(new IdentityVerifier(keys.identity.publicJwk).verify(assertion)).resolves.toEqual(
      officer,
    );
  });

  it('are refused when missing, signed by another key, altered or expired', async () => {
    const verifier = new IdentityVerifier(keys.identity.publicJwk);
    expect(await refusal(verifier.verify(undefined))).toBe('IDENTITY_MISSING');
    expect(await refusal(verifier.verify(['a', 'b']))).toBe('IDENTITY_MISSING');

    const stranger = await new IdentitySigner(generateDevKeys().identity.privateJwk).sign(officer);
    expect(await refusal(verifier.verify(stranger))).toBe('IDENTITY_INVALID');

    const genuine = await new IdentitySigner(keys.identity.privateJwk).sign(officer);
    const [header, payload, signature] = genuine.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const altered = [
      header,
      Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url'),
      signature,
    ].join('.');
    expect(await refusal(verifier.verify(altered))).toBe('IDENTITY_INVALID');

    const expired = await new IdentitySigner(keys.identity.privateJwk, -30).sign(officer);
    expect(await refusal(verifier.verify(expired))).toBe('IDENTITY_INVALID');
  });
});
