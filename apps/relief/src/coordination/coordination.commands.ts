import { defineCommand } from '@haven/platform/nest';
import { reliefResponseStreamId } from '@haven/relief/contracts';
import {
  reliefResponseDecider,
  type FollowUpStatus,
  type MicroProjectKind,
} from '@haven/relief/domain';
import { recipientOf, type WithId } from '../entries/entry.commands';
import type { KnownBeneficiaries } from '../known-beneficiaries';
import { mustReachResponse } from '../scope';
import type {
  FollowUpMicroProjectInput,
  LinkReliefRecipientInput,
  NotifyDetectionInput,
  StartMicroProjectInput,
} from './coordination.types';

const onResponse = <Input extends { responseId: string }>(input: Input) =>
  reliefResponseStreamId(input.responseId.toLowerCase());

/** What coordinators decide on a response's stream. */
export function coordinationCommands(known: KnownBeneficiaries) {
  return {
    linkReliefRecipient: defineCommand({
      decider: reliefResponseDecider,
      streamId: onResponse<LinkReliefRecipientInput>,
      authorise: mustReachResponse,
      command: async (input, _state, { metadata }) => ({
        type: 'LinkRecipientToBeneficiary' as const,
        data: {
          recipientId: input.recipientId.toLowerCase(),
          beneficiaryId: input.beneficiaryId.toLowerCase(),
          beneficiary: await known.factsOf(input.beneficiaryId),
        },
        metadata,
      }),
    }),
    notifyDetection: defineCommand({
      decider: reliefResponseDecider,
      streamId: onResponse<NotifyDetectionInput>,
      authorise: mustReachResponse,
      command: (input, _state, { metadata }) => ({
        type: 'NotifyDetection' as const,
        data: { detectionId: input.detectionId.toLowerCase() },
        metadata,
      }),
    }),
    startMicroProject: defineCommand({
      decider: reliefResponseDecider,
      streamId: onResponse<WithId<StartMicroProjectInput>>,
      authorise: mustReachResponse,
      command: async (input, _state, { metadata }) => ({
        type: 'StartMicroProject' as const,
        data: {
          projectId: input.id,
          recipient: await recipientOf(input.recipient, known),
          kind: input.kind as MicroProjectKind,
          grant: { amountMinor: input.grant.amountMinor, currency: input.grant.currency },
          marketCheckDone: input.marketCheckDone,
          startedOn: input.startedOn,
        },
        metadata,
      }),
    }),
    followUpMicroProject: defineCommand({
      decider: reliefResponseDecider,
      streamId: onResponse<WithId<FollowUpMicroProjectInput>>,
      authorise: mustReachResponse,
      command: (input, _state, { metadata }) => ({
        type: 'RecordMicroProjectFollowUp' as const,
        data: {
          projectId: input.projectId.toLowerCase(),
          followUpId: input.id,
          followedUpOn: input.followedUpOn,
          status: input.status as FollowUpStatus,
        },
        metadata,
      }),
    }),
  };
}
