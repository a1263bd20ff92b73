// The case notification decider's submissions: the structured facts, the kind of place, the date
// it reached the alliance, its submitter, and what a submission may not say.
import type { CaseNotificationEvent } from '@haven/networks/contracts';
import { deciderSpecification } from '@haven/platform/decider-testing';
import {
  CaseNotificationAlreadySubmitted,
  InvalidCaseNotificationData,
  MinorsExceedVictims,
  UnknownReporter,
} from '../errors';
import {
  caseNotificationDecider,
  type RecordedCaseNotificationEvent,
  type SubmitCaseNotification,
} from './case-notification';
import {
  metadata,
  submit,
  submitted,
  validated,
  referred,
  refer,
} from './case-notification-test-fixtures';

const spec = deciderSpecification(caseNotificationDecider);

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
