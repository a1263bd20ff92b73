// The legal case decider's offender decisions (offender-decisions.ts): adding offenders and
// moving their status, and recording verdicts and appeals.
import { deciderSpecification } from '@haven/platform/decider-testing';
import * as errors from '../errors';
import { legalCaseDecider } from './legal-case';
import { caseId, command, offenderId, opened, thb } from './legal-case-test-fixtures';
import type { LegalCaseEvent } from './legal-case.types';

const spec = deciderSpecification(legalCaseDecider);
const offenderAdded: LegalCaseEvent = {
  type: 'OffenderAdded',
  data: {
    caseId,
    offenderId,
    kind: 'ADULT_MALE',
    nationality: 'TH',
    identity: { names: 'pii:v1:sealed', aliases: null, notes: null },
    on: '2019-06-02',
  },
};
const status = (from: string | null, to: string, kind = 'ADULT_MALE'): LegalCaseEvent =>
  ({
    type: 'OffenderStatusChanged',
    data: {
      caseId,
      offenderId,
      country: 'TH',
      beneficiaryIds: [],
      offenderKind: kind,
      nationality: 'TH',
      from,
      to,
      on: '2019-06-02',
    },
  }) as LegalCaseEvent;
const inCustody = [
  offenderAdded,
  status(null, 'UNDER_INVESTIGATION'),
  status('UNDER_INVESTIGATION', 'IN_CUSTODY'),
];
const pronounced = { termYears: 25, termMonths: 6, fine: thb(77_000) };
const reduced = { termYears: 12, termMonths: 9, fine: thb(38_500) };
const convicted: LegalCaseEvent = {
  type: 'VerdictRecorded',
  data: {
    caseId,
    offenderId,
    country: 'TH',
    beneficiaryIds: [],
    outcome: 'CONVICTED',
    pronounced,
    final: reduced,
    on: '2020-10-01',
  },
};

describe('legal case: offenders', () => {
  const add = (kind = 'ADULT_MALE', initial = 'UNDER_INVESTIGATION') =>
    command('AddOffender', {
      caseId,
      offenderId,
      kind,
      nationality: 'TH',
      status: initial,
      identity: { names: 'pii:v1:sealed', aliases: null, notes: null },
      on: '2019-06-02',
    } as never);
  const change = (to: string) =>
    command('ChangeOffenderStatus', { caseId, offenderId, status: to, on: '2019-06-02' } as never);
  it('adds an offender with a sealed identity and a first, dated status', () => {
    spec
      .given([opened])
      .when(add())
      .then([offenderAdded, status(null, 'UNDER_INVESTIGATION')]);
    spec.given([opened, offenderAdded]).when(add()).thenThrows(errors.OffenderAlreadyAdded);
  });
  it('moves along allowed transitions only', () => {
    spec
      .given([opened, offenderAdded, status(null, 'UNDER_INVESTIGATION')])
      .when(change('IN_CUSTODY'))
      .then([status('UNDER_INVESTIGATION', 'IN_CUSTODY')]);
    spec
      .given([opened, offenderAdded, status(null, 'DISMISSED')])
      .when(change('IN_CUSTODY'))
      .thenThrows(errors.OffenderStatusNotAllowed);
    spec.given([opened]).when(change('IN_CUSTODY')).thenThrows(errors.OffenderNotFound);
  });
  it('sets sentenced, fined and acquitted only through a verdict', () => {
    spec
      .given([opened, ...inCustody])
      .when(change('SENTENCED'))
      .thenThrows(errors.StatusNeedsVerdict);
    spec.given([opened]).when(add('ADULT_MALE', 'SENTENCED')).thenThrows(errors.StatusNeedsVerdict);
  });
  it('holds only minors in juvenile detention, and never a company', () => {
    spec
      .given([opened])
      .when(add('ADULT_FEMALE', 'IN_JUVENILE_DETENTION'))
      .thenThrows(errors.JuvenileDetentionForMinorsOnly);
    spec.given([opened]).when(add('COMPANY', 'IN_CUSTODY')).thenThrows(errors.CompanyNotDetained);
  });
});

describe('legal case: verdicts', () => {
  const verdict = (data: Record<string, unknown>) =>
    command('RecordVerdict', {
      caseId,
      offenderId,
      outcome: 'CONVICTED',
      pronounced,
      final: reduced,
      on: '2020-10-01',
      ...data,
    } as never);
  const given = [opened, ...inCustody];
  it('records a conviction with the pronounced and the reduced sentence, and sentences the offender', () => {
    spec
      .given(given)
      .when(verdict({}))
      .then([
        convicted,
        {
          ...status('IN_CUSTODY', 'SENTENCED'),
          data: { ...status('IN_CUSTODY', 'SENTENCED').data, on: '2020-10-01' },
        } as LegalCaseEvent,
      ]);
  });
  it('only a convicted offender has a sentence', () => {
    spec
      .given(given)
      .when(verdict({ outcome: 'ACQUITTED' }))
      .thenThrows(errors.SentenceWithoutConviction);
  });
  it('an acquittal acquits', () => {
    spec
      .given(given)
      .when(verdict({ outcome: 'ACQUITTED', pronounced: null, final: null }))
      .then([
        {
          type: 'VerdictRecorded',
          data: {
            caseId,
            offenderId,
            country: 'TH',
            beneficiaryIds: [],
            outcome: 'ACQUITTED',
            pronounced: null,
            final: null,
            on: '2020-10-01',
          },
        },
        {
          ...status('IN_CUSTODY', 'ACQUITTED'),
          data: { ...status('IN_CUSTODY', 'ACQUITTED').data, on: '2020-10-01' },
        } as LegalCaseEvent,
      ]);
  });
  it('a conviction states its sentence, and the final one is never above it', () => {
    spec
      .given(given)
      .when(verdict({ pronounced: null }))
      .thenThrows(errors.ConvictionWithoutSentence);
    spec
      .given(given)
      .when(verdict({ final: { ...reduced, termYears: 30 } }))
      .thenThrows(errors.FinalSentenceExceedsPronounced);
    spec
      .given(given)
      .when(verdict({ final: { ...reduced, fine: thb(80_000) } }))
      .thenThrows(errors.FinalSentenceExceedsPronounced);
    spec
      .given(given)
      .when(verdict({ final: { ...reduced, fine: { amountMinor: 1, currency: 'LAK' } } }))
      .thenThrows(errors.CurrencyMismatch);
  });
  it('records one verdict per offender, and an appeal only after a verdict, once', () => {
    const appeal = command('AppealVerdict', { caseId, offenderId, on: '2020-11-01' });
    spec
      .given([...given, convicted])
      .when(verdict({}))
      .thenThrows(errors.VerdictAlreadyRecorded);
    spec.given(given).when(appeal).thenThrows(errors.AppealWithoutVerdict);
    spec
      .given([...given, convicted])
      .when(appeal)
      .then([
        {
          type: 'VerdictAppealed',
          data: { caseId, offenderId, country: 'TH', beneficiaryIds: [], on: '2020-11-01' },
        },
      ]);
    spec
      .given([
        ...given,
        convicted,
        {
          type: 'VerdictAppealed',
          data: { caseId, offenderId, country: 'TH', beneficiaryIds: [], on: '2020-11-01' },
        },
      ])
      .when(appeal)
      .thenThrows(errors.AlreadyAppealed);
  });
});
