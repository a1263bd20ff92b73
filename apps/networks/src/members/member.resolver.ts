import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AgentOfChangeRow,
  PartnerOrganisationRow,
  WatchdogRow,
  WomensGroupRow,
} from '@haven/networks/read-models';
import { check } from '@haven/platform/domain';
import {
  commandMetadata,
  CommandRunner,
  pageAfter,
  principalOf,
  toConnection,
  type CommandContext,
  type GraphQLContext,
} from '@haven/platform/nest';
import { countriesInScope, inScope, Policy } from '@haven/platform/security';
import { Beneficiary } from '../beneficiary';
import { NetworksReadModel } from '../networks-read-model';
import { NetworksPolicy } from '../policies';
import { v7 as uuidv7 } from 'uuid';
import { toAgentOfChange, toPartnerOrganisation, toWatchdog, toWomensGroup } from './member.mapper';
import {
  AgentOfChange,
  AgentOfChangeConnection,
  MembersArgs,
  PartnerOrganisationConnection,
  PartnerOrganisationsArgs,
  RegisterAgentOfChangeInput,
  RegisterAgentOfChangePayload,
  RegisterPartnerOrganisationInput,
  RegisterPartnerOrganisationPayload,
  RegisterWatchdogInput,
  RegisterWatchdogPayload,
  RegisterWomensGroupInput,
  RegisterWomensGroupPayload,
  WatchdogConnection,
  WatchdogsArgs,
  WomensGroupConnection,
} from './member.types';
import { BeneficiaryCountries } from './beneficiary-countries';
import { MemberCommands } from './member.commands';

/** A client's id for a new record, checked and lower-cased (a new one when absent). */
export function newId(given: string | null | undefined): string {
  return check.uuid(given ?? uuidv7(), 'id');
}

/** Who gives a command, and the metadata its events carry: built once per request. */
export function commandContext(context: GraphQLContext): CommandContext {
  return { principal: principalOf(context), metadata: commandMetadata(context) };
}

/**
 * The networks' members: registrations (staff, in their own countries) and lists (in the
 * caller's countries). Arguments are validated before they arrive, roles by each policy, rules
 * in the domain.
 */
@Resolver(() => AgentOfChange)
export class MemberResolver {
  constructor(
    @Inject(NetworksReadModel) private readonly readModel: NetworksReadModel,
    @Inject(MemberCommands) private readonly commands: MemberCommands,
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(BeneficiaryCountries) private readonly beneficiaries: BeneficiaryCountries,
  ) {}

  @Policy(NetworksPolicy.readNetworks)
  @Query(() => WatchdogConnection, {
    description: 'Watchdogs in your countries, by country, kind and training.',
  })
  async watchdogs(
    @Args() args: WatchdogsArgs,
    @Context() context: GraphQLContext,
  ): Promise<WatchdogConnection> {
    const page = await this.readModel.page(WatchdogRow, {
      position: 'registeredPosition',
      first: args.first,
      after: pageAfter('watchdog', args.after),
      countries: countriesInScope(principalOf(context)),
      where: (query) => {
        if (args.country) query.andWhere('row.country = :country', { country: args.country });
        if (args.kind) query.andWhere('row.kind = :kind', { kind: args.kind });
        if (args.trained !== undefined && args.trained !== null) {
          query.andWhere('row.trained = :trained', { trained: args.trained });
        }
      },
    });
    return toConnection('watchdog', page, (row) => row.registeredPosition, toWatchdog);
  }

  @Policy(NetworksPolicy.readNetworks)
  @Query(() => AgentOfChangeConnection, { description: 'Agents of change in your countries.' })
  async agentsOfChange(
    @Args() args: MembersArgs,
    @Context() context: GraphQLContext,
  ): Promise<AgentOfChangeConnection> {
    const page = await this.readModel.page(AgentOfChangeRow, {
      position: 'registeredPosition',
      first: args.first,
      after: pageAfter('agentofchange', args.after),
      countries: countriesInScope(principalOf(context)),
      where: (query) => {
        if (args.country) query.andWhere('row.country = :country', { country: args.country });
      },
    });
    return toConnection('agentofchange', page, (row) => row.registeredPosition, toAgentOfChange);
  }

  @Policy(NetworksPolicy.readNetworks)
  @Query(() => WomensGroupConnection, { description: 'Women’s groups in your countries.' })
  async womensGroups(
    @Args() args: MembersArgs,
    @Context() context: GraphQLContext,
  ): Promise<WomensGroupConnection> {
    const page = await this.readModel.page(WomensGroupRow, {
      position: 'registeredPosition',
      first: args.first,
      after: pageAfter('womensgroup', args.after),
      countries: countriesInScope(principalOf(context)),
      where: (query) => {
        if (args.country) query.andWhere('row.country = :country', { country: args.country });
      },
    });
    return toConnection('womensgroup', page, (row) => row.registeredPosition, toWomensGroup);
  }

  @Policy(NetworksPolicy.readNetworks)
  @Query(() => PartnerOrganisationConnection, {
    description: 'Partner organisations in your countries, by kind.',
  })
  async partnerOrganisations(
    @Args() args: PartnerOrganisationsArgs,
    @Context() context: GraphQLContext,
  ): Promise<PartnerOrganisationConnection> {
    const page = await this.readModel.page(PartnerOrganisationRow, {
      position: 'registeredPosition',
      first: args.first,
      after: pageAfter('partnerorganisation', args.after),
      countries: countriesInScope(principalOf(context)),
      where: (query) => {
        if (args.country) query.andWhere('row.country = :country', { country: args.country });
        if (args.kind) query.andWhere('row.kind = :kind', { kind: args.kind });
      },
    });
    return toConnection(
      'partnerorganisation',
      page,
      (row) => row.registeredPosition,
      toPartnerOrganisation,
    );
  }

  /**
   * Protection's record of the person, by key, only when the reader reaches the beneficiary's
   * country: otherwise null for this item alone, so that neither protection's fields nor the
   * counts other subgraphs add to a Beneficiary (this one's included) leak through the link.
   */
  @Policy(NetworksPolicy.readNetworks)
  @ResolveField(() => Beneficiary, {
    nullable: true,
    description: 'Null when the beneficiary is outside your scope (or unknown to protection).',
  })
  async beneficiary(
    @Parent() agent: AgentOfChange,
    @Context() context: GraphQLContext,
  ): Promise<{ id: string } | null> {
    const country = await this.beneficiaries.load(context, agent.beneficiaryId);
    if (country === null || !inScope(principalOf(context), { country })) return null;
    return { id: agent.beneficiaryId };
  }

  @Policy(NetworksPolicy.manage)
  @Mutation(() => RegisterWatchdogPayload)
  async registerWatchdog(
    @Args('input') { id, ...facts }: RegisterWatchdogInput,
    @Context() context: GraphQLContext,
  ): Promise<RegisterWatchdogPayload> {
    const watchdogId = newId(id);
    const result = await this.runner.run(
      this.commands.registerWatchdog,
      { ...facts, watchdogId, province: facts.province ?? null },
      commandContext(context),
    );
    const row = await this.readModel.afterWrite(WatchdogRow, result.position, watchdogId);
    return {
      watchdogId,
      streamVersion: result.streamVersion,
      watchdog: row && toWatchdog(row),
    };
  }

  @Policy(NetworksPolicy.manage)
  @Mutation(() => RegisterAgentOfChangePayload, {
    description: 'A beneficiary who completed the programme becomes an agent of change.',
  })
  async registerAgentOfChange(
    @Args('input') { id, ...facts }: RegisterAgentOfChangeInput,
    @Context() context: GraphQLContext,
  ): Promise<RegisterAgentOfChangePayload> {
    const agentOfChangeId = newId(id);
    const result = await this.runner.run(
      this.commands.registerAgentOfChange,
      {
        ...facts,
        agentOfChangeId,
        beneficiaryId: check.uuid(facts.beneficiaryId, 'beneficiaryId'),
        province: facts.province ?? null,
      },
      commandContext(context),
    );
    const row = await this.readModel.afterWrite(AgentOfChangeRow, result.position, agentOfChangeId);
    return {
      agentOfChangeId,
      streamVersion: result.streamVersion,
      agentOfChange: row && toAgentOfChange(row),
    };
  }

  @Policy(NetworksPolicy.manage)
  @Mutation(() => RegisterWomensGroupPayload)
  async registerWomensGroup(
    @Args('input') { id, ...facts }: RegisterWomensGroupInput,
    @Context() context: GraphQLContext,
  ): Promise<RegisterWomensGroupPayload> {
    const womensGroupId = newId(id);
    const result = await this.runner.run(
      this.commands.registerWomensGroup,
      {
        ...facts,
        womensGroupId,
        province: facts.province ?? null,
        memberCount: facts.memberCount ?? null,
      },
      commandContext(context),
    );
    const row = await this.readModel.afterWrite(WomensGroupRow, result.position, womensGroupId);
    return {
      womensGroupId,
      streamVersion: result.streamVersion,
      womensGroup: row && toWomensGroup(row),
    };
  }

  @Policy(NetworksPolicy.manage)
  @Mutation(() => RegisterPartnerOrganisationPayload)
  async registerPartnerOrganisation(
    @Args('input') { id, ...facts }: RegisterPartnerOrganisationInput,
    @Context() context: GraphQLContext,
  ): Promise<RegisterPartnerOrganisationPayload> {
    const partnerOrganisationId = newId(id);
    const result = await this.runner.run(
      this.commands.registerPartnerOrganisation,
      { ...facts, partnerOrganisationId },
      commandContext(context),
    );
    const row = await this.readModel.afterWrite(
      PartnerOrganisationRow,
      result.position,
      partnerOrganisationId,
    );
    return {
      partnerOrganisationId,
      streamVersion: result.streamVersion,
      partnerOrganisation: row && toPartnerOrganisation(row),
    };
  }
}
