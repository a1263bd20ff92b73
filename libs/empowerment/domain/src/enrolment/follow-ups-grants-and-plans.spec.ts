// The enrolment decider after enrolment: follow-ups, small grants (approval and disbursement),
// agent-of-change training, the reintegration plan, and notes.
import { deciderSpecification } from '@haven/platform/decider-testing';
import { InvalidValue } from '@haven/platform/domain';
import {
  DisbursementAboveApproved,
  GrantAlreadyDisbursed,
  GrantNotApproved,
  NextFollowUpNotAfter,
  NoteEmpty,
  PlanInvalid,
  TrainingAlreadyCompleted,
} from '../errors';
import { enrolmentDecider } from './enrolment';
import { cmd, enrolled, grantId, of, serviceId, stats, thb } from './enrolment-test-fixtures';
import type { EnrolmentEvent } from './enrolment-types';

const spec = deciderSpecification(enrolmentDecider);
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
