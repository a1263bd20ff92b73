import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { EnrolmentRow, ServiceRow } from '@haven/empowerment/read-models';
import {
  commandMetadata,
  CommandRunner,
  pageAfter,
  principalOf,
  toConnection,
  type GraphQLContext,
} from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import { v7 as uuidv7 } from 'uuid';
import { EmpowermentReadModel } from '../empowerment-read-model';
import { EmpowermentPolicy } from '../policies';
import { toRecord } from '../services/service.mapper';
import { EmpowermentRecord } from '../services/service.types';
import {
  enrolBeneficiary,
  KnownBeneficiaries,
  type EnrolmentDefinition,
  onEnrolment,
  toSetting,
} from './enrolment.commands';
import { toEnrolment } from './enrolment.mapper';
import {
  AgreeReintegrationPlanInput,
  ChangeEnrolmentSettingInput,
  CloseEnrolmentInput,
  EnrolBeneficiaryInput,
  Enrolment,
  EnrolmentConnection,
  EnrolmentPayload,
  EnrolmentsArgs,
  WorkListArgs,
} from './enrolment.types';

const today = (): string => new Date().toISOString().slice(0, 10);
const plusDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Enrolments: enrol, move, plan and close (mutations build the input and run the command; the
 * rules are the decider's), and the lists an officer works from.
 */
@Resolver(() => Enrolment)
export class EnrolmentResolver {
  private readonly enrol;
  private readonly changeSetting;
  private readonly agreePlan;
  private readonly close;

  constructor(
    @Inject(CommandRunner) private readonly commands: CommandRunner,
    @Inject(EmpowermentReadModel) private readonly readModel: EmpowermentReadModel,
    @Inject(KnownBeneficiaries) beneficiaries: KnownBeneficiaries,
  ) {
    this.enrol = enrolBeneficiary(beneficiaries);
    this.changeSetting = onEnrolment(beneficiaries, (input: ChangeEnrolmentSettingInput) => ({
      type: 'ChangeEnrolmentSetting',
      data: { erased: false, setting: toSetting(input.setting), changedOn: input.changedOn },
    }));
    this.agreePlan = onEnrolment(beneficiaries, (input: AgreeReintegrationPlanInput) => ({
      type: 'AgreeReintegrationPlan',
      data: {
        erased: false,
        goals: input.goals,
        followUpRhythm: input.followUpRhythm,
        reviewDates: input.reviewDates,
        agreedOn: input.agreedOn,
      },
    }));
    this.close = onEnrolment(beneficiaries, (input: CloseEnrolmentInput) => ({
      type: 'CloseEnrolment',
      data: { reason: input.reason, closedOn: input.closedOn },
    }));
  }

  @Policy(EmpowermentPolicy.work)
  @Mutation(() => EnrolmentPayload, {
    description: 'Enrols a beneficiary who consented to services, in a shelter or their community.',
  })
  async enrolBeneficiary(
    @Args('input') input: EnrolBeneficiaryInput,
    @Context() context: GraphQLContext,
  ): Promise<EnrolmentPayload> {
    const enrolmentId = (input.enrolmentId ?? uuidv7()).toLowerCase();
    return this.run(this.enrol, { ...input, enrolmentId }, enrolmentId, context);
  }

  @Policy(EmpowermentPolicy.work)
  @Mutation(() => EnrolmentPayload, { description: 'Moves the person, e.g. from shelter to home.' })
  changeEnrolmentSetting(
    @Args('input') input: ChangeEnrolmentSettingInput,
    @Context() context: GraphQLContext,
  ): Promise<EnrolmentPayload> {
    return this.run(this.changeSetting, input, input.enrolmentId, context);
  }

  @Policy(EmpowermentPolicy.work)
  @Mutation(() => EnrolmentPayload, { description: 'Goals, follow-up rhythm and review dates.' })
  agreeReintegrationPlan(
    @Args('input') input: AgreeReintegrationPlanInput,
    @Context() context: GraphQLContext,
  ): Promise<EnrolmentPayload> {
    return this.run(this.agreePlan, input, input.enrolmentId, context);
  }

  @Policy(EmpowermentPolicy.work)
  @Mutation(() => EnrolmentPayload, { description: 'Closes an enrolment, with its reason.' })
  closeEnrolment(
    @Args('input') input: CloseEnrolmentInput,
    @Context() context: GraphQLContext,
  ): Promise<EnrolmentPayload> {
    return this.run(this.close, input, input.enrolmentId, context);
  }

  @Policy(EmpowermentPolicy.read)
  @Query(() => EnrolmentConnection, {
    description: 'Enrolments in your countries, by country, setting, minors, officer and date.',
  })
  async enrolments(
    @Args() args: EnrolmentsArgs,
    @Context() context: GraphQLContext,
  ): Promise<EnrolmentConnection> {
    const query = this.readModel.scoped(EnrolmentRow, principalOf(context));
    const filter = (clause: string, value: unknown) =>
      value !== undefined && value !== null && query.andWhere(clause, { value });
    filter('row.country = :value', args.country);
    filter('row.settingKind = :value', args.settingKind);
    filter('row.minor = :value', args.minor);
    filter('row.officerId = :value', args.officerId);
    filter('row.beneficiaryId = :value', args.beneficiaryId?.toLowerCase());
    if (args.enrolledFrom) query.andWhere('row.enrolledOn >= :from', { from: args.enrolledFrom });
    if (args.enrolledTo) query.andWhere('row.enrolledOn <= :to', { to: args.enrolledTo });
    const page = await this.readModel.page(
      query,
      'enrolledPosition',
      args.first,
      pageAfter('enrolment', args.after),
    );
    return toConnection('enrolment', page, (row) => row.enrolledPosition, toEnrolment);
  }

  @Policy(EmpowermentPolicy.read)
  @Query(() => EnrolmentConnection, {
    description:
      'An officer’s first query of the day: open enrolments with a follow-up due this week, ' +
      'overdue, or not reached `attempts` times in a row; in your countries, optionally one ' +
      'officer’s; the earliest due date first.',
  })
  async followUpWorkList(
    @Args() args: WorkListArgs,
    @Context() context: GraphQLContext,
  ): Promise<EnrolmentConnection> {
    const query = this.readModel
      .scoped(EnrolmentRow, principalOf(context))
      .andWhere("row.status = 'OPEN'");
    if (args.country) query.andWhere('row.country = :country', { country: args.country });
    if (args.officerId) query.andWhere('row.officerId = :officer', { officer: args.officerId });
    const now = today();
    if (args.list === 'DUE_THIS_WEEK') {
      query
        .andWhere('row.nextFollowUpOn >= :now', { now })
        .andWhere('row.nextFollowUpOn <= :end', { end: plusDays(now, 6) });
    } else if (args.list === 'OVERDUE') {
      query.andWhere('row.nextFollowUpOn < :now', { now });
    } else {
      query.andWhere('row.consecutiveNotReached >= :attempts', { attempts: args.attempts });
    }
    // Earliest due first: the officer starts with whoever has waited longest.
    const page = await this.readModel.dueOrderPage(
      query,
      args.first,
      pageAfter('worklist', args.after),
    );
    return toConnection('worklist', page, page.keyOf, toEnrolment);
  }

  @ResolveField(() => [EmpowermentRecord], {
    description: 'What the person received on this enrolment, in the order it was recorded.',
  })
  async records(
    @Parent() enrolment: Enrolment,
    @Context() context: GraphQLContext,
  ): Promise<EmpowermentRecord[]> {
    const rows = await this.readModel
      .scoped(ServiceRow, principalOf(context))
      .andWhere('row.enrolmentId = :id', { id: enrolment.id })
      .orderBy('row.position', 'ASC')
      .getMany();
    return rows.map(toRecord);
  }

  private async run<Input>(
    definition: EnrolmentDefinition<Input>,
    input: Input,
    enrolmentId: string,
    context: GraphQLContext,
  ): Promise<EnrolmentPayload> {
    const principal = principalOf(context);
    const result = await this.commands.run(definition, input, {
      principal,
      metadata: commandMetadata(context),
    });
    const row = await this.readModel.enrolmentAfter(result.position, enrolmentId, principal);
    return {
      id: enrolmentId,
      streamVersion: result.streamVersion,
      node: row && toEnrolment(row),
    };
  }
}
