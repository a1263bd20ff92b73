import type { EmpowermentIntegrationEvent } from '@haven/empowerment/contracts';
import { deciderSpecification } from '@haven/platform/decider-testing';
import { InvalidValue } from '@haven/platform/domain';
import {
  AlreadyEnrolled,
  BeforeEnrolment,
  BeneficiaryErased,
  BeneficiaryUnknown,
  AccommodationIncomplete,
  DetailNotApplicable,
  DisbursementAboveApproved,
  EmployerMissing,
  EmployerUnknown,
  OccupationMissing,
  PeriodOutOfOrder,
  SupportIncomplete,
  EnrolmentClosed,
  GrantAlreadyDisbursed,
  GrantNotApproved,
  IdAlreadyUsed,
  ModeNotAllowed,
  NextFollowUpNotAfter,
  NoteEmpty,
  NotEnrolled,
  PlanInvalid,
  SameSetting,
  ServicesConsentMissing,
  SettingIncomplete,
  TrainingAlreadyCompleted,
} from '../errors';
import { enrolmentDecider } from './enrolment';
import type { EnrolmentCommand, EnrolmentEvent } from './enrolment-types';

const spec = deciderSpecification(enrolmentDecider);
const enrolmentId = '0193b000-0000-7000-8000-000000000001';
const beneficiaryId = '0193b000-0000-7000-8000-0000000000b1';
const serviceId = '0193b000-0000-7000-8000-0000000000c1';
const grantId = '0193b000-0000-7000-8000-0000000000d1';
const partnerId = '0193b000-0000-7000-8000-0000000000e1';
const metadata = {
  actorId: 'officer-7',
  role: 'empowerment_officer',
  organisationId: null,
  correlationId: 'correlation-1',
  causationId: null,
  occurredAt: '2026-06-15T08:00:00.000Z',
};
const of = { enrolmentId, beneficiaryId, country: 'TH' as const };
const shelter = {
  kind: 'SHELTER' as const,
  shelterName: 'Kredtrakarn',
  governmentRun: true,
  province: null,
  district: null,
};
const community = {
  kind: 'COMMUNITY' as const,
  shelterName: null,
  governmentRun: null,
  province: 'Chiang Rai',
  district: 'Mae Sai',
};
const known = {
  known: true,
  servicesConsent: true,
  erased: false,
  country: 'TH' as const,
  sex: 'FEMALE' as const,
  minor: true,
  nationality: 'MM' as const,
  ageYears: 16,
  ageOn: '2025-09-01',
};
/** Her statistical attributes on every fact of the spring of 2026 (ADR 21). */
const stats = { nationality: 'MM' as const, ageYears: 16 };
const noDetails = {
  occupation: null,
  institution: null,
  period: null,
  amount: null,
  sealedPlace: null,
};

function cmd<C extends EnrolmentCommand>(type: C['type'], data: C['data']): EnrolmentCommand {
  return { type, data, metadata } as EnrolmentCommand;
}
const enrol = (beneficiary = known, more: Record<string, unknown> = {}) =>
  cmd('EnrolBeneficiary', {
    enrolmentId,
    beneficiaryId,
    setting: shelter,
    enrolledOn: '2026-03-01',
    beneficiary,
    ...more,
  } as never);

const enrolled: EmpowermentIntegrationEvent = {
  type: 'BeneficiaryEnrolled',
  schemaVersion: 2,
  data: { ...of, ...stats, sex: 'FEMALE', minor: true, setting: shelter, enrolledOn: '2026-03-01' },
};
const closed: EnrolmentEvent = {
  type: 'EnrolmentClosed',
  data: { ...of, reason: 'GOALS_REACHED', closedOn: '2026-06-01' },
};
const service = (data: Record<string, unknown> = {}) =>
  cmd('RecordEmpowermentService', {
    erased: false,
    serviceId,
    kind: 'REHABILITATION',
    mode: 'GROUP',
    activity: 'ART_THERAPY',
    outcome: 'COMPLETED',
    partnerOrganisationId: null,
    employerRegistered: false,
    ...noDetails,
    providedOn: '2026-03-05',
    providedBy: 'officer-7',
    ...data,
  } as never);
const serviceRecorded: EnrolmentEvent = {
  type: 'EmpowermentServiceRecorded',
  schemaVersion: 2,
  data: {
    ...of,
    ...stats,
    ...noDetails,
    serviceId,
    kind: 'REHABILITATION',
    mode: 'GROUP',
    activity: 'ART_THERAPY',
    outcome: 'COMPLETED',
    partnerOrganisationId: null,
    minor: true,
    providedOn: '2026-03-05',
    providedBy: 'officer-7',
  },
};
const followUp = (data: Record<string, unknown> = {}) =>
  cmd('RecordFollowUp', {
    erased: false,
    followUpId: serviceId,
    channel: 'PHONE',
    reached: false,
    followedUpOn: '2026-05-01',
    nextFollowUpOn: '2026-05-08',
    providedBy: 'officer-7',
    ...data,
  } as never);
const thb = (amountMinor: number) => ({ amountMinor, currency: 'THB' });
const approve = (data: Record<string, unknown> = {}) =>
  cmd('ApproveSmallGrant', {
    erased: false,
    grantId,
    purpose: 'SMALL_BUSINESS',
    amount: thb(500_000),
    approvedOn: '2026-05-02',
    ...data,
  } as never);
const approved: EnrolmentEvent = {
  type: 'SmallGrantApproved',
  data: {
    ...of,
    grantId,
    purpose: 'SMALL_BUSINESS',
    amount: thb(500_000),
    approvedOn: '2026-05-02',
  },
};
const disburse = (amount: unknown = thb(500_000)) =>
  cmd('DisburseSmallGrant', { erased: false, grantId, amount, disbursedOn: '2026-05-03' } as never);
const disbursed: EnrolmentEvent = {
  type: 'SmallGrantDisbursed',
  data: { ...of, grantId, amount: thb(500_000), disbursedOn: '2026-05-03' },
};
const train = (completedOn = '2026-06-01', erased = false) =>
  cmd('CompleteAgentOfChangeTraining', { erased, completedOn });

describe('an enrolment', () => {
  it('given nothing, when a consenting beneficiary is enrolled in a shelter, then they are enrolled', () =>
    spec.given([]).when(enrol()).then([enrolled]));

  it('given the same enrolment, when it is repeated, then nothing changes (a retry)', () =>
    spec.given([enrolled]).when(enrol()).then([]));

  it('given an enrolment, when another enrolment takes its id, then it fails', () =>
    spec
      .given([enrolled])
      .when(enrol(known, { enrolledOn: '2026-03-02' }))
      .thenThrows(AlreadyEnrolled));

  it('when the beneficiary is unknown to protection, then it fails', () =>
    spec
      .given([])
      .when(enrol({ ...known, known: false }))
      .thenThrows(BeneficiaryUnknown));

  it('when the beneficiary has not consented to services, then it fails', () =>
    spec
      .given([])
      .when(enrol({ ...known, servicesConsent: false }))
      .thenThrows(ServicesConsentMissing));

  it('when the beneficiary was erased, then it fails', () =>
    spec
      .given([])
      .when(enrol({ ...known, erased: true }))
      .thenThrows(BeneficiaryErased));

  it('when a shelter has no name, or a community no province, then it fails', () => {
    spec
      .given([])
      .when(enrol(known, { setting: { ...shelter, shelterName: ' ' } }))
      .thenThrows(SettingIncomplete);
    spec
      .given([])
      .when(enrol(known, { setting: { ...community, province: null } }))
      .thenThrows(SettingIncomplete);
  });

  it('when the enrolment date is in the future, then it fails naming the field', () =>
    spec
      .given([])
      .when(enrol(known, { enrolledOn: '2026-07-01' }))
      .thenThrows(InvalidValue, (error) =>
        expect((error as InvalidValue).field).toBe('enrolledOn'),
      ));

  it('given a shelter, when the person moves home, then the setting changes; the same setting again fails', () => {
    const change = cmd('ChangeEnrolmentSetting', {
      erased: false,
      setting: community,
      changedOn: '2026-04-30',
    });
    spec
      .given([enrolled])
      .when(change)
      .then([
        {
          type: 'EnrolmentSettingChanged',
          data: { ...of, setting: community, changedOn: '2026-04-30' },
        },
      ]);
    spec
      .given([enrolled])
      .when(
        cmd('ChangeEnrolmentSetting', { erased: false, setting: shelter, changedOn: '2026-04-30' }),
      )
      .thenThrows(SameSetting);
  });
});

describe('closing an enrolment', () => {
  const close = (data: Record<string, unknown> = {}) =>
    cmd('CloseEnrolment', { reason: 'GOALS_REACHED', closedOn: '2026-06-01', ...data } as never);

  it('given an enrolment, when it is closed with a reason, then it is closed', () =>
    spec.given([enrolled]).when(close()).then([closed]));

  it('when it is closed without a reason, then it fails', () =>
    spec
      .given([enrolled])
      .when(close({ reason: undefined }))
      .thenThrows(InvalidValue));

  it('given a closed enrolment, when the same closure is repeated, then nothing changes; another fails', () => {
    spec.given([enrolled, closed]).when(close()).then([]);
    spec
      .given([enrolled, closed])
      .when(close({ reason: 'DIED' }))
      .thenThrows(EnrolmentClosed);
  });

  it('when it is closed before it began, then it fails', () =>
    spec
      .given([enrolled])
      .when(close({ closedOn: '2026-02-01' }))
      .thenThrows(BeforeEnrolment));

  it('given nothing, when it is closed, then it fails', () =>
    spec.given([]).when(close()).thenThrows(NotEnrolled));
});

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

describe('statistical attributes (ADR 21)', () => {
  it('given a 17-year-old enrolled a year earlier, when a service is given, then it carries her age that day, 18, as an adult', () =>
    spec
      .given([
        {
          ...enrolled,
          data: { ...enrolled.data, ageYears: 17, enrolledOn: '2025-03-01' },
        } as EnrolmentEvent,
      ])
      .when(service())
      .then([
        {
          ...serviceRecorded,
          data: { ...serviceRecorded.data, ageYears: 18, minor: false },
        } as EnrolmentEvent,
      ]));

  it('given an enrolment of schema version 1 (no nationality nor age), when a service is given, then both are unknown and minor is as at enrolment', () => {
    const { nationality: _n, ageYears: _a, ...v1 } = enrolled.data as Record<string, unknown>;
    spec
      .given([{ type: 'BeneficiaryEnrolled', data: v1 } as unknown as EnrolmentEvent])
      .when(service())
      .then([
        {
          ...serviceRecorded,
          data: { ...serviceRecorded.data, nationality: null, ageYears: null, minor: true },
        } as EnrolmentEvent,
      ]);
  });

  it('when a beneficiary is enrolled a few days before protection registered her at 16, then she is 16 on the enrolment, not 15', () =>
    spec
      .given([])
      .when(enrol({ ...known, ageOn: '2026-03-05' }))
      .then([enrolled]));

  it('when a beneficiary registered with an age is enrolled a year later, then the enrolment carries her age on that day', () =>
    spec
      .given([])
      .when(enrol({ ...known, ageOn: '2025-02-01' }))
      .then([{ ...enrolled, data: { ...enrolled.data, ageYears: 17 } } as EnrolmentEvent]));
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

describe('follow-ups', () => {
  it('given an enrolment, when a phone follow-up is not reached, then it is recorded with the next date', () =>
    spec
      .given([enrolled])
      .when(followUp())
      .then([
        {
          type: 'FollowUpRecorded',
          schemaVersion: 2,
          data: {
            ...of,
            ...stats,
            minor: true,
            followUpId: serviceId,
            channel: 'PHONE',
            reached: false,
            followedUpOn: '2026-05-01',
            nextFollowUpOn: '2026-05-08',
            providedBy: 'officer-7',
          },
        },
      ]));

  it('when the next date does not come after its own date, then it fails', () => {
    spec
      .given([enrolled])
      .when(followUp({ nextFollowUpOn: '2026-05-01' }))
      .thenThrows(NextFollowUpNotAfter);
    spec
      .given([enrolled])
      .when(followUp({ nextFollowUpOn: '2026-04-01' }))
      .thenThrows(NextFollowUpNotAfter);
  });
});

describe('small grants', () => {
  it('given an enrolment, when a grant is approved, then it is approved', () =>
    spec.given([enrolled]).when(approve()).then([approved]));

  it('when the amount is zero or less, or has no currency, then it fails', () => {
    spec
      .given([enrolled])
      .when(approve({ amount: thb(0) }))
      .thenThrows(InvalidValue);
    spec
      .given([enrolled])
      .when(approve({ amount: thb(-5) }))
      .thenThrows(InvalidValue);
    spec
      .given([enrolled])
      .when(approve({ amount: { amountMinor: 5 } }))
      .thenThrows(InvalidValue);
  });

  it('given an approved grant, when it is disbursed in full, then it is disbursed', () =>
    spec.given([enrolled, approved]).when(disburse()).then([disbursed]));

  it('given no approval, when a grant is disbursed, then it fails', () =>
    spec.given([enrolled]).when(disburse()).thenThrows(GrantNotApproved));

  it('given an approved grant, when more than approved (or another currency) is disbursed, then it fails', () => {
    spec
      .given([enrolled, approved])
      .when(disburse(thb(500_001)))
      .thenThrows(DisbursementAboveApproved);
    spec
      .given([enrolled, approved])
      .when(disburse({ amountMinor: 100, currency: 'LAK' }))
      .thenThrows(DisbursementAboveApproved);
  });

  it('given a disbursed grant, when it is disbursed again, then a retry changes nothing and another fails', () => {
    spec.given([enrolled, approved, disbursed]).when(disburse()).then([]);
    spec
      .given([enrolled, approved, disbursed])
      .when(disburse(thb(100)))
      .thenThrows(GrantAlreadyDisbursed);
  });
});

describe('agent-of-change training', () => {
  const completed: EnrolmentEvent = {
    type: 'AgentOfChangeTrainingCompleted',
    schemaVersion: 2,
    data: { ...of, ...stats, sex: 'FEMALE', minor: true, completedOn: '2026-06-01' },
  };

  it('given an enrolment, when training is completed, then it is published with the person’s coarse facts', () =>
    spec.given([enrolled]).when(train()).then([completed]));

  it('given completed training, when it is repeated, then nothing changes; another date fails (once)', () => {
    spec.given([enrolled, completed]).when(train()).then([]);
    spec
      .given([enrolled, completed])
      .when(train('2026-06-02'))
      .thenThrows(TrainingAlreadyCompleted);
  });
});

describe('the reintegration plan', () => {
  const plan = (data: Record<string, unknown> = {}) =>
    cmd('AgreeReintegrationPlan', {
      erased: false,
      goals: ['EDUCATION', 'FAMILY_REUNIFICATION'],
      followUpRhythm: 'MONTHLY',
      reviewDates: ['2026-09-01', '2026-12-01'],
      agreedOn: '2026-03-10',
      ...data,
    } as never);

  it('given an enrolment, when a plan is agreed, then it is recorded; the same again changes nothing', () => {
    const agreed: EnrolmentEvent = {
      type: 'ReintegrationPlanAgreed',
      data: {
        ...of,
        goals: ['EDUCATION', 'FAMILY_REUNIFICATION'],
        followUpRhythm: 'MONTHLY',
        reviewDates: ['2026-09-01', '2026-12-01'],
        agreedOn: '2026-03-10',
      },
    };
    spec.given([enrolled]).when(plan()).then([agreed]);
    spec.given([enrolled, agreed]).when(plan()).then([]);
  });

  it('given an agreed plan, when it is reviewed on its first review date and agreed again with the next dates, then the reviewed plan is recorded', () => {
    const first: EnrolmentEvent = {
      type: 'ReintegrationPlanAgreed',
      data: {
        ...of,
        goals: ['EDUCATION'],
        followUpRhythm: 'MONTHLY',
        reviewDates: ['2026-05-01'],
        agreedOn: '2026-03-10',
      },
    };
    spec
      .given([enrolled, first])
      .when(plan({ agreedOn: '2026-05-01', reviewDates: ['2026-08-01'] }))
      .then([
        {
          type: 'ReintegrationPlanAgreed',
          data: {
            ...of,
            goals: ['EDUCATION', 'FAMILY_REUNIFICATION'],
            followUpRhythm: 'MONTHLY',
            reviewDates: ['2026-08-01'],
            agreedOn: '2026-05-01',
          },
        },
      ]);
  });

  it('when it has no goal, a goal twice, or review dates out of order, then it fails', () => {
    spec
      .given([enrolled])
      .when(plan({ goals: [] }))
      .thenThrows(PlanInvalid);
    spec
      .given([enrolled])
      .when(plan({ goals: ['HEALTH', 'HEALTH'] }))
      .thenThrows(PlanInvalid);
    spec
      .given([enrolled])
      .when(plan({ reviewDates: ['2026-12-01', '2026-09-01'] }))
      .thenThrows(PlanInvalid);
  });
});

describe('notes', () => {
  it('given an enrolment, when a note arrives without its sealed text, then it fails', () =>
    spec
      .given([enrolled])
      .when(
        cmd('RecordEmpowermentNote', {
          erased: false,
          noteId: serviceId,
          topic: 'COUNSELLING',
          writtenOn: '2026-03-05',
          sealedText: '',
          textDigest: '',
        }),
      )
      .thenThrows(NoteEmpty));
});
