import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { commandMetadata, type GraphQLContext } from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import { BeneficiaryReadModel } from '../beneficiaries/beneficiary-read-model';
import { toBeneficiary } from '../beneficiaries/beneficiary.mapper';
import { ProtectionPolicy } from '../policies';
import { BeneficiaryErasureHandler } from './beneficiary-erasure.handler';
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
    @Inject(BeneficiaryErasureHandler) private readonly erasure: BeneficiaryErasureHandler,
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
    const beneficiaryId = input.beneficiaryId.toLowerCase();
    const result = await this.erasure.request(
      beneficiaryId,
      input.reason,
      commandMetadata(context),
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
    const beneficiaryId = input.beneficiaryId.toLowerCase();
    const result = await this.erasure.confirm(beneficiaryId, commandMetadata(context));
    return this.payload(beneficiaryId, result, ErasureStatus.ERASED);
  }

  private async payload(
    beneficiaryId: string,
    result: { streamVersion: number; position: number },
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
