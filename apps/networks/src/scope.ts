import { forbidden, inScope, type Principal } from '@haven/platform/security';

export function outOfScope(what = 'This record') {
  return forbidden(`${what} is outside your scope (country or organisation).`, 'OUT_OF_SCOPE');
}

/** Staff write only in their own countries (admins everywhere; OTHER, abroad, if listed). */
export function assertMayWriteIn(principal: Principal, country: string): void {
  if (!inScope(principal, { country })) {
    throw forbidden(`You may work only in your own countries, not in ${country}.`, 'OUT_OF_SCOPE');
  }
}
