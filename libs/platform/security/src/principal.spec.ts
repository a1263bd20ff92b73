import { countriesInScope, inScope, principalFromClaims } from './principal';

describe('the networks members’ roles', () => {
  it.each(['watchdog', 'womens_group', 'agent_of_change'])(
    'given a %s token, even one that lists countries, then it names the role and reaches no record',
    (role) => {
      const principal = principalFromClaims({
        sub: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c21',
        role,
        countries: ['TH'],
      });
      expect(principal.role).toBe(role);
      expect(inScope(principal, { country: 'TH' })).toBe(false);
      expect(countriesInScope(principal)).toEqual([]);
    },
  );

  it('given a women’s group or agent of change token without countries, then it is accepted (they submit anywhere)', () => {
    expect(principalFromClaims({ sub: 'g-1', role: 'womens_group' }).countries).toEqual([]);
    expect(principalFromClaims({ sub: 'a-1', role: 'agent_of_change' }).countries).toEqual([]);
  });
});
