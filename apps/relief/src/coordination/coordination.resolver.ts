import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import {
  afterWrite,
  CommandRunner,
  commandMetadata,
  principalOf,
  type GraphQLContext,
} from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import { toReliefEntry } from '../entries/entry.mapper';
import { ReliefEntryPayload } from '../entries/entry.types';
import { KnownBeneficiaries } from '../known-beneficiaries';
import { ReliefPolicy } from '../policies';
import { ReliefReadModel } from '../relief-read-model';
import { coordinationCommands } from './coordination.commands';
import {
  FollowUpMicroProjectInput,
  LinkReliefRecipientInput,
  NotifyDetectionInput,
  StartMicroProjectInput,
} from './coordination.types';

/** A coordinator's mutations on a response. No rules here. */
@Resolver()
export class ReliefCoordinationResolver {
  private readonly decide: ReturnType<typeof coordinationCommands>;

  constructor(
    @Inject(CommandRunner) private readonly commands: CommandRunner,
    @Inject(ReliefReadModel) private readonly readModel: ReliefReadModel,
    @Inject(KnownBeneficiaries) known: KnownBeneficiaries,
  ) {
    this.decide = coordinationCommands(known);
  }

  private async payload(id: string, streamVersion: number, position: number) {
    const row = await afterWrite(this.readModel.db, position, () => this.readModel.entry(id));
    return { id, streamVersion, node: row && toReliefEntry(row) };
  }

  private context(context: GraphQLContext) {
    return { principal: principalOf(context), metadata: commandMetadata(context) };
  }

  @Policy(ReliefPolicy.coordinate)
  @Mutation(() => ReliefEntryPayload, {
    description: 'Link a relief recipient to a registered beneficiary (never automatic).',
  })
  async linkReliefRecipient(
    @Args('input') input: LinkReliefRecipientInput,
    @Context() context: GraphQLContext,
  ): Promise<ReliefEntryPayload> {
    const result = await this.commands.run(
      this.decide.linkReliefRecipient,
      input,
      this.context(context),
    );
    return this.payload(input.recipientId.toLowerCase(), result.streamVersion, result.position);
  }

  @Policy(ReliefPolicy.coordinate)
  @Mutation(() => ReliefEntryPayload, {
    description:
      'Turn a detection into a case notification for networks, once. The notification’s id is ' +
      'derived from the detection’s (the entry’s notificationId).',
  })
  async notifyDetection(
    @Args('input') input: NotifyDetectionInput,
    @Context() context: GraphQLContext,
  ): Promise<ReliefEntryPayload> {
    const result = await this.commands.run(
      this.decide.notifyDetection,
      input,
      this.context(context),
    );
    return this.payload(input.detectionId.toLowerCase(), result.streamVersion, result.position);
  }

  @Policy(ReliefPolicy.coordinate)
  @Mutation(() => ReliefEntryPayload, {
    description: 'Start a family’s micro-project, with its grant.',
  })
  async startMicroProject(
    @Args('input') input: StartMicroProjectInput,
    @Context() context: GraphQLContext,
  ): Promise<ReliefEntryPayload> {
    const id = (input.id ?? randomUUID()).toLowerCase();
    const result = await this.commands.run(
      this.decide.startMicroProject,
      { ...input, id },
      this.context(context),
    );
    return this.payload(id, result.streamVersion, result.position);
  }

  @Policy(ReliefPolicy.coordinate)
  @Mutation(() => ReliefEntryPayload, { description: 'Record a follow-up of a micro-project.' })
  async followUpMicroProject(
    @Args('input') input: FollowUpMicroProjectInput,
    @Context() context: GraphQLContext,
  ): Promise<ReliefEntryPayload> {
    const id = (input.id ?? randomUUID()).toLowerCase();
    const result = await this.commands.run(
      this.decide.followUpMicroProject,
      { ...input, id },
      this.context(context),
    );
    return this.payload(id, result.streamVersion, result.position);
  }
}
