import type { Request } from './express';
import { clientKeyOf, rateLimitFromEnv } from './rate-limit';

describe('rateLimitFromEnv (HAVEN_RATE_LIMIT_PER_MINUTE)', () => {
  it('is 600 requests a minute by default', () => {
    expect(rateLimitFromEnv({})).toEqual({ windowMs: 60_000, limit: 600 });
    expect(rateLimitFromEnv({ HAVEN_RATE_LIMIT_PER_MINUTE: '' })).toEqual({
      windowMs: 60_000,
      limit: 600,
    });
  });

  it('takes a positive whole number, or `off`', () => {
    expect(rateLimitFromEnv({ HAVEN_RATE_LIMIT_PER_MINUTE: '50' })).toEqual({
      windowMs: 60_000,
      limit: 50,
    });
    expect(rateLimitFromEnv({ HAVEN_RATE_LIMIT_PER_MINUTE: 'off' })).toBe(false);
    for (const value of ['0', '-1', '1.5', 'many']) {
      expect(() => rateLimitFromEnv({ HAVEN_RATE_LIMIT_PER_MINUTE: value })).toThrow(
        'HAVEN_RATE_LIMIT_PER_MINUTE must be a positive whole number or "off".',
      );
    }
  });
});

describe('clientKeyOf', () => {
  const request = (ip: string, principal?: { subject: string; role?: string }) =>
    ({ ip, principal, socket: {} }) as unknown as Request;

  it('is the principal’s subject when there is one, else the address', () => {
    expect(clientKeyOf(request('10.0.0.1', { subject: 'user-1', role: 'partner' }))).toBe(
      'subject:user-1',
    );
    expect(clientKeyOf(request('10.0.0.1'))).toBe('ip:10.0.0.1');
  });

  it('keeps a subject that looks like an address apart from that address', () => {
    expect(clientKeyOf(request('10.0.0.1', { subject: '10.0.0.1' }))).not.toBe(
      clientKeyOf(request('10.0.0.1')),
    );
  });

  it('counts an IPv6 client by its /56 network, which it could otherwise walk through', () => {
    expect(clientKeyOf(request('2001:db8:1:100::1'))).toBe(
      clientKeyOf(request('2001:db8:1:1ff::2')),
    );
    expect(clientKeyOf(request('2001:db8:1:100::1'))).not.toBe(
      clientKeyOf(request('2001:db8:1:200::1')),
    );
  });

  it('asks who is calling through the given function', () => {
    expect(clientKeyOf(request('10.0.0.1'), () => ({ subject: 'user-2' }))).toBe('subject:user-2');
  });
});
