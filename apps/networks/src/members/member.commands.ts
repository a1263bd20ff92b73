import { Inject, Injectable } from '@nestjs/common';
import {
  agentOfChangeStreamId,
  networkMemberDecider,
  partnerOrganisationStreamId,
  watchdogStreamId,
  womensGroupStreamId,
  type NetworkMemberCommand,
  type RegisterAgentOfChange,
  type RegisterPartnerOrganisation,
  type RegisterWatchdog,
  type RegisterWomensGroup,
} from '@haven/networks/domain';
import { AgentOfChangeRow } from '@haven/networks/read-models';
import { defineCommand, type CommandContext } from '@haven/platform/nest';
import { inScope, type Principal } from '@haven/platform/security';
import { DataSource } from 'typeorm';
import { assertMayWriteIn } from '../scope';
import { BeneficiaryCountries } from './beneficiary-countries';

/** A registration's facts, its id checked and lower-cased by the resolver. */
type Data<Command extends NetworkMemberCommand> = Command['data'];

/** Staff register members only in their own countries. */
function mayRegisterIn(principal: Principal, country: string): void {
  assertMayWriteIn(principal, country);
}

/** A member registration whose command is its facts as given. */
function registration<Command extends Exclude<NetworkMemberCommand, RegisterAgentOfChange>>(
  type: Command['type'],
  streamIdOf: (input: Data<Command>) => string,
) {
  return defineCommand({
    decider: networkMemberDecider,
    streamId: streamIdOf,
    authorise: (_state, principal, input) => mayRegisterIn(principal, input.country),
    command: (input: Data<Command>, _state, { metadata }: CommandContext) =>
      ({ type, data: input, metadata }) as NetworkMemberCommand,
  });
}

export type RegisterAgentOfChangeInput = Omit<Data<RegisterAgentOfChange>, 'beneficiary'>;

/**
 * The networks' members, registered through the CommandRunner: one load of the member's stream,
 * the registrar's scope checked, what the domain needs from other records read, decided.
 */
@Injectable()
export class MemberCommands {
  constructor(
    @Inject(BeneficiaryCountries) private readonly beneficiaries: BeneficiaryCountries,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  readonly registerWatchdog = registration<RegisterWatchdog>('RegisterWatchdog', (input) =>
    watchdogStreamId(input.watchdogId),
  );

  readonly registerWomensGroup = registration<RegisterWomensGroup>('RegisterWomensGroup', (input) =>
    womensGroupStreamId(input.womensGroupId),
  );

  readonly registerPartnerOrganisation = registration<RegisterPartnerOrganisation>(
    'RegisterPartnerOrganisation',
    (input) => partnerOrganisationStreamId(input.partnerOrganisationId),
  );

  readonly registerAgentOfChange = defineCommand({
    decider: networkMemberDecider,
    streamId: (input: RegisterAgentOfChangeInput) => agentOfChangeStreamId(input.agentOfChangeId),
    authorise: (_state, principal, input) => mayRegisterIn(principal, input.country),
    command: async (input, _state, { principal, metadata }): Promise<NetworkMemberCommand> => {
      // A beneficiary the registrar may not reach is as good as unknown: the same answer for
      // both, so that an id is no oracle across countries.
      const country = await this.beneficiaries.countryOf(input.beneficiaryId);
      const registered = country !== null && inScope(principal, { country });
      // From the read model: two registrations of one beneficiary at the same instant could both
      // pass; every later one is refused (the mutation returns once the read model shows its row).
      const already = await this.dataSource.getRepository(AgentOfChangeRow).findOne({
        where: { beneficiaryId: input.beneficiaryId },
        order: { registeredPosition: 'ASC' },
      });
      return {
        type: 'RegisterAgentOfChange',
        data: { ...input, beneficiary: { registered, agentOfChangeId: already?.id ?? null } },
        metadata,
      };
    },
  });
}
