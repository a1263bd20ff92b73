// A demo victim's empowerment enrolment, with the shelters, colleges and employers of the
// empowerment demo seed.
import type { NewEvent } from '@haven/platform/event-store';
import { COLLEGES, EMPLOYERS, PROVINCES, SHELTERS } from '../../seed/empowerment-demo';
import {
  CURRENCY,
  NATIONALITY,
  plusDays,
  type DemoLedger,
  type DemoVictim,
  type IdMaker,
} from './demo';

export function enrolment(
  victim: DemoVictim,
  index: number,
  ledger: DemoLedger,
  id: IdMaker,
  staff: IdMaker,
): [string, NewEvent[]] {
  const { country, on } = victim;
  const enrolmentId = id();
  const at = `${on}T08:15:00.000Z`;
  const of = { enrolmentId, beneficiaryId: victim.id, country };
  const stats = { nationality: NATIONALITY[country], ageYears: victim.minor ? 16 : 23 };
  const home = PROVINCES[country][index % 3];
  const employer = EMPLOYERS[country];
  const college = COLLEGES[country];
  ledger.personal.add(SHELTERS[country]).add(home).add(employer.name).add(employer.occupation);
  ledger.personal.add(college);
  const service = (kind: string, details: Record<string, unknown>) =>
    ledger.event(
      'EmpowermentServiceRecorded',
      {
        ...of,
        ...stats,
        serviceId: id(),
        kind,
        mode: null,
        activity: null,
        outcome: null,
        partnerOrganisationId: null,
        occupation: null,
        institution: null,
        period: null,
        amount: null,
        sealedPlace: null,
        minor: victim.minor,
        providedOn: on,
        providedBy: staff(),
        ...details,
      },
      at,
    );
  const grantId = id();
  const grant = { amountMinor: 500_000, currency: CURRENCY[country] };
  const events: NewEvent[] = [
    ledger.event(
      'BeneficiaryEnrolled',
      {
        ...of,
        ...stats,
        sex: 'FEMALE',
        minor: victim.minor,
        setting: {
          kind: 'SHELTER',
          shelterName: SHELTERS[country],
          governmentRun: true,
          province: null,
          district: null,
        },
        enrolledOn: on,
      },
      at,
    ),
    service('COUNSELLING', { mode: 'INDIVIDUAL', outcome: 'COMPLETED' }),
    // Internal to empowerment: the counsellor's note, sealed. Not in the contract: never sent.
    ledger.event(
      'CounsellingNoteAdded',
      {
        enrolmentId,
        text: ledger.sealed(victim.id, 'counsellingNote', `She spoke of her sister ${index}`),
      },
      at,
    ),
    ledger.event(
      'EnrolmentSettingChanged',
      {
        ...of,
        setting: {
          kind: 'COMMUNITY',
          shelterName: null,
          governmentRun: null,
          province: home,
          district: `${home} district`,
        },
        changedOn: plusDays(on, 90),
      },
      at,
    ),
    ledger.event(
      'ReintegrationPlanAgreed',
      {
        ...of,
        goals: ['EDUCATION', 'EMPLOYMENT'],
        followUpRhythm: 'MONTHLY',
        reviewDates: [plusDays(on, 180)],
        agreedOn: plusDays(on, 91),
      },
      at,
    ),
    service('TUITION_FEES', {
      institution: college,
      period: { from: plusDays(on, 92), to: plusDays(on, 200) },
      amount: { amountMinor: 1_250_000, currency: CURRENCY[country] },
    }),
    service('JOB_PLACEMENT', {
      partnerOrganisationId: id(),
      occupation: employer.occupation,
      outcome: 'COMPLETED',
    }),
    service('SAFE_ACCOMMODATION', {
      period: { from: on, to: plusDays(on, 30) },
      sealedPlace: ledger.sealed(victim.id, 'accommodationPlace', `${home} safe house ${index}`),
    }),
    ledger.event(
      'FollowUpRecorded',
      {
        ...of,
        ...stats,
        minor: victim.minor,
        followUpId: id(),
        channel: 'PHONE',
        reached: index % 4 !== 0,
        followedUpOn: plusDays(on, 120),
        nextFollowUpOn: plusDays(on, 150),
        providedBy: staff(),
      },
      at,
    ),
    ledger.event(
      'SmallGrantApproved',
      { ...of, grantId, purpose: 'LIVESTOCK', amount: grant, approvedOn: plusDays(on, 121) },
      at,
    ),
    ledger.event(
      'SmallGrantDisbursed',
      { ...of, grantId, amount: grant, disbursedOn: plusDays(on, 122) },
      at,
    ),
    ledger.event(
      'AgentOfChangeTrainingCompleted',
      { ...of, ...stats, sex: 'FEMALE', minor: victim.minor, completedOn: plusDays(on, 130) },
      at,
    ),
    ledger.event(
      'EnrolmentClosed',
      { ...of, reason: 'GOALS_REACHED', closedOn: plusDays(on, 300) },
      at,
    ),
  ];
  return [`empowermentenrolment-${enrolmentId}`, events];
}
