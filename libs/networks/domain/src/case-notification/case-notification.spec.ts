// The case notification decider after a submission: checking it (validated, rejected, a
// duplicate), referring it to protection, and the state it folds.
import type { CaseNotificationEvent } from '@haven/networks/contracts';
import { deciderSpecification } from '@haven/platform/decider-testing';
import {
  CaseNotificationAlreadyReferred,
  CaseNotificationNotFound,
  CaseNotificationNotSubmitted,
  CaseNotificationNotValidated,
  DuplicateNotificationNotReferable,
  DuplicateOfItself,
  InvalidCaseNotificationData,
  OriginalIsADuplicate,
  OriginalNotificationNotFound,
  RejectedNotificationNotReferable,
} from '../errors';
import { caseNotificationDecider } from './case-notification';
import {
  notificationId,
  submitted,
  validated,
  rejected,
  duplicate,
  referred,
  validate,
  reject,
  markDuplicate,
  refer,
} from './case-notification-test-fixtures';

const spec = deciderSpecification(caseNotificationDecider);

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
        destination: 'BE',
        nationality: 'TH',
      } as never,
    };
    // Where abroad travels to protection; the victims' nationality stays with the notification
    // (protection records each victim's own).
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
            destination: 'BE',
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
