// HAVEN_SECURITY_CHECKS=off, the gateway benchmark's baseline: only ever off when asked for
// exactly, and never in production.
import { SecurityConfigError } from './config';
import { securityChecksFromEnv } from './security-checks';

describe('securityChecksFromEnv', () => {
  it('keeps the checks on unless HAVEN_SECURITY_CHECKS is exactly "off"', () => {
    expect(securityChecksFromEnv({})).toBe(true);
    for (const value of ['', 'on', 'OFF', 'false', '0', 'no', ' off']) {
      expect(securityChecksFromEnv({ HAVEN_SECURITY_CHECKS: value })).toBe(true);
      expect(securityChecksFromEnv({ HAVEN_SECURITY_CHECKS: value, NODE_ENV: 'production' })).toBe(
        true,
      );
    }
  });

  it('turns them off outside production', () => {
    expect(securityChecksFromEnv({ HAVEN_SECURITY_CHECKS: 'off' })).toBe(false);
    expect(securityChecksFromEnv({ HAVEN_SECURITY_CHECKS: 'off', NODE_ENV: 'development' })).toBe(
      false,
    );
  });

  it('refuses to turn them off in production, naming the variable', () => {
    const production = { HAVEN_SECURITY_CHECKS: 'off', NODE_ENV: 'production' };
    expect(() => securityChecksFromEnv(production)).toThrow(SecurityConfigError);
    expect(() => securityChecksFromEnv(production)).toThrow(
      /HAVEN_SECURITY_CHECKS=off is for benchmarking only and is refused when NODE_ENV=production/,
    );
  });
});
