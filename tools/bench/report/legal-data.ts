// Legal cases for the report benchmark: about one case for every three protection cases, most
// running into the following year (so that later reports count them as ongoing), with service
// occasions, an offender, a verdict and compensation, as legal's integration events.
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@haven/platform/event-store';
import { day, event, NATIONALITIES, pick, random } from './generator';

const OCCASIONS = [
  'REPORTING_TO_POLICE',
  'MEETING_PROSECUTOR',
  'PREPARING_VICTIM_FOR_TRIAL',
  'ATTENDING_HEARING',
  'INTERVIEWING_BENEFICIARY_OR_FAMILY',
];
const SOURCES = ['STATE_FUND', 'MINISTRY', 'OFFENDER'];

/** The share of units that open a legal case, and the events such a case has on average. */
export const LEGAL_CASE_SHARE = 0.35;
export const EVENTS_PER_LEGAL_CASE = 15;

/** A legal case for the victims of a protection case opened on `on`, or none. */
export function legalCase(
  where: string,
  on: string,
  victims: readonly string[],
): Array<[string, NewEvent[]]> {
  if (random() >= LEGAL_CASE_SHARE) return [];
  const caseId = randomUUID();
  const year = Number(on.slice(0, 4));
  // Most cases reach their verdict the following year, some the year after.
  const later = day(year + (random() < 0.7 ? 1 : 2));
  const of = { caseId, country: where };
  const named = { ...of, beneficiaryIds: [...victims] };
  const events: NewEvent[] = [
    event(
      'LegalCaseOpened',
      {
        ...named,
        kind: pick(['SEX_TRAFFICKING', 'FORCED_MARRIAGE', 'ONLINE_SEXUAL_EXPLOITATION']),
        province: null,
        court: null,
        sourceProtectionCaseId: null,
        stage: 'REPORTED_TO_POLICE',
        openedOn: on,
      },
      on,
    ),
  ];
  for (const beneficiaryId of victims) {
    events.push(
      event(
        'LegalCaseBeneficiaryJoined',
        {
          ...of,
          beneficiaryId,
          role: 'VICTIM',
          sex: 'FEMALE',
          minor: random() < 0.4,
          nationality: pick(NATIONALITIES),
          joinedOn: on,
        },
        on,
      ),
    );
  }
  for (let n = 0; n < 4; n++) {
    events.push(
      event(
        'LegalServiceOccasionRecorded',
        { ...named, occasionId: randomUUID(), kind: pick(OCCASIONS), on: n < 2 ? on : later },
        on,
      ),
    );
  }
  const offenderId = randomUUID();
  const offender = {
    ...named,
    offenderId,
    offenderKind: pick(['ADULT_MALE', 'ADULT_FEMALE', 'COMPANY']),
    nationality: pick(NATIONALITIES),
  };
  events.push(
    event('OffenderStatusChanged', { ...offender, from: null, to: 'UNDER_INVESTIGATION', on }, on),
    event(
      'OffenderStatusChanged',
      { ...offender, from: 'UNDER_INVESTIGATION', to: 'IN_CUSTODY', on: later },
      later,
    ),
    event(
      'LegalCaseStageChanged',
      { ...named, from: 'REPORTED_TO_POLICE', to: 'TRIAL', on: later },
      later,
    ),
  );
  const convicted = random() < 0.8;
  events.push(
    event(
      'VerdictRecorded',
      {
        ...named,
        offenderId,
        outcome: convicted ? 'CONVICTED' : 'ACQUITTED',
        pronounced: convicted ? { termYears: 10, termMonths: 6, fine: null } : null,
        final: convicted ? { termYears: 5, termMonths: 3, fine: null } : null,
        on: later,
      },
      later,
    ),
    event(
      'OffenderStatusChanged',
      {
        ...offender,
        from: 'IN_CUSTODY',
        to: convicted ? 'SENTENCED' : 'ACQUITTED',
        on: later,
      },
      later,
    ),
  );
  if (convicted) {
    const claimId = randomUUID();
    const source = pick(SOURCES);
    const claim = { ...of, claimId, beneficiaryId: victims[0], source };
    const amount = (amountMinor: number) => ({ amountMinor, currency: 'THB' });
    events.push(
      event('CompensationClaimed', { ...claim, claimed: amount(5_000_000), on: later }, later),
      event('CompensationApproved', { ...claim, approved: amount(3_000_000), on: later }, later),
      event(
        'CompensationPaymentReceived',
        { ...claim, paymentId: randomUUID(), amount: amount(1_000_000), on: later },
        later,
      ),
    );
  }
  if (random() < 0.6) {
    events.push(event('LegalCaseClosed', { ...named, on: later }, later));
  }
  return [[`legalcase-${caseId}`, events]];
}
