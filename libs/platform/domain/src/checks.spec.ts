import { DomainError, domainError, InvalidValue, refusingAs } from './domain-error';
import * as check from './checks';

const NOW = '2026-06-15T10:00:00.000Z';

function refusal(run: () => unknown): InvalidValue {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidValue) return error;
    throw error;
  }
  throw new Error('expected the value to be refused');
}

describe('value checkers', () => {
  it('lower-cases a UUID and refuses anything else, naming the field but not the value', () => {
    expect(check.uuid('0190A0B0-1111-7222-8333-444455556666', 'id')).toBe(
      '0190a0b0-1111-7222-8333-444455556666',
    );
    const error = refusal(() => check.uuid('not-a-uuid-marker', 'beneficiaryId'));
    expect(error.field).toBe('beneficiaryId');
    expect(error.kind).toBe('invalid');
    expect(error.message).not.toContain('marker');
  });

  it('takes a date of a fact no later than the command time, from 1990 on, that exists', () => {
    expect(check.dateOfFact('2026-06-15', 'on', NOW)).toBe('2026-06-15');
    expect(check.dateOfFact('2019-03-01', 'on', NOW)).toBe('2019-03-01');
    expect(refusal(() => check.dateOfFact('2026-06-17', 'on', NOW)).message).toMatch(/future/);
    expect(refusal(() => check.dateOfFact('1989-12-31', 'on', NOW)).field).toBe('on');
    refusal(() => check.dateOfFact('2021-04-31', 'on', NOW));
    refusal(() => check.dateOfFact('2021-4-3', 'on', NOW));
  });

  it('takes an instant of a fact within the same bounds, as UTC', () => {
    expect(check.instantOfFact('2026-06-15T12:00:00+07:00', 'at', NOW)).toBe(
      '2026-06-15T05:00:00.000Z',
    );
    refusal(() => check.instantOfFact('2026-06-15T11:00:00Z', 'at', NOW));
    refusal(() => check.instantOfFact('1980-01-01T00:00:00Z', 'at', NOW));
  });

  it('keeps one line of text, trimmed, and refuses controls, direction overrides and lone surrogates', () => {
    expect(check.optionalLine('  Chiang Rai ', 'province', 20)).toBe('Chiang Rai');
    expect(check.optionalLine('   ', 'province', 20)).toBeNull();
    expect(check.optionalLine(null, 'province', 20)).toBeNull();
    refusal(() => check.optionalLine('two\nlines', 'province', 20));
    refusal(() => check.optionalLine('abc\u202Edef', 'province', 20));
    refusal(() => check.optionalLine('abc\uD800def', 'province', 20));
    refusal(() => check.optionalLine('x'.repeat(21), 'province', 20));
    refusal(() => check.line('', 'name', 20));
  });

  it('lets free text hold line breaks but not other controls', () => {
    expect(check.optionalText('first\nsecond\tthird', 'notes', 100)).toBe('first\nsecond\tthird');
    refusal(() => check.optionalText('bell\u0007', 'notes', 100));
    refusal(() => check.optionalText('\u2067isolate', 'notes', 100));
  });

  it('takes money as whole minor units above zero in a known currency', () => {
    expect(check.money({ amountMinor: 3_850_000, currency: 'THB' }, 'amount', ['THB'])).toEqual({
      amountMinor: 3_850_000,
      currency: 'THB',
    });
    expect(
      refusal(() => check.money({ amountMinor: 0, currency: 'THB' }, 'amount', ['THB'])).field,
    ).toBe('amount.amountMinor');
    refusal(() => check.money({ amountMinor: 1.5, currency: 'THB' }, 'amount', ['THB']));
    expect(refusal(() => check.money({ amountMinor: 5 }, 'amount', ['THB'])).field).toBe(
      'amount.currency',
    );
    refusal(() => check.money(null, 'amount', ['THB']));
  });

  it('checks whole numbers, lists and order', () => {
    expect(check.wholeNumber(3, 'n', { min: 0, max: 5 })).toBe(3);
    refusal(() => check.wholeNumber(-1, 'n', { min: 0, max: 5 }));
    refusal(() => check.wholeNumber('3', 'n', { min: 0, max: 5 }));
    expect(check.oneOf(['A', 'B'] as const, 'B', 'kind')).toBe('B');
    refusal(() => check.oneOf(['A', 'B'] as const, 'C', 'kind'));
    expect(check.optionalOneOf(['A', 'B'] as const, undefined, 'kind')).toBeNull();
    expect(check.optionalOneOf(['A', 'B'] as const, null, 'kind')).toBeNull();
    expect(check.optionalOneOf(['A', 'B'] as const, 'A', 'kind')).toBe('A');
    refusal(() => check.optionalOneOf(['A', 'B'] as const, 'C', 'kind'));
    check.inOrder('2020-01-01', '2020-01-01', 'to');
    refusal(() => check.inOrder('2020-01-02', '2020-01-01', 'to'));
    refusal(() => check.inOrder('2020-01-01', '2020-01-01', 'next', { strict: true }));
  });

  it('compares JSON whatever the key order', () => {
    expect(check.sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(check.sameJson({ a: 1 }, { a: 1, b: null })).toBe(false);
  });
});

describe('domain errors', () => {
  it('declares an error once, with a kind and a stable reason', () => {
    const GrantNotApproved = domainError('conflict', 'GRANT_NOT_APPROVED', 'Not approved yet.');
    const error = new GrantNotApproved();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(GrantNotApproved);
    expect(error.kind).toBe('conflict');
    expect(error.reason).toBe('GRANT_NOT_APPROVED');
    expect(error.code).toBe('GRANT_NOT_APPROVED');
    expect(GrantNotApproved.reason).toBe('GRANT_NOT_APPROVED');
  });
});

describe('refusingAs', () => {
  class InvalidCaseData extends InvalidValue {
    constructor(field: string, requirement: string) {
      super(field, requirement, 'INVALID_CASE_DATA');
    }
  }

  it('reports a value the kernel refuses under the domain’s own reason, same field and words', () => {
    let thrown: unknown;
    try {
      refusingAs(InvalidCaseData, () => check.uuid('nope', 'caseId'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidCaseData);
    expect(thrown).toMatchObject({
      reason: 'INVALID_CASE_DATA',
      field: 'caseId',
      message: 'caseId must be a UUID.',
    });
  });

  it('lets the domain’s own errors through, and returns what the decision returns', () => {
    const Closed = domainError('conflict', 'CASE_CLOSED', 'The case is closed.');
    expect(() =>
      refusingAs(InvalidCaseData, () => {
        throw new Closed();
      }),
    ).toThrow(Closed);
    expect(refusingAs(InvalidCaseData, () => 42)).toBe(42);
  });
});
