// The enrolment decider's services: recording one (kind, mode, activity, retries), and the
// details some kinds carry: job placements, tuition fees and living allowances, safe
// accommodation.
import { deciderSpecification } from '@haven/platform/decider-testing';
import { InvalidValue } from '@haven/platform/domain';
import {
  AccommodationIncomplete,
  BeforeEnrolment,
  BeneficiaryErased,
  CourseIncomplete,
  DetailNotApplicable,
  EmployerMissing,
  EmployerUnknown,
  EnrolmentClosed,
  IdAlreadyUsed,
  ModeNotAllowed,
  NotEnrolled,
  OccupationMissing,
  PeriodOutOfOrder,
  SupportIncomplete,
} from '../errors';
import { enrolmentDecider } from './enrolment';
import {
  closed,
  enrolled,
  partnerId,
  service,
  serviceRecorded,
  thb,
} from './enrolment-test-fixtures';
import type { EnrolmentEvent } from './enrolment-types';

const spec = deciderSpecification(enrolmentDecider);

describe('services', () => {
  it('given an enrolment, when a group art-therapy session is recorded, then it is recorded', () =>
    spec.given([enrolled]).when(service()).then([serviceRecorded]));

  it('given nothing, when a service is recorded, then it fails (no service before enrolment)', () =>
    spec.given([]).when(service()).thenThrows(NotEnrolled));

  it('when a service is dated before the enrolment, then it fails', () =>
    spec
      .given([enrolled])
      .when(service({ providedOn: '2026-02-28' }))
      .thenThrows(BeforeEnrolment));

  it('given a closed enrolment, when a service is recorded, then it fails', () =>
    spec.given([enrolled, closed]).when(service()).thenThrows(EnrolmentClosed));

  it('given an erased beneficiary, when a service is recorded, then it fails', () =>
    spec
      .given([enrolled])
      .when(service({ erased: true }))
      .thenThrows(BeneficiaryErased));

  it('given a recorded service, when it is repeated, then nothing changes; its id for another fails', () => {
    spec.given([enrolled, serviceRecorded]).when(service()).then([]);
    spec
      .given([enrolled, serviceRecorded])
      .when(service({ outcome: null }))
      .thenThrows(IdAlreadyUsed);
  });

  it('when a mode or activity does not fit the kind, then it fails', () => {
    spec
      .given([enrolled])
      .when(service({ mode: null }))
      .thenThrows(ModeNotAllowed);
    spec
      .given([enrolled])
      .when(service({ activity: null }))
      .thenThrows(ModeNotAllowed);
    spec
      .given([enrolled])
      .when(service({ kind: 'HEALTH_CHECK', mode: 'GROUP', activity: null }))
      .thenThrows(ModeNotAllowed);
    spec
      .given([enrolled])
      .when(service({ kind: 'FAMILY_ENGAGEMENT', mode: 'INDIVIDUAL', activity: null }))
      .thenThrows(ModeNotAllowed);
  });

  it('when a job placement names no employer, or another service names one, then it fails', () => {
    spec
      .given([enrolled])
      .when(service({ kind: 'JOB_PLACEMENT', mode: null, activity: null, occupation: 'Cook' }))
      .thenThrows(EmployerMissing);
    spec
      .given([enrolled])
      .when(
        service({
          kind: 'HEALTH_CHECK',
          mode: null,
          activity: null,
          partnerOrganisationId: partnerId,
        }),
      )
      .thenThrows(DetailNotApplicable);
  });
});

describe('job placement', () => {
  const placement = (data: Record<string, unknown> = {}) =>
    service({
      kind: 'JOB_PLACEMENT',
      mode: null,
      activity: null,
      partnerOrganisationId: partnerId,
      employerRegistered: true,
      occupation: 'Sewing machine operator',
      ...data,
    });

  it('given an enrolment, when she is placed with a registered partner as a sewing machine operator, then both are recorded', () =>
    spec
      .given([enrolled])
      .when(placement())
      .then([
        {
          ...serviceRecorded,
          data: {
            ...serviceRecorded.data,
            kind: 'JOB_PLACEMENT',
            mode: null,
            activity: null,
            partnerOrganisationId: partnerId,
            occupation: 'Sewing machine operator',
          },
        } as EnrolmentEvent,
      ]));

  it('when the employer is not a partner organisation networks registered, then it fails', () =>
    spec
      .given([enrolled])
      .when(placement({ employerRegistered: false }))
      .thenThrows(EmployerUnknown));

  it('when the placement names no occupation, or one over its limit, then it fails', () => {
    spec
      .given([enrolled])
      .when(placement({ occupation: ' ' }))
      .thenThrows(OccupationMissing);
    spec
      .given([enrolled])
      .when(placement({ occupation: 'x'.repeat(121) }))
      .thenThrows(InvalidValue);
  });

  it('when another kind of service names an occupation, then it fails', () =>
    spec
      .given([enrolled])
      .when(service({ occupation: 'Cook' }))
      .thenThrows(DetailNotApplicable));
});

describe('tuition fees and living allowances', () => {
  const term = { from: '2026-05-01', to: '2026-09-30' };
  const tuition = (data: Record<string, unknown> = {}) =>
    service({
      kind: 'TUITION_FEES',
      mode: null,
      activity: null,
      institution: 'Chiang Rai Vocational College',
      period: term,
      amount: thb(1_250_000),
      providedOn: '2026-04-20',
      ...data,
    });

  it('given an enrolment, when a term’s tuition is paid, then the institution, period and amount are recorded', () =>
    spec
      .given([enrolled])
      .when(tuition())
      .then([
        {
          ...serviceRecorded,
          data: {
            ...serviceRecorded.data,
            kind: 'TUITION_FEES',
            mode: null,
            activity: null,
            institution: 'Chiang Rai Vocational College',
            period: term,
            amount: thb(1_250_000),
            providedOn: '2026-04-20',
          },
        } as EnrolmentEvent,
      ]));

  it('given an enrolment, when she starts at a sewing school, then a vocational training is recorded with its institution; without one, or with an amount, it fails', () => {
    const course = (data: object = {}) =>
      tuition({ kind: 'VOCATIONAL_TRAINING', amount: null, period: null, ...data });
    spec
      .given([enrolled])
      .when(course())
      .then([
        {
          ...serviceRecorded,
          data: {
            ...serviceRecorded.data,
            kind: 'VOCATIONAL_TRAINING',
            mode: null,
            activity: null,
            institution: 'Chiang Rai Vocational College',
            providedOn: '2026-04-20',
          },
        } as EnrolmentEvent,
      ]);
    spec
      .given([enrolled])
      .when(course({ institution: null }))
      .thenThrows(CourseIncomplete);
    spec
      .given([enrolled])
      .when(course({ amount: thb(1_000) }))
      .thenThrows(DetailNotApplicable);
  });

  it('when a living allowance names no institution, period or amount, then it fails', () => {
    for (const missing of ['institution', 'period', 'amount']) {
      spec
        .given([enrolled])
        .when(tuition({ kind: 'LIVING_ALLOWANCE', [missing]: null }))
        .thenThrows(SupportIncomplete);
    }
  });

  it('when the period ends before it begins, then it fails', () =>
    spec
      .given([enrolled])
      .when(tuition({ period: { from: '2026-09-30', to: '2026-05-01' } }))
      .thenThrows(PeriodOutOfOrder));

  it('when the amount is zero or has no currency, then it fails', () => {
    spec
      .given([enrolled])
      .when(tuition({ amount: thb(0) }))
      .thenThrows(InvalidValue);
    spec
      .given([enrolled])
      .when(tuition({ amount: { amountMinor: 100 } }))
      .thenThrows(InvalidValue);
  });

  it('when a health check names an institution or an amount, then it fails', () => {
    spec
      .given([enrolled])
      .when(service({ kind: 'HEALTH_CHECK', mode: null, activity: null, institution: 'School' }))
      .thenThrows(DetailNotApplicable);
    spec
      .given([enrolled])
      .when(service({ kind: 'HEALTH_CHECK', mode: null, activity: null, amount: thb(5) }))
      .thenThrows(DetailNotApplicable);
  });
});

describe('safe accommodation', () => {
  const stay = { from: '2026-04-01', to: '2026-06-30' };
  const accommodation = (data: Record<string, unknown> = {}) =>
    service({
      kind: 'SAFE_ACCOMMODATION',
      mode: null,
      activity: null,
      sealedPlace: 'pii:v1:sealed-place',
      period: stay,
      providedOn: '2026-04-01',
      ...data,
    });

  it('given an enrolment, when a safe accommodation is recorded, then its sealed place and period are recorded', () =>
    spec
      .given([enrolled])
      .when(accommodation())
      .then([
        {
          ...serviceRecorded,
          data: {
            ...serviceRecorded.data,
            kind: 'SAFE_ACCOMMODATION',
            mode: null,
            activity: null,
            sealedPlace: 'pii:v1:sealed-place',
            period: stay,
            providedOn: '2026-04-01',
          },
        } as EnrolmentEvent,
      ]));

  it('given a recorded safe accommodation, when it is sent again with its place sealed anew, then nothing changes (a retry)', () => {
    const recorded = {
      ...serviceRecorded,
      data: {
        ...serviceRecorded.data,
        kind: 'SAFE_ACCOMMODATION',
        mode: null,
        activity: null,
        sealedPlace: 'pii:v1:sealed-place',
        period: stay,
        providedOn: '2026-04-01',
      },
    } as EnrolmentEvent;
    spec
      .given([enrolled, recorded])
      .when(accommodation({ sealedPlace: 'pii:v1:sealed-again' }))
      .then([]);
    spec
      .given([enrolled, recorded])
      .when(accommodation({ period: { from: '2026-04-01', to: '2026-07-31' } }))
      .thenThrows(IdAlreadyUsed);
  });

  it('when it names no place or no period, then it fails', () => {
    spec
      .given([enrolled])
      .when(accommodation({ sealedPlace: null }))
      .thenThrows(AccommodationIncomplete);
    spec
      .given([enrolled])
      .when(accommodation({ period: null }))
      .thenThrows(AccommodationIncomplete);
  });

  it('when it ends before it begins, then it fails', () =>
    spec
      .given([enrolled])
      .when(accommodation({ period: { from: '2026-06-30', to: '2026-04-01' } }))
      .thenThrows(PeriodOutOfOrder));

  it('when another kind of service names a place, then it fails', () =>
    spec
      .given([enrolled])
      .when(service({ sealedPlace: 'pii:v1:sealed-place' }))
      .thenThrows(DetailNotApplicable));
});
