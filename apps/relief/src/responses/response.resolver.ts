import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  afterWrite,
  clientError,
  CommandRunner,
  commandMetadata,
  keysetPage,
  pageAfter,
  principalOf,
  toConnection,
  type GraphQLContext,
} from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import { ReliefPolicy } from '../policies';
import { ReliefReadModel } from '../relief-read-model';
import { dayRange } from '../filters';
import { openReliefResponse } from './response.commands';
import { RESPONSE_CURSOR, toReliefResponse } from './response.mapper';
import {
  OpenReliefResponseInput,
  ReliefResponse,
  ReliefResponseConnection,
  ReliefResponseFigures,
  ReliefResponseFiguresArgs,
  ReliefResponsePayload,
  ReliefResponsesArgs,
} from './response.types';

/** Relief responses: open one, list them, and count what one did. No rules here. */
@Resolver(() => ReliefResponse)
export class ReliefResponseResolver {
  constructor(
    @Inject(CommandRunner) private readonly commands: CommandRunner,
    @Inject(ReliefReadModel) private readonly readModel: ReliefReadModel,
  ) {}

  @Policy(ReliefPolicy.coordinate)
  @Mutation(() => ReliefResponsePayload, {
    description: 'Open a relief response in one of your countries (a coordinator).',
  })
  async openReliefResponse(
    @Args('input') input: OpenReliefResponseInput,
    @Context() context: GraphQLContext,
  ): Promise<ReliefResponsePayload> {
    const principal = principalOf(context);
    const id = (input.id ?? randomUUID()).toLowerCase();
    const result = await this.commands.run(
      openReliefResponse,
      { ...input, id },
      { principal, metadata: commandMetadata(context) },
    );
    const row = await afterWrite(this.readModel.db, result.position, () =>
      this.readModel.response(principal, id),
    );
    return { id, streamVersion: result.streamVersion, node: row && toReliefResponse(row) };
  }

  @Policy(ReliefPolicy.read)
  @Query(() => ReliefResponseConnection, {
    description: 'Relief responses of your countries, in the order they were opened.',
  })
  async reliefResponses(
    @Args() args: ReliefResponsesArgs,
    @Context() context: GraphQLContext,
  ): Promise<ReliefResponseConnection> {
    dayRange(args);
    const query = this.readModel.responses(principalOf(context));
    if (args.country) query.andWhere('row.country = :country', { country: args.country });
    if (args.from)
      query.andWhere('(row.endsOn IS NULL OR row.endsOn >= :from)', { from: args.from });
    if (args.to) query.andWhere('row.startsOn <= :to', { to: args.to });
    const page = await keysetPage(query, {
      position: 'openedPosition',
      first: args.first,
      after: pageAfter(RESPONSE_CURSOR, args.after),
    });
    return toConnection(RESPONSE_CURSOR, page, (row) => row.openedPosition, toReliefResponse);
  }

  @Policy(ReliefPolicy.read)
  @Query(() => ReliefResponseFigures, {
    description:
      'What a response did: distributions, recipients by kind, people at risk, migrated ' +
      'families, detections, notifications raised, agents of change and volunteers; on the ' +
      'facts’ dates between from and to, of one distribution kind, by one field worker.',
  })
  async reliefResponseFigures(
    @Args() { id, ...filter }: ReliefResponseFiguresArgs,
    @Context() context: GraphQLContext,
  ): Promise<ReliefResponseFigures> {
    const row = await this.readModel.response(principalOf(context), id.toLowerCase());
    if (!row) throw clientError('NOT_FOUND', 'No relief response of your countries has this id.');
    return this.readModel.figures(row.id, dayRange(filter));
  }
}
