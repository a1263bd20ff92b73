// Legal case mutations: each builds its input, runs its command through the one command path,
// and answers with the case as the read model shows it. No rules here.
import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import {
  afterWrite,
  commandMetadata,
  CommandRunner,
  principalOf,
  ServiceDatabase,
  type CommandDefinition,
  type GraphQLContext,
  type Payload,
} from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import { v7 as uuidv7 } from 'uuid';
import { LegalPolicy } from '../policies';
import { LegalCaseCommands } from './legal-case.commands';
import {
  AddBeneficiaryToLegalCaseInput,
  AddOffenderInput,
  AppealVerdictInput,
  ApproveCompensationInput,
  AssignLawyersInput,
  ChangeLegalCaseStageInput,
  ChangeOffenderStatusInput,
  ClaimCompensationInput,
  CloseLegalCaseInput,
  OpenLegalCaseInput,
  ReceiveCompensationPaymentInput,
  RecordEvidenceDocumentInput,
  RecordServiceOccasionInput,
  RecordVerdictInput,
  VerifyEvidenceDocumentInput,
} from './legal-case.inputs';
import { toLegalCase } from './legal-case.mapper';
import { LegalCaseReadModel } from './legal-case.read-model';
import { LegalCase, LegalCasePayload } from './legal-case.types';

type CaseDefinition<Input> = CommandDefinition<Input, never, never, never>;

@Resolver(() => LegalCase)
export class LegalCaseMutations {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(LegalCaseCommands) private readonly commands: LegalCaseCommands,
    @Inject(LegalCaseReadModel) private readonly readModel: LegalCaseReadModel,
    @Inject(ServiceDatabase) private readonly database: ServiceDatabase,
  ) {}

  /** Runs a command on a case and answers with the case, once the read model has it. */
  private async run<Input extends { caseId: string }>(
    definition: unknown,
    raw: Input,
    context: GraphQLContext,
  ): Promise<Payload<LegalCase>> {
    const input = { ...raw, caseId: raw.caseId.toLowerCase() };
    const result = await this.runner.run(definition as CaseDefinition<Input>, input as never, {
      principal: principalOf(context),
      metadata: commandMetadata(context),
    });
    const node = await afterWrite(this.database, result.position, async () => {
      const row = await this.readModel.findCase(input.caseId);
      return row && toLegalCase(row);
    });
    return { id: input.caseId, streamVersion: result.streamVersion, node };
  }

  @Policy(LegalPolicy.workCases)
  @Mutation(() => LegalCasePayload, {
    description: 'Open a legal case for beneficiaries who each consented to legal action.',
  })
  openLegalCase(@Args('input') input: OpenLegalCaseInput, @Context() context: GraphQLContext) {
    return this.run(this.commands.open, { ...input, caseId: uuidv7() }, context);
  }

  @Policy(LegalPolicy.workCases)
  @Mutation(() => LegalCasePayload, { description: 'Add a consenting beneficiary as a party.' })
  addBeneficiaryToLegalCase(
    @Args('input') input: AddBeneficiaryToLegalCaseInput,
    @Context() context: GraphQLContext,
  ) {
    return this.run(this.commands.addBeneficiary, input, context);
  }

  @Policy(LegalPolicy.workCases)
  @Mutation(() => LegalCasePayload, { description: 'Set the staff lawyers and partner law firm.' })
  assignLegalCaseLawyers(
    @Args('input') input: AssignLawyersInput,
    @Context() context: GraphQLContext,
  ) {
    return this.run(this.commands.assignLawyers, input, context);
  }

  @Policy(LegalPolicy.workCases)
  @Mutation(() => LegalCasePayload)
  changeLegalCaseStage(
    @Args('input') input: ChangeLegalCaseStageInput,
    @Context() context: GraphQLContext,
  ) {
    return this.run(this.commands.changeStage, input, context);
  }

  @Policy(LegalPolicy.workCases)
  @Mutation(() => LegalCasePayload, {
    description: 'Close a case: it takes nothing new until reopened.',
  })
  closeLegalCase(@Args('input') input: CloseLegalCaseInput, @Context() context: GraphQLContext) {
    return this.run(this.commands.close, input, context);
  }

  @Policy(LegalPolicy.workCases)
  @Mutation(() => LegalCasePayload, { description: 'Reopen a closed case at a stage.' })
  reopenLegalCase(
    @Args('input') input: ChangeLegalCaseStageInput,
    @Context() context: GraphQLContext,
  ) {
    return this.run(this.commands.reopen, input, context);
  }

  @Policy(LegalPolicy.workCases)
  @Mutation(() => LegalCasePayload, {
    description: 'Add an offender; the identity is sealed with the offender’s own key.',
  })
  addOffender(@Args('input') input: AddOffenderInput, @Context() context: GraphQLContext) {
    return this.run(this.commands.addOffender, { ...input, offenderId: uuidv7() }, context);
  }

  @Policy(LegalPolicy.workCases)
  @Mutation(() => LegalCasePayload, {
    description: 'Move an offender along an allowed transition.',
  })
  changeOffenderStatus(
    @Args('input') input: ChangeOffenderStatusInput,
    @Context() context: GraphQLContext,
  ) {
    return this.run(this.commands.changeOffenderStatus, input, context);
  }

  @Policy(LegalPolicy.workCases)
  @Mutation(() => LegalCasePayload)
  recordLegalServiceOccasion(
    @Args('input') input: RecordServiceOccasionInput,
    @Context() context: GraphQLContext,
  ) {
    return this.run(this.commands.recordOccasion, { ...input, occasionId: uuidv7() }, context);
  }

  @Policy(LegalPolicy.workCases)
  @Mutation(() => LegalCasePayload, { description: 'Record a document of age or identity.' })
  recordEvidenceDocument(
    @Args('input') input: RecordEvidenceDocumentInput,
    @Context() context: GraphQLContext,
  ) {
    return this.run(this.commands.recordDocument, { ...input, documentId: uuidv7() }, context);
  }

  @Policy(LegalPolicy.workCases)
  @Mutation(() => LegalCasePayload, { description: 'Add a verification to a document’s chain.' })
  verifyEvidenceDocument(
    @Args('input') input: VerifyEvidenceDocumentInput,
    @Context() context: GraphQLContext,
  ) {
    return this.run(this.commands.verifyDocument, input, context);
  }

  @Policy(LegalPolicy.workCases)
  @Mutation(() => LegalCasePayload, {
    description: 'Record an offender’s verdict: the sentence pronounced and the final one.',
  })
  recordVerdict(@Args('input') input: RecordVerdictInput, @Context() context: GraphQLContext) {
    return this.run(this.commands.recordVerdict, input, context);
  }

  @Policy(LegalPolicy.workCases)
  @Mutation(() => LegalCasePayload)
  appealVerdict(@Args('input') input: AppealVerdictInput, @Context() context: GraphQLContext) {
    return this.run(this.commands.appealVerdict, input, context);
  }

  @Policy(LegalPolicy.workCases)
  @Mutation(() => LegalCasePayload, { description: 'Claim compensation for a beneficiary.' })
  claimCompensation(
    @Args('input') input: ClaimCompensationInput,
    @Context() context: GraphQLContext,
  ) {
    return this.run(this.commands.claimCompensation, { ...input, claimId: uuidv7() }, context);
  }

  @Policy(LegalPolicy.workCases)
  @Mutation(() => LegalCasePayload, { description: 'The amount a court approved, and when.' })
  approveCompensation(
    @Args('input') input: ApproveCompensationInput,
    @Context() context: GraphQLContext,
  ) {
    return this.run(this.commands.approveCompensation, input, context);
  }

  @Policy(LegalPolicy.workCases)
  @Mutation(() => LegalCasePayload, {
    description: 'A payment received, never above the approved amount.',
  })
  receiveCompensationPayment(
    @Args('input') input: ReceiveCompensationPaymentInput,
    @Context() context: GraphQLContext,
  ) {
    return this.run(this.commands.receivePayment, { ...input, paymentId: uuidv7() }, context);
  }
}
