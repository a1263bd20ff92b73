import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PreventionActivityRow } from '@haven/networks/read-models';
import {
  CommandRunner,
  pageAfter,
  principalOf,
  toConnection,
  type GraphQLContext,
} from '@haven/platform/nest';
import { countriesInScope, Policy } from '@haven/platform/security';
import { commandContext, newId } from '../members/member.resolver';
import { NetworksReadModel } from '../networks-read-model';
import { NetworksPolicy } from '../policies';
import { recordPreventionActivity } from './prevention.commands';
import {
  PreventionActivitiesArgs,
  PreventionActivity,
  PreventionActivityConnection,
  RecordPreventionActivityInput,
  RecordPreventionActivityPayload,
} from './prevention.types';

const CURSOR = 'preventionactivity';

function toPreventionActivity(row: PreventionActivityRow): PreventionActivity {
  return {
    id: row.id,
    kind: row.kind,
    topic: row.topic,
    date: row.date,
    country: row.country,
    province: row.province,
    district: row.district,
    online: row.online,
    participants:
      row.participants && row.participants.map(({ sex, role, count }) => ({ sex, role, count })),
    participantCount: row.participantCount,
    reach: row.reach,
    institutions: row.institutions,
    recordedAt: row.recordedAt,
  };
}

/** Trainings and campaigns: recorded by staff in their countries, listed in the caller's. */
@Resolver(() => PreventionActivity)
export class PreventionResolver {
  constructor(
    @Inject(NetworksReadModel) private readonly readModel: NetworksReadModel,
    @Inject(CommandRunner) private readonly runner: CommandRunner,
  ) {}

  @Policy(NetworksPolicy.readNetworks)
  @Query(() => PreventionActivityConnection, {
    description:
      'Trainings and campaigns in your countries, by country, topic, kind and date (inclusive).',
  })
  async preventionActivities(
    @Args() args: PreventionActivitiesArgs,
    @Context() context: GraphQLContext,
  ): Promise<PreventionActivityConnection> {
    const page = await this.readModel.page(PreventionActivityRow, {
      position: 'recordedPosition',
      first: args.first,
      after: pageAfter(CURSOR, args.after),
      countries: countriesInScope(principalOf(context)),
      where: (query) => {
        if (args.country) query.andWhere('row.country = :country', { country: args.country });
        if (args.topic) query.andWhere('row.topic = :topic', { topic: args.topic });
        if (args.kind) query.andWhere('row.kind = :kind', { kind: args.kind });
        if (args.from) query.andWhere('row.date >= :from', { from: args.from });
        if (args.to) query.andWhere('row.date <= :to', { to: args.to });
      },
    });
    return toConnection(CURSOR, page, (row) => row.recordedPosition, toPreventionActivity);
  }

  @Policy(NetworksPolicy.manage)
  @Mutation(() => RecordPreventionActivityPayload, {
    description:
      'Record a training, a campaign, a network meeting or a focus group: participants by sex ' +
      'and role, or the reach of an online campaign; how many schools or institutions took ' +
      'part, when counted.',
  })
  async recordPreventionActivity(
    @Args('input') { id, ...facts }: RecordPreventionActivityInput,
    @Context() context: GraphQLContext,
  ): Promise<RecordPreventionActivityPayload> {
    const activityId = newId(id);
    const result = await this.runner.run(
      recordPreventionActivity,
      {
        ...facts,
        activityId,
        province: facts.province ?? null,
        district: facts.district ?? null,
        participants:
          facts.participants?.map(({ sex, role, count }) => ({ sex, role, count })) ?? null,
        reach: facts.reach ?? null,
        institutions: facts.institutions ?? null,
      },
      commandContext(context),
    );
    const row = await this.readModel.afterWrite(PreventionActivityRow, result.position, activityId);
    return {
      activityId,
      streamVersion: result.streamVersion,
      preventionActivity: row && toPreventionActivity(row),
    };
  }
}
