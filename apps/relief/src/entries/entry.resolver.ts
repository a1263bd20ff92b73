import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  afterWrite,
  type CommandDefinition,
  commandMetadata,
  CommandRunner,
  type GraphQLContext,
  keysetPage,
  pageAfter,
  PersonalData,
  principalOf,
  toConnection,
} from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import { KnownAgentsOfChange } from '../known-agents-of-change';
import { KnownBeneficiaries } from '../known-beneficiaries';
import { ReliefPolicy } from '../policies';
import { ReliefReadModel } from '../relief-read-model';
import { dayRange } from '../filters';
import { fieldCommands } from './entry.commands';
import { ENTRY_CURSOR, toReliefEntry } from './entry.mapper';
import {
  RecordDistributionInput,
  RecordMigratedFamiliesInput,
  RecordPersonAtRiskInput,
  RecordPotentialVictimInput,
  RecordReliefRecipientInput,
  ReliefEntriesArgs,
  ReliefEntry,
  ReliefEntryConnection,
  ReliefEntryPayload,
} from './entry.types';

/** The start of today (UTC): a field worker reads back its entries from then on only. */
function startOfToday(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** What is recorded in the field, and the entries list. No rules here. */
@Resolver(() => ReliefEntry)
export class ReliefEntryResolver {
  private readonly field: ReturnType<typeof fieldCommands>;

  constructor(
    @Inject(CommandRunner) private readonly commands: CommandRunner,
    @Inject(ReliefReadModel) private readonly readModel: ReliefReadModel,
    @Inject(KnownBeneficiaries) beneficiaries: KnownBeneficiaries,
    @Inject(KnownAgentsOfChange) agents: KnownAgentsOfChange,
    @Inject(PersonalData) privacy: PersonalData,
  ) {
    this.field = fieldCommands({ beneficiaries, agents, privacy });
  }

  /** Runs a field command with the entry's id settled, and returns the entry as recorded. */
  async record<Input extends { id?: string | null }, C, E extends { type: string; data: never }, S>(
    definition: CommandDefinition<Input & { id: string }, C, E, S>,
    input: Input,
    context: GraphQLContext,
  ): Promise<ReliefEntryPayload> {
    const id = (input.id ?? randomUUID()).toLowerCase();
    const result = await this.commands.run(
      definition,
      { ...input, id },
      {
        principal: principalOf(context),
        metadata: commandMetadata(context),
      },
    );
    const row = await afterWrite(this.readModel.db, result.position, () =>
      this.readModel.entry(id),
    );
    return { id, streamVersion: result.streamVersion, node: row && toReliefEntry(row) };
  }

  @Policy(ReliefPolicy.recordInField)
  @Mutation(() => ReliefEntryPayload, {
    description: 'Record a relief recipient with minimal data (never a full registration).',
  })
  recordReliefRecipient(
    @Args('input') input: RecordReliefRecipientInput,
    @Context() context: GraphQLContext,
  ): Promise<ReliefEntryPayload> {
    return this.record(this.field.recordReliefRecipient as never, input, context);
  }

  @Policy(ReliefPolicy.recordInField)
  @Mutation(() => ReliefEntryPayload, {
    description: 'Record a distribution: goods, a necessity bag, a micro-project grant or other.',
  })
  recordDistribution(
    @Args('input') input: RecordDistributionInput,
    @Context() context: GraphQLContext,
  ): Promise<ReliefEntryPayload> {
    return this.record(this.field.recordDistribution as never, input, context);
  }

  @Policy(ReliefPolicy.recordInField)
  @Mutation(() => ReliefEntryPayload, { description: 'Record a person at risk, with the reason.' })
  recordPersonAtRisk(
    @Args('input') input: RecordPersonAtRiskInput,
    @Context() context: GraphQLContext,
  ): Promise<ReliefEntryPayload> {
    return this.record(this.field.recordPersonAtRisk as never, input, context);
  }

  @Policy(ReliefPolicy.recordInField)
  @Mutation(() => ReliefEntryPayload, {
    description: 'Record families who migrated for work: how many, and where they went.',
  })
  recordMigratedFamilies(
    @Args('input') input: RecordMigratedFamiliesInput,
    @Context() context: GraphQLContext,
  ): Promise<ReliefEntryPayload> {
    return this.record(this.field.recordMigratedFamilies as never, input, context);
  }

  @Policy(ReliefPolicy.recordInField)
  @Mutation(() => ReliefEntryPayload, {
    description: 'Record a potential victim detected in the field: form of exploitation and place.',
  })
  recordPotentialVictim(
    @Args('input') input: RecordPotentialVictimInput,
    @Context() context: GraphQLContext,
  ): Promise<ReliefEntryPayload> {
    return this.record(this.field.recordPotentialVictim as never, input, context);
  }

  @Policy(ReliefPolicy.readEntries)
  @Query(() => ReliefEntryConnection, {
    description:
      'Entries of the responses of your countries, in the order recorded, filtered by response, ' +
      'country, entry type, kind, date of the fact and field worker. A field worker sees only ' +
      'its own entries of the day.',
  })
  async reliefEntries(
    @Args() args: ReliefEntriesArgs,
    @Context() context: GraphQLContext,
  ): Promise<ReliefEntryConnection> {
    dayRange(args);
    const principal = principalOf(context);
    const query = this.readModel.entries(principal);
    if (principal.role === 'field_worker') {
      query.andWhere('row.recordedBy = :subject AND row.recordedAt >= :today', {
        subject: principal.subject,
        today: startOfToday(),
      });
    }
    if (args.responseId) {
      query.andWhere('row.responseId = :responseId', { responseId: args.responseId.toLowerCase() });
    }
    if (args.country) {
      query.andWhere(
        'row.responseId IN (SELECT c.id FROM relief.responses c WHERE c.country = :country)',
        { country: args.country },
      );
    }
    if (args.entryType) query.andWhere('row.entryType = :entryType', { entryType: args.entryType });
    if (args.kind) query.andWhere('row.kind = :kind', { kind: args.kind });
    if (args.from) query.andWhere('row.occurredOn >= :from', { from: args.from });
    if (args.to) query.andWhere('row.occurredOn <= :to', { to: args.to });
    if (args.fieldWorkerId) {
      query.andWhere('row.fieldWorkerId = :worker', { worker: args.fieldWorkerId });
    }
    const page = await keysetPage(query, {
      position: 'position',
      first: args.first,
      after: pageAfter(ENTRY_CURSOR, args.after),
    });
    return toConnection(ENTRY_CURSOR, page, (row) => row.position, toReliefEntry);
  }
}
