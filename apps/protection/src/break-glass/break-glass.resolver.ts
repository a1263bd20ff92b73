import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { EventStore } from '@haven/platform/event-store';
import {
  CommandRunner,
  commandMetadata,
  EVENT_STORE,
  principalOf,
  toConnection,
  type GraphQLContext,
} from '@haven/platform/nest';
import {
  beneficiaryStreamId,
  breakGlassStreamId,
  type BreakGlassAccessGranted,
} from '@haven/protection/contracts';
import { check } from '@haven/platform/domain';
import { v7 as uuidv7 } from 'uuid';
import { inScope, Policy } from '@haven/platform/security';
import { BeneficiaryNotFound, beneficiaryDecider, type Country } from '@haven/protection/domain';
import { pageAfter } from '../paging';
import { ProtectionPolicy } from '../policies';
import { BreakGlassGrants } from './break-glass-grants';
import { BreakGlassCommands } from './break-glass.commands';
import {
  BreakGlassGrantConnection,
  BreakGlassGrantsArgs,
  RequestBreakGlassAccessInput,
  RequestBreakGlassAccessPayload,
} from './break-glass.types';

const GRANT_CURSOR = 'grant';

/** Asking for break-glass access, and reviewing the grants. */
@Resolver()
export class BreakGlassResolver {
  constructor(
    @Inject(BreakGlassCommands) private readonly commands: BreakGlassCommands,
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BreakGlassGrants) private readonly grants: BreakGlassGrants,
  ) {}

  @Policy(ProtectionPolicy.requestBreakGlass)
  @Mutation(() => RequestBreakGlassAccessPayload, {
    description:
      'Emergency access to one beneficiary outside your scope, for a limited time ' +
      '(HAVEN_BREAK_GLASS_MINUTES, 60 by default). Every read under it needs a purpose and is ' +
      'logged; grants are reviewed by admins, auditors and country managers.',
  })
  async requestBreakGlassAccess(
    @Args('input') input: RequestBreakGlassAccessInput,
    @Context() context: GraphQLContext,
  ): Promise<RequestBreakGlassAccessPayload> {
    const beneficiaryId = check.uuid(input.beneficiaryId, 'beneficiaryId');
    // The beneficiary's own stream says where she is, and who registered her (a partner's scope).
    const beneficiary = await this.runner.state(
      beneficiaryDecider,
      beneficiaryStreamId(beneficiaryId),
    );
    if (beneficiary.status === 'Unregistered') throw new BeneficiaryNotFound();
    const record = {
      country: beneficiary.country,
      organisationId: beneficiary.registrant?.organisationId ?? null,
    };
    const principal = principalOf(context);
    const grantId = uuidv7();
    await this.runner.run(
      this.commands.request,
      {
        grantId,
        beneficiaryId,
        beneficiaryCountry: record.country,
        withinScope: inScope(principal, record),
        reason: input.reason,
      },
      { principal, metadata: commandMetadata(context) },
    );
    // The grant as the domain decided it (its expiry from the command's time and the setting).
    const [granted] = await this.store.readStream(breakGlassStreamId(grantId), { to: 1 });
    const { expiresAt } = granted.data as BreakGlassAccessGranted['data'];
    return { grantId, beneficiaryId, expiresAt: new Date(expiresAt) };
  }

  @Policy(ProtectionPolicy.reviewBreakGlass)
  @Query(() => BreakGlassGrantConnection, {
    description:
      'Break-glass grants for review, oldest first: all of them for admins and auditors, those ' +
      "on beneficiaries of a country manager's countries for them.",
  })
  async breakGlassGrants(
    @Args() args: BreakGlassGrantsArgs,
    @Context() context: GraphQLContext,
  ): Promise<BreakGlassGrantConnection> {
    const page = await this.grants.page({
      activeOnly: args.activeOnly,
      countries: principalOf(context).countries,
      first: args.first,
      after: pageAfter(GRANT_CURSOR, args.after),
    });
    return toConnection(
      GRANT_CURSOR,
      page,
      (row) => row.position,
      (row) => ({
        id: row.grantId,
        beneficiaryId: row.beneficiaryId,
        country: row.country as Country,
        actorId: row.subject,
        role: row.role,
        organisationId: row.organisationId,
        reason: row.reason,
        grantedAt: row.grantedAt,
        expiresAt: row.expiresAt,
        active: row.active,
      }),
    );
  }
}
