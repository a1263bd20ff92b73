import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { check } from '@haven/platform/domain';
import {
  CommandRunner,
  commandMetadata,
  principalOf,
  type CommandResult,
  type GraphQLContext,
} from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import { BeneficiaryReadModel } from '../beneficiaries/beneficiary-read-model';
import { toBeneficiary } from '../beneficiaries/beneficiary.mapper';
import { ProtectionPolicy } from '../policies';
import { ErasureCommands } from './erasure.commands';
import { Privacy } from '../personal-data/privacy';
import {
  BeneficiaryErasurePayload,
  ConfirmBeneficiaryErasureInput,
  EraseBeneficiaryInput,
  ErasureStatus,
} from './erasure.types';

/** The two steps of an erasure, each by an admin, never the same one. */
@Resolver()
export class ErasureResolver {
  constructor(
    @Inject(ErasureCommands) private readonly commands: ErasureCommands,
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(Privacy) private readonly privacy: Privacy,
    @Inject(BeneficiaryReadModel) private readonly readModel: BeneficiaryReadModel,
  ) {}

  @Policy(ProtectionPolicy.eraseBeneficiary)
  @Mutation(() => BeneficiaryErasurePayload, {
    description:
      "Requests the erasure of a beneficiary's personal data. Nothing is erased until another " +
      'admin confirms (confirmBeneficiaryErasure).',
  })
  async eraseBeneficiary(
    @Args('input') input: EraseBeneficiaryInput,
    @Context() context: GraphQLContext,
  ): Promise<BeneficiaryErasurePayload> {
    const beneficiaryId = check.uuid(input.beneficiaryId, 'beneficiaryId');
    const result = await this.runner.run(
      this.commands.request,
      { beneficiaryId, reason: input.reason },
      { principal: principalOf(context), metadata: commandMetadata(context) },
    );
    return this.payload(beneficiaryId, result, ErasureStatus.REQUESTED);
  }

  @Policy(ProtectionPolicy.eraseBeneficiary)
  @Mutation(() => BeneficiaryErasurePayload, {
    description:
      'Confirms a requested erasure (by an admin other than the requester): the personal data ' +
      'becomes unreadable everywhere at once, for good. The record itself stays.',
  })
  async confirmBeneficiaryErasure(
    @Args('input') input: ConfirmBeneficiaryErasureInput,
    @Context() context: GraphQLContext,
  ): Promise<BeneficiaryErasurePayload> {
    const beneficiaryId = check.uuid(input.beneficiaryId, 'beneficiaryId');
    const result = await this.runner.run(
      this.commands.confirm,
      { beneficiaryId },
      { principal: principalOf(context), metadata: commandMetadata(context) },
    );
    // A read in flight may have cached the key while the transaction ran.
    this.privacy.keys.evict(beneficiaryId);
    return this.payload(beneficiaryId, result, ErasureStatus.ERASED);
  }

  private async payload(
    beneficiaryId: string,
    result: CommandResult,
    status: ErasureStatus,
  ): Promise<BeneficiaryErasurePayload> {
    const row = await this.readModel.afterWrite(result.position, beneficiaryId);
    return {
      beneficiaryId,
      streamVersion: result.streamVersion,
      status,
      beneficiary: row && toBeneficiary(row),
    };
  }
}
