import { Inject, Injectable } from '@nestjs/common';
import {
  caseNotificationStreamId,
  type CaseNotificationEvent,
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
  type CaseNotificationCommand,
  type CaseNotificationState,
  type SubmitCaseNotification,
} from '@haven/networks/domain';
import type { EventMetadata, EventStore } from '@haven/platform/event-store';
import { EVENT_STORE, handleCommand, type CommandResult } from '@haven/platform/nest';
import { inScope, type Principal } from '@haven/platform/security';
import { v7 as uuidv7 } from 'uuid';
import { outOfScope } from '../scope';

/** The stream of the record a reporter reference names, by the reporter's kind. */
const REPORTER_STREAM: Record<ReporterKind, ((id: string) => string) | null> = {
  WATCHDOG: watchdogStreamId,
  AGENT_OF_CHANGE: agentOfChangeStreamId,
  WOMENS_GROUP: womensGroupStreamId,
  PARTNER: partnerOrganisationStreamId,
  TRAINEE: preventionActivityStreamId,
  STAFF: null,
};

export type SubmitRequest = Omit<
  SubmitCaseNotification['data'],
  'notificationId' | 'reporterKnown'
> & { notificationId?: string | null };

/** A decision on an existing notification, its command built once the notification is known. */
type Decision = Exclude<CaseNotificationCommand, SubmitCaseNotification>;

/**
 * The write side of case notifications: what the domain needs from other records (the reporter,
 * the original of a duplicate) is read here, the scope is checked against the notification's own
 * stream (never a read model that may lag), then load, decide, append. Rules live in the decider.
 */
@Injectable()
export class CaseNotificationHandler {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async submit(
    request: SubmitRequest,
    metadata: EventMetadata,
  ): Promise<CommandResult & { notificationId: string }> {
    const notificationId = (request.notificationId ?? uuidv7()).toLowerCase();
    const reporterReference = request.reporterReference?.toLowerCase() ?? null;
    const streamOf = REPORTER_STREAM[request.reportedBy];
    const reporterKnown =
      reporterReference === null ||
      (!!streamOf && (await this.exists(streamOf(reporterReference))));
    const result = await handleCommand(
      this.store,
      caseNotificationStreamId(notificationId),
      caseNotificationDecider,
      {
        type: 'SubmitCaseNotification',
        data: { ...request, notificationId, reporterReference, reporterKnown },
        metadata,
      },
      metadata,
    );
    return { ...result, notificationId };
  }

  /**
   * Validate, reject or refer a notification within the principal's scope. For a duplicate,
   * the original is passed to the domain only if the principal may see it: otherwise it is as
   * good as absent, so that its existence does not leak.
   */
  async decide(
    principal: Principal,
    metadata: EventMetadata,
    command:
      | { type: 'ValidateCaseNotification' | 'ReferCaseNotification'; notificationId: string }
      | {
          type: 'RejectCaseNotification';
          notificationId: string;
          reason: CaseNotificationRejectionReason;
        }
      | { type: 'MarkCaseNotificationDuplicate'; notificationId: string; duplicateOf: string },
  ): Promise<CommandResult & { notificationId: string }> {
    const notificationId = command.notificationId.toLowerCase();
    const state = await this.state(notificationId);
    if (state.status === 'NONE') throw new CaseNotificationNotFound();
    if (!inScope(principal, { country: state.facts.country })) {
      throw outOfScope('This case notification');
    }
    let decision: Decision;
    switch (command.type) {
      case 'ValidateCaseNotification':
      case 'ReferCaseNotification':
        decision = { type: command.type, data: { notificationId }, metadata };
        break;
      case 'RejectCaseNotification':
        decision = {
          type: command.type,
          data: { notificationId, reason: command.reason },
          metadata,
        };
        break;
      case 'MarkCaseNotificationDuplicate': {
        const duplicateOf = command.duplicateOf.toLowerCase();
        const original = duplicateOf === notificationId ? state : await this.state(duplicateOf);
        const visible =
          original.status !== 'NONE' && inScope(principal, { country: original.facts.country });
        decision = {
          type: command.type,
          data: {
            notificationId,
            duplicateOf,
            original: visible ? { status: original.status } : null,
          },
          metadata,
        };
        break;
      }
    }
    const result = await handleCommand(
      this.store,
      caseNotificationStreamId(notificationId),
      caseNotificationDecider,
      decision,
      metadata,
    );
    return { ...result, notificationId };
  }

  private async state(notificationId: string): Promise<CaseNotificationState> {
    const events = await this.store.readStream(caseNotificationStreamId(notificationId));
    return (events as unknown as CaseNotificationEvent[]).reduce(
      caseNotificationDecider.evolve,
      caseNotificationDecider.initialState(),
    );
  }

  private async exists(streamId: string): Promise<boolean> {
    return (await this.store.readStream(streamId, { to: 1 })).length > 0;
  }
}
