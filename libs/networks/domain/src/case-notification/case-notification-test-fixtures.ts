// Test-only: what the case notification decider's specs (submission, checking and referral)
// share: the ids, the command metadata, a submission, and the events and commands of each step.
// Not exported from the library.
import type { CaseNotificationEvent } from '@haven/networks/contracts';
import type { CaseNotificationCommand, SubmitCaseNotification } from './case-notification';

/** One kind of event or command, so that a spec may spread it and keep its kind. */
type EventOf<Type extends CaseNotificationEvent['type']> = Extract<
  CaseNotificationEvent,
  { type: Type }
>;
type CommandOf<Type extends CaseNotificationCommand['type']> = Extract<
  CaseNotificationCommand,
  { type: Type }
>;

export const notificationId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c77';
export const otherId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c88';
export const watchdogId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c11';
export const metadata = {
  actorId: 'coordinator-3',
  role: 'network_coordinator',
  organisationId: null,
  correlationId: 'correlation-1',
  causationId: null,
  occurredAt: '2026-11-20T08:30:00.000Z',
};
export const later = { ...metadata, occurredAt: '2026-11-21T09:00:00+07:00' };

export function submit(data: Partial<SubmitCaseNotification['data']> = {}): SubmitCaseNotification {
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

export const submitted: EventOf<'CaseNotificationSubmitted'> = {
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
    destination: null,
    nationality: null,
    possibleVictims: 3,
    minors: 2,
    submittedAt: '2026-11-20T08:30:00.000Z',
  },
};
export const validated: EventOf<'CaseNotificationValidated'> = {
  type: 'CaseNotificationValidated',
  data: { notificationId, validatedAt: '2026-11-21T02:00:00.000Z' },
};
export const rejected: EventOf<'CaseNotificationRejected'> = {
  type: 'CaseNotificationRejected',
  data: { notificationId, reason: 'NOT_A_CASE', rejectedAt: '2026-11-21T02:00:00.000Z' },
};
export const duplicate: EventOf<'CaseNotificationMarkedDuplicate'> = {
  type: 'CaseNotificationMarkedDuplicate',
  data: { notificationId, duplicateOf: otherId, markedAt: '2026-11-21T02:00:00.000Z' },
};
export const referred: EventOf<'CaseNotificationReferred'> = {
  type: 'CaseNotificationReferred',
  data: {
    notificationId,
    country: 'LA',
    province: 'Vientiane',
    abroad: false,
    destination: null,
    formOfExploitation: 'SEX_TRAFFICKING',
    placeOfExploitation: 'HIDDEN_BROTHEL',
    possibleVictims: 3,
    minors: 2,
    reportedBy: 'WATCHDOG',
    referredAt: '2026-11-21T02:00:00.000Z',
  },
};

export const validate: CommandOf<'ValidateCaseNotification'> = {
  type: 'ValidateCaseNotification',
  data: { notificationId },
  metadata: later,
};
export const reject: CommandOf<'RejectCaseNotification'> = {
  type: 'RejectCaseNotification',
  data: { notificationId, reason: 'NOT_A_CASE' },
  metadata: later,
};
export const markDuplicate = (
  original: { status: 'SUBMITTED' | 'VALIDATED' | 'REJECTED' | 'DUPLICATE' | 'REFERRED' } | null = {
    status: 'VALIDATED',
  },
  duplicateOf = otherId,
): CommandOf<'MarkCaseNotificationDuplicate'> => ({
  type: 'MarkCaseNotificationDuplicate',
  data: { notificationId, duplicateOf, original },
  metadata: later,
});
export const refer: CommandOf<'ReferCaseNotification'> = {
  type: 'ReferCaseNotification',
  data: { notificationId },
  metadata: later,
};
