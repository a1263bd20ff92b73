import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { EnrolmentRow, ServiceRow } from '@haven/empowerment/read-models';
import {
  commandMetadata,
  CommandRunner,
  type GraphQLContext,
  pageAfter,
  PersonalData,
  principalOf,
  toConnection,
} from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import { v7 as uuidv7 } from 'uuid';
import { openPlace, sealPlace } from './accommodation-place';
import { EmpowermentReadModel } from '../empowerment-read-model';
import {
  KnownBeneficiaries,
  onEnrolment,
  type EnrolmentDefinition,
} from '../enrolments/enrolment.commands';
import { EmpowermentPolicy } from '../policies';
import { toRecord } from './service.mapper';
import {
  ApproveSmallGrantInput,
  CompleteAgentOfChangeTrainingInput,
  DisburseSmallGrantInput,
  EmpowermentRecord,
  EmpowermentRecordConnection,
  EmpowermentRecordPayload,
  EmpowermentRecordsArgs,
  RecordEmpowermentServiceInput,
  RecordFollowUpInput,
} from './service.types';

type WithId<Input, Key extends string> = Input & { [K in Key]: string };

/**
 * What a person receives on an enrolment: services, follow-ups, grants and agent-of-change
 * training. Each mutation builds its input (a new id when the client gave none) and runs the
 * enrolment's command; the rules are the decider's.
 */
@Resolver(() => EmpowermentRecord)
export class ServiceResolver {
  private readonly service: EnrolmentDefinition<WithId<RecordEmpowermentServiceInput, 'id'>>;
  private readonly followUp: EnrolmentDefinition<WithId<RecordFollowUpInput, 'id'>>;
  private readonly approve: EnrolmentDefinition<WithId<ApproveSmallGrantInput, 'id'>>;
  private readonly disburse: EnrolmentDefinition<DisburseSmallGrantInput>;
  private readonly train: EnrolmentDefinition<CompleteAgentOfChangeTrainingInput>;

  constructor(
    @Inject(CommandRunner) private readonly commands: CommandRunner,
    @Inject(EmpowermentReadModel) private readonly readModel: EmpowermentReadModel,
    @Inject(KnownBeneficiaries) beneficiaries: KnownBeneficiaries,
    @Inject(PersonalData) private readonly privacy: PersonalData,
  ) {
    this.service = onEnrolment(beneficiaries, async (input, state, principal) => {
      const partnerOrganisationId = input.partnerOrganisationId?.toLowerCase() ?? null;
      return {
        type: 'RecordEmpowermentService',
        data: {
          erased: false,
          serviceId: input.id,
          kind: input.kind,
          mode: input.mode ?? null,
          activity: input.activity ?? null,
          outcome: input.outcome ?? null,
          partnerOrganisationId,
          employerRegistered: await beneficiaries.partnerRegistered(partnerOrganisationId),
          occupation: input.occupation ?? null,
          institution: input.institution ?? null,
          period: input.period ? { from: input.period.from, to: input.period.to } : null,
          amount: input.amount
            ? { amountMinor: input.amount.amountMinor, currency: input.amount.currency }
            : null,
          sealedPlace: await sealPlace(privacy, state, input.place),
          providedOn: input.providedOn,
          providedBy: input.providedBy ?? principal.subject,
        },
      };
    });
    this.followUp = onEnrolment(beneficiaries, (input, _state, principal) => ({
      type: 'RecordFollowUp',
      data: {
        erased: false,
        followUpId: input.id,
        channel: input.channel,
        reached: input.reached,
        followedUpOn: input.followedUpOn,
        nextFollowUpOn: input.nextFollowUpOn ?? null,
        providedBy: input.providedBy ?? principal.subject,
      },
    }));
    this.approve = onEnrolment(beneficiaries, (input) => ({
      type: 'ApproveSmallGrant',
      data: {
        erased: false,
        grantId: input.id,
        purpose: input.purpose,
        amount: { amountMinor: input.amount.amountMinor, currency: input.amount.currency },
        approvedOn: input.approvedOn,
      },
    }));
    this.disburse = onEnrolment(beneficiaries, (input) => ({
      type: 'DisburseSmallGrant',
      data: {
        erased: false,
        grantId: input.grantId.toLowerCase(),
        amount: { amountMinor: input.amount.amountMinor, currency: input.amount.currency },
        disbursedOn: input.disbursedOn,
      },
    }));
    this.train = onEnrolment(beneficiaries, (input) => ({
      type: 'CompleteAgentOfChangeTraining',
      data: { erased: false, completedOn: input.completedOn },
    }));
  }

  @Policy(EmpowermentPolicy.work)
  @Mutation(() => EmpowermentRecordPayload, {
    description: 'Records a service (rehabilitation, counselling, placement, …) on its date.',
  })
  recordEmpowermentService(
    @Args('input') input: RecordEmpowermentServiceInput,
    @Context() context: GraphQLContext,
  ): Promise<EmpowermentRecordPayload> {
    const id = (input.serviceId ?? uuidv7()).toLowerCase();
    return this.run(this.service, { ...input, id }, id, context);
  }

  @Policy(EmpowermentPolicy.work)
  @Mutation(() => EmpowermentRecordPayload, {
    description: 'A follow-up in person, by phone or online: reached or not, and the next date.',
  })
  recordFollowUp(
    @Args('input') input: RecordFollowUpInput,
    @Context() context: GraphQLContext,
  ): Promise<EmpowermentRecordPayload> {
    const id = (input.followUpId ?? uuidv7()).toLowerCase();
    return this.run(this.followUp, { ...input, id }, id, context);
  }

  @Policy(EmpowermentPolicy.work)
  @Mutation(() => EmpowermentRecordPayload, { description: 'Approves a small grant.' })
  approveSmallGrant(
    @Args('input') input: ApproveSmallGrantInput,
    @Context() context: GraphQLContext,
  ): Promise<EmpowermentRecordPayload> {
    const id = (input.grantId ?? uuidv7()).toLowerCase();
    return this.run(this.approve, { ...input, id }, id, context);
  }

  @Policy(EmpowermentPolicy.work)
  @Mutation(() => EmpowermentRecordPayload, {
    description: 'Disburses an approved grant, never above the approved amount.',
  })
  disburseSmallGrant(
    @Args('input') input: DisburseSmallGrantInput,
    @Context() context: GraphQLContext,
  ): Promise<EmpowermentRecordPayload> {
    return this.run(this.disburse, input, input.grantId.toLowerCase(), context);
  }

  @Policy(EmpowermentPolicy.work)
  @Mutation(() => EmpowermentRecordPayload, {
    description:
      'Agent-of-change training completed (once): networks then lists the person as an agent of change.',
  })
  completeAgentOfChangeTraining(
    @Args('input') input: CompleteAgentOfChangeTrainingInput,
    @Context() context: GraphQLContext,
  ): Promise<EmpowermentRecordPayload> {
    // The training's row is keyed by its enrolment (once per enrolment).
    return this.run(this.train, input, input.enrolmentId.toLowerCase(), context);
  }

  @Policy(EmpowermentPolicy.read)
  @Query(() => EmpowermentRecordConnection, {
    description:
      'What people received, in your countries: by country, kind, date range, minors and staff member.',
  })
  async empowermentRecords(
    @Args() args: EmpowermentRecordsArgs,
    @Context() context: GraphQLContext,
  ): Promise<EmpowermentRecordConnection> {
    const query = this.readModel.scoped(ServiceRow, principalOf(context));
    if (args.country) query.andWhere('row.country = :country', { country: args.country });
    if (args.kind) query.andWhere('row.kind = :kind', { kind: args.kind });
    if (args.from) query.andWhere('row.providedOn >= :from', { from: args.from });
    if (args.to) query.andWhere('row.providedOn <= :to', { to: args.to });
    if (args.providedBy) query.andWhere('row.providedBy = :by', { by: args.providedBy });
    if (args.enrolmentId) {
      query.andWhere('row.enrolmentId = :enrolment', { enrolment: args.enrolmentId.toLowerCase() });
    }
    if (args.minor !== undefined && args.minor !== null) {
      const minors = query
        .subQuery()
        .select('e.id')
        .from(EnrolmentRow, 'e')
        .where('e.minor = :minor')
        .getQuery();
      query.andWhere(`row.enrolmentId IN ${minors}`, { minor: args.minor });
    }
    const page = await this.readModel.page(
      query,
      'position',
      args.first,
      pageAfter('empowermentrecord', args.after),
    );
    return toConnection('empowermentrecord', page, (row) => row.position, toRecord);
  }

  @Policy(EmpowermentPolicy.readNotes)
  @ResolveField(() => String, {
    nullable: true,
    description:
      'SAFE_ACCOMMODATION: where she stays, opened for the enrolment’s workers and logged.',
  })
  place(
    @Parent() record: EmpowermentRecord,
    @Context() context: GraphQLContext,
  ): Promise<string | null> {
    return openPlace(this.privacy, this.readModel, record.id, context);
  }

  private async run<Input>(
    definition: EnrolmentDefinition<Input>,
    input: Input,
    id: string,
    context: GraphQLContext,
  ): Promise<EmpowermentRecordPayload> {
    const principal = principalOf(context);
    const result = await this.commands.run(definition, input, {
      principal,
      metadata: commandMetadata(context),
    });
    const row = await this.readModel.recordAfter(result.position, id, principal);
    return { id, streamVersion: result.streamVersion, node: row && toRecord(row) };
  }
}
