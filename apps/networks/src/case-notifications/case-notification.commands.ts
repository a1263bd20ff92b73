import { Inject, Injectable } from '@nestjs/common';
import {
  caseNotificationStreamId,
  type CaseNotificationRejectionReason,
  type ReporterKind,
} from '@haven/networks/contracts';
import {
  agentOfChangeStreamId,
  CaseNotificationNotFound,
  caseNotificationDecider,
  partnerOrganisationStreamId,
  preventionActivityStreamId,
  watchdogStreamId,
  womensGroupStreamId,
  type CaseNotificationState,
  type SubmitCaseNotification,
} from '@haven/networks/domain';
import type { EventStore } from '@haven/platform/event-store';
import { CommandRunner, defineCommand, EVENT_STORE } from '@haven/platform/nest';
import { inScope, type Principal } from '@haven/platform/security';
import { NETWORK_MANAGER_ROLES } from '../policies';
import { assertMayWriteIn, outOfScope } from '../scope';
import { memberKindOf, unregisteredSubmitter } from './submitter';

/** The stream of the record a reporter reference names, by the reporter's kind. */
const REPORTER_STREAM: Record<ReporterKind, ((id: string) => string) | null> = {
  WATCHDOG: watchdogStreamId,
  AGENT_OF_CHANGE: agentOfChangeStreamId,
  WOMENS_GROUP: womensGroupStreamId,
  PARTNER: partnerOrganisationStreamId,
  TRAINEE: preventionActivityStreamId,
  STAFF: null,
};

/** A submission as the resolver gives it: ids checked and lower-cased, the reporter's kind set. */
export type SubmitInput = Omit<SubmitCaseNotification['data'], 'reporterKnown'>;

/** A decision on an existing notification (ids checked and lower-cased by the resolver). */
export type DecisionInput =
  | { type: 'ValidateCaseNotification' | 'ReferCaseNotification'; notificationId: string }
  | {
      type: 'RejectCaseNotification';
      notificationId: string;
      reason: CaseNotificationRejectionReason;
    }
  | { type: 'MarkCaseNotificationDuplicate'; notificationId: string; duplicateOf: string };

/** Staff and auditors reach a notification by its country (a partner: its organisation's). */
function mayDecideOn(state: CaseNotificationState, principal: Principal): void {
  if (state.status === 'NONE') throw new CaseNotificationNotFound();
  if (!inScope(principal, { country: state.facts.country })) {
    throw outOfScope('This case notification');
  }
}

/**
 * The commands on case notifications, each declared once for the CommandRunner: one load of the
 * notification's stream, scope checked against it as folded, then what the domain needs from
 * other records (the reporter, the original of a duplicate) read, and the decider decides.
 */
@Injectable()
export class CaseNotificationCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CommandRunner) private readonly runner: CommandRunner,
  ) {}

  readonly submit = defineCommand({
    decider: caseNotificationDecider,
    streamId: (input: SubmitInput) => caseNotificationStreamId(input.notificationId),
    authorise(_state, principal, input) {
      // Watchdogs and partners submit anywhere; staff only in their own countries.
      if (NETWORK_MANAGER_ROLES.includes(principal.role)) {
        assertMayWriteIn(principal, input.country);
      }
    },
    command: async (input, _state, { principal, metadata }): Promise<SubmitCaseNotification> => {
      const streamOf = REPORTER_STREAM[input.reportedBy];
      const reporterKnown =
        input.reporterReference === null ||
        (!!streamOf && (await this.exists(streamOf(input.reporterReference))));
      // A member's token whose subject is no record of its kind submits nothing.
      if (memberKindOf(principal) && !reporterKnown) throw unregisteredSubmitter();
      return { type: 'SubmitCaseNotification', data: { ...input, reporterKnown }, metadata };
    },
  });

  /**
   * Validate, reject, refer or mark a duplicate, within the principal's scope. For a duplicate,
   * the original is passed to the domain only if the principal may see it: otherwise it is as
   * good as absent, so that its existence does not leak.
   */
  readonly decide = defineCommand({
    decider: caseNotificationDecider,
    streamId: (input: DecisionInput) => caseNotificationStreamId(input.notificationId),
    authorise: (state, principal) => mayDecideOn(state, principal),
    command: async (input, state, { principal, metadata }) => {
      const { notificationId } = input;
      switch (input.type) {
        case 'ValidateCaseNotification':
        case 'ReferCaseNotification':
          return { type: input.type, data: { notificationId }, metadata };
        case 'RejectCaseNotification':
          return { type: input.type, data: { notificationId, reason: input.reason }, metadata };
        case 'MarkCaseNotificationDuplicate': {
          const { duplicateOf } = input;
          const original =
            duplicateOf === notificationId
              ? state
              : await this.runner.state(
                  caseNotificationDecider,
                  caseNotificationStreamId(duplicateOf),
                );
          const visible =
            original.status !== 'NONE' && inScope(principal, { country: original.facts.country });
          return {
            type: input.type,
            data: {
              notificationId,
              duplicateOf,
              original: visible ? { status: original.status } : null,
            },
            metadata,
          };
        }
      }
    },
  });

  private async exists(streamId: string): Promise<boolean> {
    return (await this.store.readStream(streamId, { to: 1 })).length > 0;
  }
}
