import type { CaseNotificationEvent } from '@haven/networks/contracts';
import { deciderSpecification } from '@haven/platform/decider-testing';
import {
  CaseNotificationAlreadyReferred,
  CaseNotificationAlreadySubmitted,
  CaseNotificationNotFound,
  CaseNotificationNotSubmitted,
  CaseNotificationNotValidated,
  DuplicateNotificationNotReferable,
  DuplicateOfItself,
  InvalidCaseNotificationData,
  MinorsExceedVictims,
  OriginalIsADuplicate,
  OriginalNotificationNotFound,
  RejectedNotificationNotReferable,
  UnknownReporter,
} from '../errors';
import {
  caseNotificationDecider,
  type CaseNotificationCommand,
  type RecordedCaseNotificationEvent,
  type SubmitCaseNotification,
} from './case-notification';

const spec = deciderSpecification(caseNotificationDecider);
const notificationId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c77';
const otherId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c88';
const watchdogId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c11';
const metadata = {
  actorId: 'coordinator-3',
  role: 'network_coordinator',
  organisationId: null,
  correlationId: 'correlation-1',
  causationId: null,
  occurredAt: '2026-11-20T08:30:00.000Z',
};
const later = { ...metadata, occurredAt: '2026-11-21T09:00:00+07:00' };

function submit(data: Partial<SubmitCaseNotification['data']> = {}): SubmitCaseNotification {
  return {
    type: 'SubmitCaseNotification',
    data: {
      notificationId,
      reportedBy: 'WATCHDOG',
      reporterReference: watchdogId,
      formOfExploitation: 'SEX_TRAFFICKING',
      placeOfExploitation: 'HIDDEN_BROTHEL',
      country: 'LA',
      province: 'Vientiane',
      possibleVictims: 3,
      minors: 2,
      reporterKnown: true,
      ...data,
    },
    metadata: { ...metadata, actorId: 'watchdog-9', role: 'watchdog' },
  };
}

const submitted: CaseNotificationEvent = {
  type: 'CaseNotificationSubmitted',
  data: {
    notificationId,
    reportedBy: 'WATCHDOG',
    reporterReference: watchdogId,
    formOfExploitation: 'SEX_TRAFFICKING',
    placeOfExploitation: 'HIDDEN_BROTHEL',
    country: 'LA',
    province: 'Vientiane',
    abroad: false,
    possibleVictims: 3,
    minors: 2,
    submittedAt: '2026-11-20T08:30:00.000Z',
  },
};
const validated: CaseNotificationEvent = {
  type: 'CaseNotificationValidated',
  data: { notificationId, validatedAt: '2026-11-21T02:00:00.000Z' },
};
const rejected: CaseNotificationEvent = {
  type: 'CaseNotificationRejected',
  data: { notificationId, reason: 'NOT_A_CASE', rejectedAt: '2026-11-21T02:00:00.000Z' },
};
const duplicate: CaseNotificationEvent = {
  type: 'CaseNotificationMarkedDuplicate',
  data: { notificationId, duplicateOf: otherId, markedAt: '2026-11-21T02:00:00.000Z' },
};
const referred: CaseNotificationEvent = {
  type: 'CaseNotificationReferred',
  data: {
    notificationId,
    country: 'LA',
    province: 'Vientiane',
    abroad: false,
    formOfExploitation: 'SEX_TRAFFICKING',
    placeOfExploitation: 'HIDDEN_BROTHEL',
    possibleVictims: 3,
    minors: 2,
    reportedBy: 'WATCHDOG',
    referredAt: '2026-11-21T02:00:00.000Z',
  },
};

const validate: CaseNotificationCommand = {
  type: 'ValidateCaseNotification',
  data: { notificationId },
  metadata: later,
};
const reject: CaseNotificationCommand = {
  type: 'RejectCaseNotification',
  data: { notificationId, reason: 'NOT_A_CASE' },
  metadata: later,
};
const markDuplicate = (
  original: { status: 'SUBMITTED' | 'VALIDATED' | 'REJECTED' | 'DUPLICATE' | 'REFERRED' } | null = {
    status: 'VALIDATED',
  },
  duplicateOf = otherId,
): CaseNotificationCommand => ({
  type: 'MarkCaseNotificationDuplicate',
  data: { notificationId, duplicateOf, original },
  metadata: later,
});
const refer: CaseNotificationCommand = {
  type: 'ReferCaseNotification',
  data: { notificationId },
  metadata: later,
};

describe('Case notification decider: submission', () => {
  it('given no events, when a case is notified, then it is submitted with its structured facts and the time of the command', () => {
    spec.given([]).when(submit()).then([submitted]);
  });

  it('given no events, when the place is abroad (country OTHER), then it is submitted as abroad, without a province', () => {
    spec
      .given([])
      .when(
        submit({
          country: 'OTHER',
          province: null,
          reportedBy: 'PARTNER',
          reporterReference: null,
        }),
      )
      .then([
        {
          type: 'CaseNotificationSubmitted',
          data: {
            ...(submitted.data as object),
            country: 'OTHER',
            province: null,
            abroad: true,
            reportedBy: 'PARTNER',
            reporterReference: null,
          } as never,
        },
      ]);
  });

  it('given no events, when the province is blank or padded, then it is recorded trimmed, or as unknown', () => {
    spec
      .given([])
      .when(submit({ province: '  Vientiane ' }))
      .then([submitted]);
    spec
      .given([])
      .when(submit({ province: '   ' }))
      .then([
        { ...submitted, data: { ...submitted.data, province: null } } as CaseNotificationEvent,
      ]);
  });

  it('given a submitted notification, when the same submission arrives again (a retry), then nothing happens', () => {
    spec.given([submitted]).when(submit()).then([]);
  });

  it('given a submitted notification, when its id is submitted with other facts, then it fails as already submitted', () => {
    spec
      .given([submitted])
      .when(submit({ possibleVictims: 4 }))
      .thenThrows(CaseNotificationAlreadySubmitted, (error) =>
        expect((error as CaseNotificationAlreadySubmitted).code).toBe(
          'CASE_NOTIFICATION_ALREADY_SUBMITTED',
        ),
      );
  });

  describe('the kind of place where it happened', () => {
    // A notification recorded before the place was asked: its event has no such field.
    const { placeOfExploitation: _place, ...before } = submitted.data as typeof submitted.data & {
      placeOfExploitation?: unknown;
    };
    const recordedBefore = { ...submitted, data: before } as CaseNotificationEvent;

    it('given no place, when submitted, then the event says null', () => {
      spec
        .given([])
        .when(submit({ placeOfExploitation: null }))
        .then([{ ...submitted, data: { ...submitted.data, placeOfExploitation: null } }]);
    });

    it('given a notification recorded before places were asked, when it is retried without a place, then nothing happens', () => {
      spec
        .given([recordedBefore])
        .when(submit({ placeOfExploitation: null }))
        .then([]);
    });

    it('given a notification recorded before places were asked, when it is referred, then the referral says null', () => {
      spec
        .given([recordedBefore, validated])
        .when(refer)
        .then([{ ...referred, data: { ...referred.data, placeOfExploitation: null } }]);
    });

    it('given a place outside the list, then it fails naming the field', () => {
      spec
        .given([])
        .when(submit({ placeOfExploitation: 'A BAR ON MAIN STREET' as never }))
        .thenThrows(InvalidCaseNotificationData, (error) =>
          expect((error as InvalidCaseNotificationData).message).not.toContain('MAIN STREET'),
        );
    });
  });

  describe('the date it reached the alliance', () => {
    it('given no events, when a call taken last week is entered now, then the notification is dated by the call', () => {
      spec
        .given([])
        .when(submit({ notifiedAt: '2026-11-13T10:15:00+07:00' }))
        .then([
          { ...submitted, data: { ...submitted.data, submittedAt: '2026-11-13T03:15:00.000Z' } },
        ]);
    });

    it('given a notification dated last week, when the same submission is retried, then nothing happens', () => {
      const dated = {
        ...submitted,
        data: { ...submitted.data, submittedAt: '2026-11-13T03:15:00.000Z' },
      };
      spec
        .given([dated])
        .when(submit({ notifiedAt: '2026-11-13T03:15:00.000Z' }))
        .then([]);
    });

    it('given a date after the command, or before 1990, then it fails naming the field', () => {
      for (const notifiedAt of [
        '2026-11-21T08:30:00.000Z',
        '1989-12-31T23:00:00.000Z',
        'last week',
      ]) {
        spec
          .given([])
          .when(submit({ notifiedAt }))
          .thenThrows(InvalidCaseNotificationData, (error) => {
            expect((error as InvalidCaseNotificationData).message).toContain('notifiedAt');
            expect((error as InvalidCaseNotificationData).message).not.toContain(notifiedAt);
          });
      }
    });
  });

  describe('given a notification recorded with its submitter', () => {
    const recorded = {
      ...submitted,
      metadata: { actorId: 'watchdog-9', organisationId: null },
    } as RecordedCaseNotificationEvent;
    const by = (actorId: string, organisationId: string | null): SubmitCaseNotification => ({
      ...submit(),
      metadata: { ...submit().metadata, actorId, organisationId },
    });

    it('when its submitter sends the same submission again, then nothing happens', () => {
      spec.given([recorded]).when(by('watchdog-9', null)).then([]);
    });

    it.each([
      ['another actor', 'watchdog-10', null],
      ['the same actor for another organisation', 'watchdog-9', 'ngo-b'],
    ])(
      'when %s sends the same facts, then it fails as already submitted, as with other facts',
      (_case, actorId, organisationId) => {
        spec
          .given([recorded])
          .when(by(actorId, organisationId))
          .thenThrows(CaseNotificationAlreadySubmitted);
        spec
          .given([recorded])
          .when({ ...by(actorId, organisationId), data: { ...submit().data, minors: 0 } })
          .thenThrows(CaseNotificationAlreadySubmitted);
      },
    );
  });

  it('given no events, when it counts more minors than possible victims, then it fails naming minors', () => {
    spec
      .given([])
      .when(submit({ possibleVictims: 2, minors: 3 }))
      .thenThrows(MinorsExceedVictims, (error) => {
        expect((error as MinorsExceedVictims).code).toBe('MINORS_EXCEED_VICTIMS');
        expect((error as MinorsExceedVictims).field).toBe('minors');
      });
  });

  it('given no events, when every possible victim is a minor, then it is submitted', () => {
    spec
      .given([])
      .when(submit({ possibleVictims: 2, minors: 2 }))
      .then([
        {
          ...submitted,
          data: { ...submitted.data, possibleVictims: 2, minors: 2 },
        } as CaseNotificationEvent,
      ]);
  });

  it.each([
    ['notificationId', { notificationId: 'not-a-uuid' }],
    ['reportedBy', { reportedBy: 'NEIGHBOUR' as never }],
    ['reporterReference', { reporterReference: 'W-12' }],
    ['reporterReference', { reportedBy: 'STAFF' as const }],
    ['formOfExploitation', { formOfExploitation: 'LABOUR' as never }],
    ['country', { country: 'FR' as never }],
    ['province', { country: 'OTHER' as const }],
    ['province', { province: 'x'.repeat(101) }],
    ['province', { province: 'Vientiane\nBan Nong' }],
    ['possibleVictims', { possibleVictims: 0, minors: 0 }],
    ['possibleVictims', { possibleVictims: 1.5 }],
    ['minors', { minors: -1 }],
  ])('given no events, when %s is invalid, then it fails naming that field', (field, data) => {
    spec
      .given([])
      .when(submit(data))
      .thenThrows(InvalidCaseNotificationData, (error) => {
        expect((error as InvalidCaseNotificationData).field).toBe(field);
        expect((error as InvalidCaseNotificationData).code).toBe('INVALID_CASE_NOTIFICATION_DATA');
      });
  });

  it('given no events, when the reporter reference names no record of its kind, then it fails as an unknown reporter', () => {
    spec
      .given([])
      .when(submit({ reporterKnown: false }))
      .thenThrows(UnknownReporter, (error) =>
        expect((error as UnknownReporter).field).toBe('reporterReference'),
      );
  });

  it('given no events, when the command time is not an instant, then it fails naming occurredAt', () => {
    spec
      .given([])
      .when({ ...submit(), metadata: { ...metadata, occurredAt: 'yesterday' } })
      .thenThrows(InvalidCaseNotificationData, (error) =>
        expect((error as InvalidCaseNotificationData).field).toBe('occurredAt'),
      );
  });
});

describe('Case notification decider: checking', () => {
  it('given a submitted notification, when it is validated, then it is validated at the command time in UTC', () => {
    spec.given([submitted]).when(validate).then([validated]);
  });

  it('given a submitted notification, when it is rejected with a reason, then it is rejected with that reason', () => {
    spec.given([submitted]).when(reject).then([rejected]);
  });

  it('given a submitted notification, when the rejection reason is not one of the list, then it fails naming reason', () => {
    spec
      .given([submitted])
      .when({ ...reject, data: { notificationId, reason: 'She lied' as never } })
      .thenThrows(InvalidCaseNotificationData, (error) =>
        expect((error as InvalidCaseNotificationData).field).toBe('reason'),
      );
  });

  it('given a submitted notification, when it is marked a duplicate of another notification, then it is marked so', () => {
    spec.given([submitted]).when(markDuplicate()).then([duplicate]);
  });

  it('given a submitted notification, when it is marked a duplicate of itself, then it fails', () => {
    spec
      .given([submitted])
      .when(markDuplicate({ status: 'SUBMITTED' }, notificationId))
      .thenThrows(DuplicateOfItself, (error) => {
        expect((error as DuplicateOfItself).code).toBe('DUPLICATE_OF_ITSELF');
        expect((error as DuplicateOfItself).field).toBe('duplicateOf');
      });
  });

  it('given a submitted notification, when the original does not exist, then it fails naming duplicateOf', () => {
    spec
      .given([submitted])
      .when(markDuplicate(null))
      .thenThrows(OriginalNotificationNotFound, (error) =>
        expect((error as OriginalNotificationNotFound).code).toBe(
          'ORIGINAL_NOTIFICATION_NOT_FOUND',
        ),
      );
  });

  it('given a submitted notification, when the original is itself a duplicate, then it fails (no chains)', () => {
    spec
      .given([submitted])
      .when(markDuplicate({ status: 'DUPLICATE' }))
      .thenThrows(OriginalIsADuplicate);
  });

  it.each([
    ['validated', [submitted, validated], 'VALIDATED'],
    ['rejected', [submitted, rejected], 'REJECTED'],
    ['a duplicate', [submitted, duplicate], 'DUPLICATE'],
    ['referred', [submitted, validated, referred], 'REFERRED'],
  ] as const)(
    'given a notification %s, when it is validated, rejected or marked a duplicate, then it fails: only a submitted one can be',
    (_case, history, status) => {
      for (const command of [validate, reject, markDuplicate()]) {
        spec
          .given([...history])
          .when(command)
          .thenThrows(CaseNotificationNotSubmitted, (error) => {
            expect((error as CaseNotificationNotSubmitted).code).toBe(
              'CASE_NOTIFICATION_NOT_SUBMITTED',
            );
            expect((error as CaseNotificationNotSubmitted).status).toBe(status);
          });
      }
    },
  );

  it('given no notification, when any command but a submission arrives, then it fails as not found', () => {
    for (const command of [validate, reject, markDuplicate(), refer]) {
      spec
        .given([])
        .when(command)
        .thenThrows(CaseNotificationNotFound, (error) =>
          expect((error as CaseNotificationNotFound).code).toBe('CASE_NOTIFICATION_NOT_FOUND'),
        );
    }
  });
});

describe('Case notification decider: referral to protection', () => {
  it('given a validated notification, when it is referred, then CaseNotificationReferred carries the facts protection opens a case from', () => {
    spec.given([submitted, validated]).when(refer).then([referred]);
  });

  it('given a validated notification abroad, when it is referred, then the referral says so', () => {
    const abroad: CaseNotificationEvent = {
      type: 'CaseNotificationSubmitted',
      data: {
        ...(submitted.data as object),
        country: 'OTHER',
        province: null,
        abroad: true,
      } as never,
    };
    spec
      .given([abroad, validated])
      .when(refer)
      .then([
        {
          type: 'CaseNotificationReferred',
          data: {
            ...(referred.data as object),
            country: 'OTHER',
            province: null,
            abroad: true,
          } as never,
        },
      ]);
  });

  it('given a submitted notification not validated yet, when it is referred, then it fails', () => {
    spec
      .given([submitted])
      .when(refer)
      .thenThrows(CaseNotificationNotValidated, (error) =>
        expect((error as CaseNotificationNotValidated).code).toBe(
          'CASE_NOTIFICATION_NOT_VALIDATED',
        ),
      );
  });

  it('given a rejected notification, when it is referred, then it fails', () => {
    spec
      .given([submitted, rejected])
      .when(refer)
      .thenThrows(RejectedNotificationNotReferable, (error) =>
        expect((error as RejectedNotificationNotReferable).code).toBe('CASE_NOTIFICATION_REJECTED'),
      );
  });

  it('given a duplicate notification, when it is referred, then it fails', () => {
    spec
      .given([submitted, duplicate])
      .when(refer)
      .thenThrows(DuplicateNotificationNotReferable, (error) =>
        expect((error as DuplicateNotificationNotReferable).code).toBe(
          'CASE_NOTIFICATION_DUPLICATE',
        ),
      );
  });

  it('given a referred notification, when it is referred again, then it fails: a notification is referred once', () => {
    spec
      .given([submitted, validated, referred])
      .when(refer)
      .thenThrows(CaseNotificationAlreadyReferred, (error) =>
        expect((error as CaseNotificationAlreadyReferred).code).toBe(
          'CASE_NOTIFICATION_ALREADY_REFERRED',
        ),
      );
  });
});

describe('Case notification decider: state', () => {
  it('folds the history into the status and the submitted facts, nothing else', () => {
    const state = [submitted, validated, referred].reduce(
      caseNotificationDecider.evolve,
      caseNotificationDecider.initialState(),
    );
    const { submittedAt: _submittedAt, ...facts } = submitted.data as { submittedAt: string };
    expect(state).toEqual({ status: 'REFERRED', facts });
  });
});
