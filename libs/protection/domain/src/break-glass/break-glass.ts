import type { BreakGlassAccessGranted, BreakGlassEvent } from '@haven/protection/contracts';
import {
  check,
  type CommandMetadata,
  type Decider,
  refusingAs,
  unreachable,
} from '@haven/platform/domain';
import { BreakGlassNotNeeded, InvalidBreakGlassRequest } from '../beneficiary/errors';

export type { BreakGlassAccessGranted, BreakGlassEvent };

/** A justification of a few words at least, and never an essay (it is reviewed by people). */
export const BREAK_GLASS_REASON_LENGTH = { min: 10, max: 500 } as const;
/** No grant outlives a working day. */
export const MAX_BREAK_GLASS_MINUTES = 24 * 60;

/**
 * Ask for temporary access to one beneficiary outside one's scope. Whether the beneficiary is
 * within the principal's scope is worked out by the caller (it knows the principal's countries
 * and organisation) and passed as `withinScope`; the decision is the domain's.
 */
export type RequestBreakGlassAccess = {
  type: 'RequestBreakGlassAccess';
  data: {
    grantId: string;
    beneficiaryId: string;
    beneficiaryCountry: string;
    withinScope: boolean;
    reason: string;
    durationMinutes: number;
  };
  metadata: CommandMetadata;
};

export type BreakGlassCommand = RequestBreakGlassAccess;

export type BreakGlassState =
  { status: 'None' } | { status: 'Granted'; beneficiaryId: string; subject: string };

export function initialBreakGlassState(): BreakGlassState {
  return { status: 'None' };
}

function decideBreakGlass(command: BreakGlassCommand, state: BreakGlassState): BreakGlassEvent[] {
  const { data, metadata } = command;
  if (state.status === 'Granted') {
    // A grant stream holds one grant: the same request again is a retry, anything else a misuse.
    if (state.beneficiaryId === data.beneficiaryId && state.subject === metadata.actorId) return [];
    throw new InvalidBreakGlassRequest('grantId', 'is already used by another grant.');
  }
  if (data.withinScope) throw new BreakGlassNotNeeded();
  const reason = typeof data.reason === 'string' ? data.reason.trim() : '';
  const { min, max } = BREAK_GLASS_REASON_LENGTH;
  if (reason.length < min || reason.length > max) {
    throw new InvalidBreakGlassRequest('reason', `must be ${min} to ${max} characters.`);
  }
  if (
    !Number.isFinite(data.durationMinutes) ||
    data.durationMinutes <= 0 ||
    data.durationMinutes > MAX_BREAK_GLASS_MINUTES
  ) {
    throw new InvalidBreakGlassRequest(
      'durationMinutes',
      `must be more than 0 and at most ${MAX_BREAK_GLASS_MINUTES}.`,
    );
  }
  const grantedAt = new Date(check.instant(metadata.occurredAt, 'occurredAt'));
  const granted: BreakGlassAccessGranted = {
    type: 'BreakGlassAccessGranted',
    data: {
      grantId: data.grantId,
      beneficiaryId: data.beneficiaryId,
      country: data.beneficiaryCountry,
      subject: metadata.actorId,
      role: metadata.role,
      organisationId: metadata.organisationId,
      reason,
      grantedAt: grantedAt.toISOString(),
      expiresAt: new Date(grantedAt.getTime() + data.durationMinutes * 60_000).toISOString(),
    },
  };
  return [granted];
}

function evolveBreakGlass(state: BreakGlassState, event: BreakGlassEvent): BreakGlassState {
  switch (event.type) {
    case 'BreakGlassAccessGranted':
      return {
        status: 'Granted',
        beneficiaryId: event.data.beneficiaryId,
        subject: event.data.subject,
      };
    default:
      return unreachable(event.type, 'event');
  }
}

/** The break-glass decider, for the command handler. */
export const breakGlassDecider: Decider<BreakGlassCommand, BreakGlassEvent, BreakGlassState> = {
  decide: (command, state) =>
    refusingAs(InvalidBreakGlassRequest, () => decideBreakGlass(command, state)),
  evolve: evolveBreakGlass,
  initialState: initialBreakGlassState,
};
