import { Inject } from '@nestjs/common';
import {
  Args,
  Context,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { check } from '@haven/platform/domain';
import {
  CommandRunner,
  commandMetadata,
  principalOf,
  toConnection,
  type CommandDefinition,
  type GraphQLContext,
} from '@haven/platform/nest';
import { countriesInScope, inScope, Policy } from '@haven/platform/security';
import type { ProtectionCaseEvent } from '@haven/protection/contracts';
import {
  ProtectionCaseNotFound,
  type ProtectionCaseCommand,
  type ProtectionCaseState,
} from '@haven/protection/domain';
import type { ProtectionCaseRow } from '@haven/protection/read-models';
import { v7 as uuidv7 } from 'uuid';
import { pageAfter } from '../paging';
import { ProtectionPolicy } from '../policies';
import { CaseCommands } from './case.commands';
import { CaseReadModel } from './case-read-model';
import { CASE_CURSOR, TIMELINE_CURSOR, toProtectionCase } from './case.mapper';
import {
  AddInvestigationNoteInput,
  AddVictimToCaseInput,
  CloseProtectionCaseInput,
  OpenProtectionCaseInput,
  ProtectionCaseArgs,
  ProtectionCaseForNotificationArgs,
  ProtectionCasesArgs,
  RecordGuardianContactInput,
  RecordRepatriationStepInput,
  AttachRescuedVictimInput,
  RecordRescueOperationInput,
  RecordShelterPlacementInput,
  RecordVictimIdentificationInput,
  ReopenProtectionCaseInput,
} from './case.inputs';
import { ProtectionCasePayload } from './case.payloads';
import { ProtectionCase, ProtectionCaseConnection } from './case.types';
import { TimelineArgs, TimelineConnection } from './timeline.types';
import { timelineConnection } from './timeline';

/**
 * Protection case queries, one mutation per command, and the entity's reference resolver. Thin:
 * arguments are validated before they arrive, roles checked by each method's policy, the case's
 * country here (reads) or in the handler (writes), and the rules live in the decider.
 */
@Resolver(() => ProtectionCase)
export class ProtectionCaseResolver {
  constructor(
    @Inject(CaseReadModel) private readonly readModel: CaseReadModel,
    @Inject(CaseCommands) private readonly commands: CaseCommands,
    @Inject(CommandRunner) private readonly runner: CommandRunner,
  ) {}

  @Policy(ProtectionPolicy.readCases)
  @Query(() => ProtectionCase, {
    nullable: true,
    description:
      'One case; NOT_FOUND when there is none with this id within your countries (a case ' +
      'elsewhere answers the same: an id tells nothing of a case you may not see).',
  })
  async protectionCase(
    @Args() { id }: ProtectionCaseArgs,
    @Context() context: GraphQLContext,
  ): Promise<ProtectionCase> {
    const row = await this.readModel.load(context, id);
    const found = row && this.visible(context, row);
    if (!found) throw new ProtectionCaseNotFound();
    return found;
  }

  @Policy(ProtectionPolicy.readCases)
  @Query(() => ProtectionCase, {
    nullable: true,
    description:
      'The case a referred case notification opened; null until protection has followed the ' +
      'referral (usually within a second).',
  })
  async protectionCaseForNotification(
    @Args() { notificationId }: ProtectionCaseForNotificationArgs,
    @Context() context: GraphQLContext,
  ): Promise<ProtectionCase | null> {
    const row = await this.readModel.byNotification(notificationId);
    return row && this.visible(context, row);
  }

  @Policy(ProtectionPolicy.readCases)
  @Query(() => ProtectionCaseConnection, {
    description:
      "Cases in the order they were opened, filtered; only those in the caller's countries.",
  })
  async protectionCases(
    @Args() args: ProtectionCasesArgs,
    @Context() context: GraphQLContext,
  ): Promise<ProtectionCaseConnection> {
    const page = await this.readModel.page({
      ...args,
      after: pageAfter(CASE_CURSOR, args.after),
      countries: countriesInScope(principalOf(context)),
    });
    return toConnection(CASE_CURSOR, page, (row) => row.openedPosition, toProtectionCase);
  }

  @Policy(ProtectionPolicy.readCases)
  @ResolveField(() => TimelineConnection, {
    description:
      'Everything that happened in the case, from the notification it came from on, oldest first.',
  })
  async timeline(
    @Parent() parent: ProtectionCase,
    @Args() { first, after }: TimelineArgs,
  ): Promise<TimelineConnection> {
    return timelineConnection(
      await this.readModel.caseTimeline(parent, first, pageAfter(TIMELINE_CURSOR, after)),
    );
  }

  // ---- Mutations: one per command. ---------------------------------------------------------

  @Policy(ProtectionPolicy.workCases)
  @Mutation(() => ProtectionCasePayload, {
    description: 'Opens a case directly (a referred notification opens its own).',
  })
  async openProtectionCase(
    @Args('input') input: OpenProtectionCaseInput,
    @Context() context: GraphQLContext,
  ): Promise<ProtectionCasePayload> {
    return this.run(context, this.commands.open, {
      caseId: check.uuid(input.id ?? uuidv7(), 'id'),
      country: input.country,
      province: input.province ?? null,
      abroad: input.abroad,
      destination: input.destination ?? null,
      intercepted: input.intercepted ?? false,
      formOfExploitation: input.formOfExploitation,
      placeOfExploitation: input.placeOfExploitation ?? null,
      openedOn: input.openedOn ?? null,
    });
  }

  @Policy(ProtectionPolicy.workCases)
  @Mutation(() => ProtectionCasePayload, {
    description: 'Adds a registered beneficiary to the case as a victim (once).',
  })
  async addVictimToCase(
    @Args('input') input: AddVictimToCaseInput,
    @Context() context: GraphQLContext,
  ): Promise<ProtectionCasePayload> {
    return this.run(context, this.commands.addVictim, {
      caseId: check.uuid(input.caseId, 'caseId'),
      beneficiaryId: check.uuid(input.beneficiaryId, 'beneficiaryId'),
      formOfExploitation: input.formOfExploitation ?? null,
      minor: input.minor ?? null,
      addedOn: input.addedOn ?? null,
    });
  }

  @Policy(ProtectionPolicy.workCases)
  @Mutation(() => ProtectionCasePayload, {
    description: "Adds an investigation note, encrypted with the case's key.",
  })
  async addInvestigationNote(
    @Args('input') input: AddInvestigationNoteInput,
    @Context() context: GraphQLContext,
  ): Promise<ProtectionCasePayload> {
    return this.run(context, this.commands.sealedText, {
      caseId: check.uuid(input.caseId, 'caseId'),
      noteId: check.uuid(input.noteId ?? uuidv7(), 'noteId'),
      text: input.text,
    });
  }

  @Policy(ProtectionPolicy.workCases)
  @Mutation(() => ProtectionCasePayload, {
    description: 'Records a rescue or intervention and the victims of the case it rescued.',
  })
  async recordRescueOperation(
    @Args('input') input: RecordRescueOperationInput,
    @Context() context: GraphQLContext,
  ): Promise<ProtectionCasePayload> {
    return this.run(context, this.commands.plain, {
      type: 'RecordRescueOperation',
      data: {
        caseId: check.uuid(input.caseId, 'caseId'),
        operationId: check.uuid(input.operationId ?? uuidv7(), 'operationId'),
        date: input.date,
        place: input.place,
        online: input.online ?? false,
        partnerAgencies: input.partnerAgencies,
        personsRescued: input.personsRescued ?? null,
        rescuedBeneficiaryIds: input.rescuedBeneficiaryIds.map((id) =>
          check.uuid(id, 'rescuedBeneficiaryIds'),
        ),
      },
    });
  }

  @Policy(ProtectionPolicy.workCases)
  @Mutation(() => ProtectionCasePayload, {
    description:
      'Names a victim of the case, registered after a rescue, as one of the persons it rescued: ' +
      'never more than its personsRescued, each victim once (the same call again changes nothing).',
  })
  async attachRescuedVictim(
    @Args('input') input: AttachRescuedVictimInput,
    @Context() context: GraphQLContext,
  ): Promise<ProtectionCasePayload> {
    return this.run(context, this.commands.plain, {
      type: 'AttachRescuedVictim',
      data: {
        caseId: check.uuid(input.caseId, 'caseId'),
        operationId: check.uuid(input.operationId, 'operationId'),
        beneficiaryId: check.uuid(input.beneficiaryId, 'beneficiaryId'),
      },
    });
  }

  @Policy(ProtectionPolicy.workCases)
  @Mutation(() => ProtectionCasePayload, {
    description: 'Records whether the authorities officially identified a victim.',
  })
  async recordVictimIdentification(
    @Args('input') input: RecordVictimIdentificationInput,
    @Context() context: GraphQLContext,
  ): Promise<ProtectionCasePayload> {
    return this.run(context, this.commands.plain, {
      type: 'RecordVictimIdentification',
      data: {
        caseId: check.uuid(input.caseId, 'caseId'),
        beneficiaryId: check.uuid(input.beneficiaryId, 'beneficiaryId'),
        outcome: input.outcome,
        date: input.date,
        authority: input.authority ?? null,
      },
    });
  }

  @Policy(ProtectionPolicy.workCases)
  @Mutation(() => ProtectionCasePayload, { description: "Records a victim's shelter placement." })
  async recordShelterPlacement(
    @Args('input') input: RecordShelterPlacementInput,
    @Context() context: GraphQLContext,
  ): Promise<ProtectionCasePayload> {
    return this.run(context, this.commands.plain, {
      type: 'RecordShelterPlacement',
      data: {
        caseId: check.uuid(input.caseId, 'caseId'),
        beneficiaryId: check.uuid(input.beneficiaryId, 'beneficiaryId'),
        placementId: check.uuid(input.placementId ?? uuidv7(), 'placementId'),
        shelterName: input.shelterName,
        from: input.from,
        to: input.to ?? null,
      },
    });
  }

  @Policy(ProtectionPolicy.workCases)
  @Mutation(() => ProtectionCasePayload, {
    description: "Records one step of a victim's safe return home.",
  })
  async recordRepatriationStep(
    @Args('input') input: RecordRepatriationStepInput,
    @Context() context: GraphQLContext,
  ): Promise<ProtectionCasePayload> {
    return this.run(context, this.commands.plain, {
      type: 'RecordRepatriationStep',
      data: {
        caseId: check.uuid(input.caseId, 'caseId'),
        beneficiaryId: check.uuid(input.beneficiaryId, 'beneficiaryId'),
        step: input.step,
        date: input.date,
      },
    });
  }

  @Policy(ProtectionPolicy.workCases)
  @Mutation(() => ProtectionCasePayload, {
    description:
      'Records who answers for a minor victim (beneficiaryId) or for all of the case: a ' +
      "guardian, or the shelter, encrypted with the case's key. A minor's journey home and the " +
      "case's closure need a contact for each minor: her own, or the case's.",
  })
  async recordGuardianContact(
    @Args('input') input: RecordGuardianContactInput,
    @Context() context: GraphQLContext,
  ): Promise<ProtectionCasePayload> {
    return this.run(context, this.commands.sealedText, {
      caseId: check.uuid(input.caseId, 'caseId'),
      beneficiaryId: check.optionalUuid(input.beneficiaryId, 'beneficiaryId'),
      kind: input.kind,
      details: input.details,
      contactedOn: input.contactedOn ?? null,
    });
  }

  @Policy(ProtectionPolicy.workCases)
  @Mutation(() => ProtectionCasePayload, {
    description: 'Closes a case: it takes nothing new until reopened.',
  })
  async closeProtectionCase(
    @Args('input') input: CloseProtectionCaseInput,
    @Context() context: GraphQLContext,
  ): Promise<ProtectionCasePayload> {
    return this.run(context, this.commands.plain, {
      type: 'CloseProtectionCase',
      data: {
        caseId: check.uuid(input.caseId, 'caseId'),
        reason: input.reason,
        closedOn: input.closedOn ?? null,
      },
    });
  }

  @Policy(ProtectionPolicy.workCases)
  @Mutation(() => ProtectionCasePayload, { description: 'Reopens a closed case.' })
  async reopenProtectionCase(
    @Args('input') input: ReopenProtectionCaseInput,
    @Context() context: GraphQLContext,
  ): Promise<ProtectionCasePayload> {
    return this.run(context, this.commands.plain, {
      type: 'ReopenProtectionCase',
      data: {
        caseId: check.uuid(input.caseId, 'caseId'),
        reason: input.reason,
        reopenedOn: input.reopenedOn ?? null,
      },
    });
  }

  /** The gateway asks for cases by key; outside the caller's countries: null, as if absent. */
  @ResolveReference()
  async resolveReference(
    reference: { __typename: 'ProtectionCase'; id: string },
    context: GraphQLContext,
  ): Promise<ProtectionCase | null> {
    const row = await this.readModel.load(context, reference.id);
    return row && inScope(principalOf(context), row) ? toProtectionCase(row) : null;
  }

  /** The case, if it is in the caller's countries; null as if absent otherwise. */
  private visible(context: GraphQLContext, row: ProtectionCaseRow): ProtectionCase | null {
    return inScope(principalOf(context), row) ? toProtectionCase(row) : null;
  }

  /**
   * Runs a case command on the one command path, then answers with the stream version and the
   * case once the read models caught up (read your writes).
   */
  private async run<Input extends { caseId: string } | { data: { caseId: string } }>(
    context: GraphQLContext,
    definition: CommandDefinition<
      Input,
      ProtectionCaseCommand,
      ProtectionCaseEvent,
      ProtectionCaseState
    >,
    input: Input,
  ): Promise<ProtectionCasePayload> {
    const result = await this.runner.run(definition, input, {
      principal: principalOf(context),
      metadata: commandMetadata(context),
    });
    const caseId = 'data' in input ? input.data.caseId : input.caseId;
    const row = await this.readModel.afterWrite(result.position, caseId);
    return {
      caseId,
      streamVersion: result.streamVersion,
      protectionCase: row && toProtectionCase(row),
    };
  }
}
