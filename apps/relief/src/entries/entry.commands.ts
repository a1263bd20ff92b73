import { clientError, defineCommand, type CommandContext } from '@haven/platform/nest';
import { forbidden, type Principal } from '@haven/platform/security';
import { reliefResponseStreamId } from '@haven/relief/contracts';
import {
  reliefResponseDecider,
  type FieldWorker,
  type Recipient,
  type ReliefResponseState,
} from '@haven/relief/domain';
import { toAgeBand } from '../enums';
import type { KnownBeneficiaries } from '../known-beneficiaries';
import { mustReachResponse } from '../scope';
import type {
  FieldWorkerInput,
  RecipientInput,
  RecordDistributionInput,
  RecordMigratedFamiliesInput,
  RecordPersonAtRiskInput,
  RecordPotentialVictimInput,
  RecordReliefRecipientInput,
} from './entry.types';

/** An input with its entry id settled (the client's, or one the resolver made). */
export type WithId<Input> = Input & { id: string };

/**
 * The worker as the domain records them: a field worker is an agent of change (named by their
 * register id) or a volunteer (named by their user id), never staff; staff record as themselves
 * or on behalf of an agent of change or a volunteer of theirs.
 */
export function fieldWorkerOf(principal: Principal, input: FieldWorkerInput): FieldWorker {
  if (principal.role === 'field_worker' && input.kind === 'STAFF') {
    throw forbidden('A field worker records as an agent of change or a volunteer.', 'NOT_STAFF');
  }
  if (input.kind === 'AGENT_OF_CHANGE')
    return { kind: input.kind, id: input.agentOfChangeId ?? '' };
  return { kind: input.kind, id: principal.subject };
}

/** Exactly one of the two ids, with what relief knows of a registered beneficiary. */
export async function recipientOf(
  input: RecipientInput,
  known: KnownBeneficiaries,
): Promise<Recipient> {
  if (!!input.beneficiaryId === !!input.recipientId) {
    throw clientError('BAD_USER_INPUT', 'Give either a beneficiaryId or a recipientId.', {
      fields: [{ field: 'recipient', messages: ['exactly one of beneficiaryId, recipientId'] }],
    });
  }
  if (input.beneficiaryId) {
    const beneficiaryId = input.beneficiaryId.toLowerCase();
    return { kind: 'BENEFICIARY', beneficiaryId, beneficiary: await known.factsOf(beneficiaryId) };
  }
  return { kind: 'RELIEF_RECIPIENT', recipientId: (input.recipientId as string).toLowerCase() };
}

const onResponse = <Input extends { responseId: string }>(input: Input) =>
  reliefResponseStreamId(input.responseId.toLowerCase());
const authorise = (state: ReliefResponseState, principal: Principal) =>
  mustReachResponse(state, principal);
const meta = ({ metadata }: CommandContext) => metadata;

/** The commands field workers and coordinators give in the field, on the response's stream. */
export function fieldCommands(known: KnownBeneficiaries) {
  return {
    recordReliefRecipient: defineCommand({
      decider: reliefResponseDecider,
      streamId: onResponse<WithId<RecordReliefRecipientInput>>,
      authorise,
      command: (input, _state, context) => ({
        type: 'RegisterReliefRecipient' as const,
        data: {
          recipientId: input.id,
          ageBand: toAgeBand(input.ageBand),
          sex: input.sex,
          district: input.district,
          householdSize: input.householdSize,
          singleMotherHead: input.singleMotherHead,
          riskReason: input.riskReason,
          registeredOn: input.registeredOn,
          fieldWorker: fieldWorkerOf(context.principal, input.fieldWorker),
        },
        metadata: meta(context),
      }),
    }),
    recordDistribution: defineCommand({
      decider: reliefResponseDecider,
      streamId: onResponse<WithId<RecordDistributionInput>>,
      authorise,
      command: async (input, _state, context) => ({
        type: 'RecordDistribution' as const,
        data: {
          distributionId: input.id,
          kind: input.kind,
          recipient: await recipientOf(input.recipient, known),
          grant: input.grant
            ? { amountMinor: input.grant.amountMinor, currency: input.grant.currency }
            : null,
          country: input.country,
          distributedOn: input.distributedOn,
          fieldWorker: fieldWorkerOf(context.principal, input.fieldWorker),
        },
        metadata: meta(context),
      }),
    }),
    recordPersonAtRisk: defineCommand({
      decider: reliefResponseDecider,
      streamId: onResponse<WithId<RecordPersonAtRiskInput>>,
      authorise,
      command: (input, _state, context) => ({
        type: 'RecordPersonAtRisk' as const,
        data: {
          entryId: input.id,
          reason: input.reason,
          sex: input.sex,
          ageBand: toAgeBand(input.ageBand),
          district: input.district,
          foundOn: input.foundOn,
          fieldWorker: fieldWorkerOf(context.principal, input.fieldWorker),
        },
        metadata: meta(context),
      }),
    }),
    recordMigratedFamilies: defineCommand({
      decider: reliefResponseDecider,
      streamId: onResponse<WithId<RecordMigratedFamiliesInput>>,
      authorise,
      command: (input, _state, context) => ({
        type: 'RecordMigratedFamilies' as const,
        data: {
          entryId: input.id,
          families: input.families,
          destination: input.destination,
          district: input.district,
          recordedOn: input.recordedOn,
          fieldWorker: fieldWorkerOf(context.principal, input.fieldWorker),
        },
        metadata: meta(context),
      }),
    }),
    recordPotentialVictim: defineCommand({
      decider: reliefResponseDecider,
      streamId: onResponse<WithId<RecordPotentialVictimInput>>,
      authorise,
      command: (input, _state, context) => ({
        type: 'RecordPotentialVictim' as const,
        data: {
          detectionId: input.id,
          formOfExploitation: input.formOfExploitation,
          place: input.place,
          sex: input.sex,
          ageBand: toAgeBand(input.ageBand),
          detectedOn: input.detectedOn,
          fieldWorker: fieldWorkerOf(context.principal, input.fieldWorker),
        },
        metadata: meta(context),
      }),
    }),
  };
}
