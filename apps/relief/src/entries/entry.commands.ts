import { check } from '@haven/platform/domain';
import {
  clientError,
  type CommandContext,
  defineCommand,
  type PersonalData,
} from '@haven/platform/nest';
import { PersonKeyDestroyedError, sealPersonalFields } from '@haven/platform/privacy';
import { forbidden, type Principal } from '@haven/platform/security';
import { reliefResponseStreamId } from '@haven/relief/contracts';
import {
  RecipientErased,
  reliefResponseDecider,
  type FieldWorker,
  type Recipient,
  type RegisterReliefRecipient,
  type ReliefResponseState,
} from '@haven/relief/domain';
import { toAgeBand } from '../enums';
import type { KnownAgentsOfChange } from '../known-agents-of-change';
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
export async function fieldWorkerOf(
  principal: Principal,
  input: FieldWorkerInput,
  agents: KnownAgentsOfChange,
): Promise<FieldWorker> {
  if (principal.role === 'field_worker' && input.kind === 'STAFF') {
    throw forbidden('A field worker records as an agent of change or a volunteer.', 'NOT_STAFF');
  }
  if (input.kind === 'AGENT_OF_CHANGE') {
    const id = (input.agentOfChangeId ?? '').toLowerCase();
    // Networks' register as relief learnt it from the log; the decider refuses an unknown id.
    return { kind: input.kind, id, inRegister: check.isUuid(id) && (await agents.inRegister(id)) };
  }
  return { kind: input.kind, id: principal.subject };
}

/** What the field commands read besides the stream: relief's projections and the key store. */
export interface FieldDependencies {
  beneficiaries: KnownBeneficiaries;
  agents: KnownAgentsOfChange;
  privacy: PersonalData;
}

/**
 * The alias, sealed with the recipient's own key, for a recipient not recorded yet (a retry is
 * not sealed again). The decider judges the rest first, so a refused command makes no key.
 */
async function withSealedAlias(
  command: RegisterReliefRecipient,
  alias: string,
  state: ReliefResponseState,
  privacy: PersonalData,
): Promise<RegisterReliefRecipient> {
  const { recipientId } = command.data;
  if (state.status === 'OPEN' && recipientId in state.recipients) return command;
  reliefResponseDecider.decide({ ...command, data: { ...command.data, sealedAlias: '-' } }, state);
  try {
    const sealed = await sealPersonalFields(privacy.keys, recipientId, { alias });
    return { ...command, data: { ...command.data, sealedAlias: sealed.alias } };
  } catch (error) {
    // This id's key was destroyed (its alias erased in another response): it takes nothing new.
    if (error instanceof PersonKeyDestroyedError) throw new RecipientErased('id');
    throw error;
  }
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
export function fieldCommands({ beneficiaries: known, agents, privacy }: FieldDependencies) {
  return {
    recordReliefRecipient: defineCommand({
      decider: reliefResponseDecider,
      streamId: onResponse<WithId<RecordReliefRecipientInput>>,
      authorise,
      command: async (input, state, context) => {
        const command: RegisterReliefRecipient = {
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
            fieldWorker: await fieldWorkerOf(context.principal, input.fieldWorker, agents),
            sealedAlias: null,
          },
          metadata: meta(context),
        };
        return withSealedAlias(command, input.alias.trim(), state, privacy);
      },
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
          fieldWorker: await fieldWorkerOf(context.principal, input.fieldWorker, agents),
        },
        metadata: meta(context),
      }),
    }),
    recordPersonAtRisk: defineCommand({
      decider: reliefResponseDecider,
      streamId: onResponse<WithId<RecordPersonAtRiskInput>>,
      authorise,
      command: async (input, _state, context) => ({
        type: 'RecordPersonAtRisk' as const,
        data: {
          entryId: input.id,
          reason: input.reason,
          sex: input.sex,
          ageBand: toAgeBand(input.ageBand),
          district: input.district,
          foundOn: input.foundOn,
          fieldWorker: await fieldWorkerOf(context.principal, input.fieldWorker, agents),
        },
        metadata: meta(context),
      }),
    }),
    recordMigratedFamilies: defineCommand({
      decider: reliefResponseDecider,
      streamId: onResponse<WithId<RecordMigratedFamiliesInput>>,
      authorise,
      command: async (input, _state, context) => ({
        type: 'RecordMigratedFamilies' as const,
        data: {
          entryId: input.id,
          families: input.families,
          destination: input.destination,
          district: input.district,
          recordedOn: input.recordedOn,
          fieldWorker: await fieldWorkerOf(context.principal, input.fieldWorker, agents),
        },
        metadata: meta(context),
      }),
    }),
    recordPotentialVictim: defineCommand({
      decider: reliefResponseDecider,
      streamId: onResponse<WithId<RecordPotentialVictimInput>>,
      authorise,
      command: async (input, _state, context) => ({
        type: 'RecordPotentialVictim' as const,
        data: {
          detectionId: input.id,
          formOfExploitation: input.formOfExploitation,
          destination: input.destination ?? null,
          place: input.place,
          sex: input.sex,
          ageBand: toAgeBand(input.ageBand),
          detectedOn: input.detectedOn,
          fieldWorker: await fieldWorkerOf(context.principal, input.fieldWorker, agents),
        },
        metadata: meta(context),
      }),
    }),
  };
}
