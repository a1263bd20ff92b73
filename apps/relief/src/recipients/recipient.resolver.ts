import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  afterWrite,
  clientError,
  commandMetadata,
  CommandRunner,
  type GraphQLContext,
  PersonalData,
  principalOf,
} from '@haven/platform/nest';
import { openPersonalFields } from '@haven/platform/privacy';
import { forbidden, inScope, Policy } from '@haven/platform/security';
import { RecipientAliasRow, ReliefResponseRow } from '@haven/relief/read-models';
import { toReliefEntry } from '../entries/entry.mapper';
import { ReliefEntryPayload } from '../entries/entry.types';
import { ReliefPolicy } from '../policies';
import { ReliefReadModel } from '../relief-read-model';
import { eraseReliefRecipientAlias } from './recipient.commands';
import {
  EraseReliefRecipientAliasInput,
  ReliefRecipientAlias,
  ReliefRecipientAliasArgs,
} from './recipient.types';

/** A relief recipient's alias: erased by a coordinator, read only through the access log. */
@Resolver()
export class ReliefRecipientResolver {
  private readonly erase: ReturnType<typeof eraseReliefRecipientAlias>;

  constructor(
    @Inject(CommandRunner) private readonly commands: CommandRunner,
    @Inject(ReliefReadModel) private readonly readModel: ReliefReadModel,
    @Inject(PersonalData) private readonly privacy: PersonalData,
  ) {
    this.erase = eraseReliefRecipientAlias(privacy);
  }

  @Policy(ReliefPolicy.coordinate)
  @Mutation(() => ReliefEntryPayload, {
    description:
      'Erase a relief recipient’s alias (its key is destroyed). Again is no change; an erased ' +
      'recipient takes nothing new.',
  })
  async eraseReliefRecipientAlias(
    @Args('input') input: EraseReliefRecipientAliasInput,
    @Context() context: GraphQLContext,
  ): Promise<ReliefEntryPayload> {
    const result = await this.commands.run(this.erase, input, {
      principal: principalOf(context),
      metadata: commandMetadata(context),
    });
    const id = input.recipientId.toLowerCase();
    const row = await afterWrite(this.readModel.db, result.position, () =>
      this.readModel.entry(id),
    );
    return { id, streamVersion: result.streamVersion, node: row && toReliefEntry(row) };
  }

  @Policy(ReliefPolicy.readRecipientAlias)
  @Query(() => ReliefRecipientAlias, {
    description:
      'A relief recipient’s alias, for coordinators of the response’s country. Every read is ' +
      'written to the access log before the alias is opened.',
  })
  async reliefRecipientAlias(
    @Args() { recipientId, purpose }: ReliefRecipientAliasArgs,
    @Context() context: GraphQLContext,
  ): Promise<ReliefRecipientAlias> {
    const principal = principalOf(context);
    const dataSource = this.readModel.db.dataSource;
    const row = await dataSource
      .getRepository(RecipientAliasRow)
      .findOneBy({ recipientId: recipientId.toLowerCase() });
    if (!row) throw clientError('NOT_FOUND', 'No relief recipient has this id.');
    const response = await dataSource
      .getRepository(ReliefResponseRow)
      .findOneBy({ id: row.responseId });
    if (!response || !inScope(principal, { country: response.country })) {
      throw forbidden(
        'This relief recipient’s response is outside your countries.',
        'OUT_OF_SCOPE',
      );
    }
    // Logged first: a value nobody logged never left the service.
    await this.privacy.accessLog.record([
      {
        actorId: principal.subject,
        role: principal.role,
        organisationId: principal.organisationId,
        recordType: 'ReliefRecipient',
        recordId: row.recipientId,
        fields: ['alias'],
        purpose: purpose ?? null,
        breakGlass: false,
        requestId: context.req.id === undefined ? null : String(context.req.id),
      },
    ]);
    const opened = await openPersonalFields(this.privacy.keys, row.recipientId, {
      alias: row.sealedAlias,
    });
    return { recipientId: row.recipientId, alias: opened.values.alias, erased: opened.erased };
  }
}
