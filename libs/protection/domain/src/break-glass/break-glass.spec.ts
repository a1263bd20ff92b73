import { deciderSpecification } from '@haven/platform/decider-testing';
import { BreakGlassNotNeeded, InvalidBreakGlassRequest } from '../beneficiary/errors';
import {
  breakGlassDecider,
  type BreakGlassEvent,
  type RequestBreakGlassAccess,
} from './break-glass';

const spec = deciderSpecification(breakGlassDecider);
const grantId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c01';
const beneficiaryId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c55';
const metadata = {
  actorId: 'officer-7',
  role: 'protection_officer',
  organisationId: 'alliance',
  correlationId: 'correlation-1',
  causationId: null,
  occurredAt: '2026-11-20T08:30:00.000Z',
};

function request(data: Partial<RequestBreakGlassAccess['data']> = {}): RequestBreakGlassAccess {
  return {
    type: 'RequestBreakGlassAccess',
    data: {
      grantId,
      beneficiaryId,
      beneficiaryCountry: 'LA',
      withinScope: false,
      reason: 'Child moved across the border last night',
      durationMinutes: 60,
      ...data,
    },
    metadata,
  };
}

const granted: BreakGlassEvent = {
  type: 'BreakGlassAccessGranted',
  data: {
    grantId,
    beneficiaryId,
    country: 'LA',
    subject: 'officer-7',
    role: 'protection_officer',
    organisationId: 'alliance',
    reason: 'Child moved across the border last night',
    grantedAt: '2026-11-20T08:30:00.000Z',
    expiresAt: '2026-11-20T09:30:00.000Z',
  },
};

describe('Break-glass decider', () => {
  it('given no grant, when a caseworker asks for a beneficiary outside their scope with a reason, then access is granted until the end of the duration', () => {
    spec.given([]).when(request()).then([granted]);
  });

  it('given no grant, when the beneficiary is within their scope, then it fails as not needed', () => {
    spec
      .given([])
      .when(request({ withinScope: true }))
      .thenThrows(BreakGlassNotNeeded, (error) =>
        expect((error as BreakGlassNotNeeded).code).toBe('BREAK_GLASS_NOT_NEEDED'),
      );
  });

  it.each([
    ['reason', { reason: 'too short' }],
    ['reason', { reason: ' '.repeat(20) }],
    ['reason', { reason: 'x'.repeat(501) }],
    ['durationMinutes', { durationMinutes: 0 }],
    ['durationMinutes', { durationMinutes: 24 * 60 + 1 }],
  ])('given no grant, when %s is invalid, then it fails naming it', (field, data) => {
    spec
      .given([])
      .when(request(data))
      .thenThrows(InvalidBreakGlassRequest, (error) =>
        expect((error as InvalidBreakGlassRequest).field).toBe(field),
      );
  });

  it('given a grant, when the same request arrives again, then nothing happens (a retry)', () => {
    spec.given([granted]).when(request()).then([]);
  });

  it('given a grant, when its id is reused for another beneficiary, then it fails', () => {
    spec
      .given([granted])
      .when(request({ beneficiaryId: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c99' }))
      .thenThrows(InvalidBreakGlassRequest);
  });
});
