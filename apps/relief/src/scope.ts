import { inScope, forbidden, type Principal } from '@haven/platform/security';
import type { ReliefResponseState } from '@haven/relief/domain';

/**
 * Refuses a principal whose countries do not include the response's. A stream with no response
 * yet passes: the decider answers NOT_FOUND, which tells nothing about other countries.
 */
export function mustReachResponse(state: ReliefResponseState, principal: Principal): void {
  if (state.status === 'NONE') return;
  if (!inScope(principal, { country: state.opened.country })) {
    throw forbidden('This relief response is outside your countries.', 'OUT_OF_SCOPE');
  }
}
