import { Inject, Injectable } from '@nestjs/common';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { EventMetadata, EventStore } from '@haven/platform/event-store';
import {
  clientError,
  commandMetadata,
  EVENT_STORE,
  handleCommand,
  principalOf,
  type CommandResult,
  type GraphQLContext,
} from '@haven/platform/nest';
import { inScope, Policy } from '@haven/platform/security';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import { beneficiaryDecider, type BeneficiaryCommand } from '@haven/protection/domain';
import type { BeneficiaryRow } from '@haven/protection/read-models';
import { ProtectionPolicy } from '../policies';
import { BeneficiaryAccess, outOfScope } from './beneficiary-access';
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

/** Consent and duplicate decisions: load, decide, append (the rules are the decider's). */
@Injectable()
export class BeneficiaryRecordsHandler {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  handle(command: BeneficiaryCommand, metadata: EventMetadata): Promise<CommandResult> {
    const { beneficiaryId } = command.data;
    return handleCommand(
      this.store,
      beneficiaryStreamId(beneficiaryId),
      beneficiaryDecider,
      command,
      metadata,
    );
  }
}

/**
 * A beneficiary's consents and possible duplicates, and the mutations that record them: case
 * workers, in the beneficiary's country.
 */
@Resolver(() => Beneficiary)
export class BeneficiaryRecordsResolver {
  constructor(
    @Inject(BeneficiaryReadModel) private readonly readModel: BeneficiaryReadModel,
    @Inject(BeneficiaryAccess) private readonly access: BeneficiaryAccess,
    @Inject(BeneficiaryRecordsHandler) private readonly handler: BeneficiaryRecordsHandler,
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
    const beneficiaryId = await this.writable(context, input.beneficiaryId);
    const metadata = commandMetadata(context);
    const result = await this.handler.handle(
      {
        type: 'RecordConsent',
        data: {
          beneficiaryId,
          kind: input.kind,
          partnerOrganisationId: input.partnerOrganisationId ?? null,
          given: input.given,
          recordedOn: input.recordedOn,
        },
        metadata,
      },
      metadata,
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
    const beneficiaryId = await this.writable(context, input.beneficiaryId);
    const metadata = commandMetadata(context);
    const result = await this.handler.handle(
      {
        type: 'ResolvePossibleDuplicate',
        data: {
          beneficiaryId,
          candidateId: input.candidateId.toLowerCase(),
          decision: input.decision,
        },
        metadata,
      },
      metadata,
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

  /** Writes need the beneficiary in the caller's own scope (break-glass is for reading). */
  private async writable(context: GraphQLContext, id: string): Promise<string> {
    const row = await this.readModel.find(id);
    if (!row) throw clientError('NOT_FOUND', `No beneficiary has the id ${id}.`);
    if (!inScope(principalOf(context), row)) throw outOfScope();
    return row.id;
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
