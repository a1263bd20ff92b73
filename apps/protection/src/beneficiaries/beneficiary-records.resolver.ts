import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { check } from '@haven/platform/domain';
import {
  CommandRunner,
  commandMetadata,
  principalOf,
  type CommandResult,
  type GraphQLContext,
} from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import type { BeneficiaryRow } from '@haven/protection/read-models';
import { ProtectionPolicy } from '../policies';
import { BeneficiaryAccess } from './beneficiary-access';
import { BeneficiaryCommands } from './beneficiary.commands';
import { BeneficiaryReadModel } from './beneficiary-read-model';
import { toBeneficiary } from './beneficiary.mapper';
import { Beneficiary } from './beneficiary.types';
import {
  BeneficiaryCommandPayload,
  Consent,
  PossibleDuplicate,
  RecordConsentInput,
  ResolvePossibleDuplicateInput,
} from './beneficiary-records.types';

/**
 * A beneficiary's consents and possible duplicates, and the mutations that record them: case
 * workers, in the beneficiary's country.
 */
@Resolver(() => Beneficiary)
export class BeneficiaryRecordsResolver {
  constructor(
    @Inject(BeneficiaryReadModel) private readonly readModel: BeneficiaryReadModel,
    @Inject(BeneficiaryAccess) private readonly access: BeneficiaryAccess,
    @Inject(BeneficiaryCommands) private readonly commands: BeneficiaryCommands,
    @Inject(CommandRunner) private readonly runner: CommandRunner,
  ) {}

  @Policy(ProtectionPolicy.readCases)
  @ResolveField(() => [Consent], {
    description:
      'The latest record of each consent (per kind, and per partner for sharing), the most ' +
      'recently recorded last.',
  })
  async consents(
    @Parent() beneficiary: Beneficiary,
    @Context() context: GraphQLContext,
  ): Promise<Consent[]> {
    const row = await this.readable(context, beneficiary);
    return (row?.consents ?? []).map((consent) => ({
      ...consent,
      recordedAt: new Date(consent.recordedAt),
    }));
  }

  @Policy(ProtectionPolicy.workCases)
  @ResolveField(() => [PossibleDuplicate], {
    description:
      'Beneficiaries of the same country whose name and birth date matched at registration, for ' +
      'a person to decide on (resolvePossibleDuplicate). Nothing is ever merged.',
  })
  async possibleDuplicates(
    @Parent() beneficiary: Beneficiary,
    @Context() context: GraphQLContext,
  ): Promise<PossibleDuplicate[]> {
    const row = await this.readable(context, beneficiary);
    return (row?.possibleDuplicates ?? []).map((duplicate) => ({
      candidateId: duplicate.candidateId,
      reasons: duplicate.reasons,
      status: duplicate.decision ?? 'PENDING',
      flaggedAt: new Date(duplicate.flaggedAt),
      decidedBy: duplicate.decidedBy,
    }));
  }

  @Policy(ProtectionPolicy.workCases)
  @Mutation(() => BeneficiaryCommandPayload, {
    description:
      'Records that the beneficiary gave (given: true) or refused or withdrew (given: false) a ' +
      'consent. A withdrawal is a new record; nothing is overwritten.',
  })
  async recordConsent(
    @Args('input') input: RecordConsentInput,
    @Context() context: GraphQLContext,
  ): Promise<BeneficiaryCommandPayload> {
    const beneficiaryId = check.uuid(input.beneficiaryId, 'beneficiaryId');
    const result = await this.runner.run(
      this.commands.recordConsent,
      {
        beneficiaryId,
        kind: input.kind,
        partnerOrganisationId: input.partnerOrganisationId ?? null,
        given: input.given,
        recordedOn: input.recordedOn,
      },
      { principal: principalOf(context), metadata: commandMetadata(context) },
    );
    return this.payload(beneficiaryId, result);
  }

  @Policy(ProtectionPolicy.workCases)
  @Mutation(() => BeneficiaryCommandPayload, {
    description:
      'Records whether a flagged candidate is the same person. Only the decision is recorded: ' +
      'the two records stay apart.',
  })
  async resolvePossibleDuplicate(
    @Args('input') input: ResolvePossibleDuplicateInput,
    @Context() context: GraphQLContext,
  ): Promise<BeneficiaryCommandPayload> {
    const beneficiaryId = check.uuid(input.beneficiaryId, 'beneficiaryId');
    const result = await this.runner.run(
      this.commands.resolvePossibleDuplicate,
      {
        beneficiaryId,
        candidateId: check.uuid(input.candidateId, 'candidateId'),
        decision: input.decision,
      },
      { principal: principalOf(context), metadata: commandMetadata(context) },
    );
    return this.payload(beneficiaryId, result);
  }

  /** As for the record itself: in scope, or under break-glass with a purpose. */
  private async readable(
    context: GraphQLContext,
    beneficiary: Beneficiary,
  ): Promise<BeneficiaryRow | null> {
    const row = await this.readModel.load(context, beneficiary.id);
    if (row) await this.access.check(context, row, beneficiary.readPurpose);
    return row;
  }

  private async payload(
    beneficiaryId: string,
    result: CommandResult,
  ): Promise<BeneficiaryCommandPayload> {
    const row = await this.readModel.afterWrite(result.position, beneficiaryId);
    return {
      beneficiaryId,
      streamVersion: result.streamVersion,
      beneficiary: row && toBeneficiary(row),
    };
  }
}
