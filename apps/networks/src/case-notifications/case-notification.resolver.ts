import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CaseNotificationRow } from '@haven/networks/read-models';
import { check } from '@haven/platform/domain';
import {
  clientError,
  commandMetadata,
  CommandRunner,
  PageArgs,
  pageAfter,
  toConnection,
  principalOf,
  type CommandResult,
  type GraphQLContext,
} from '@haven/platform/nest';
import { countriesInScope, inScope, Policy, type Principal } from '@haven/platform/security';
import { NetworksReadModel } from '../networks-read-model';
import { NetworksPolicy } from '../policies';
import { outOfScope } from '../scope';
import { v7 as uuidv7 } from 'uuid';
import { CaseNotificationCommands, type DecisionInput } from './case-notification.commands';
import { reporterFor } from './submitter';
import {
  NOTIFICATION_CURSOR,
  toCaseNotification,
  toMyCaseNotification,
} from './case-notification.mapper';
import {
  CaseNotification,
  CaseNotificationArgs,
  CaseNotificationConnection,
  CaseNotificationIdInput,
  CaseNotificationPayload,
  CaseNotificationsArgs,
  MarkCaseNotificationDuplicateInput,
  MyCaseNotificationConnection,
  RejectCaseNotificationInput,
  SubmitCaseNotificationInput,
} from './case-notification.types';

/** Whether a principal reaches a notification's whole record (not only its status). */
function reaches(principal: Principal, row: CaseNotificationRow): boolean {
  return inScope(principal, { country: row.country, organisationId: row.submitterOrganisationId });
}

/**
 * Case notification queries and mutations. Thin on purpose: arguments are validated before they
 * arrive (class-validator), roles are checked by each method's policy before it runs, the
 * record's scope here or in the handler, and rules live in the domain.
 */
@Resolver(() => CaseNotification)
export class CaseNotificationResolver {
  constructor(
    @Inject(NetworksReadModel) private readonly readModel: NetworksReadModel,
    @Inject(CaseNotificationCommands) private readonly commands: CaseNotificationCommands,
    @Inject(CommandRunner) private readonly runner: CommandRunner,
  ) {}

  @Policy(NetworksPolicy.readNotifications)
  @Query(() => CaseNotification, {
    nullable: true,
    description: 'One case notification; NOT_FOUND when there is none with this id.',
  })
  async caseNotification(
    @Args() { id }: CaseNotificationArgs,
    @Context() context: GraphQLContext,
  ): Promise<CaseNotification> {
    const row = await this.readModel.findOne(CaseNotificationRow, id);
    if (!row) throw clientError('NOT_FOUND', 'No case notification has this id.');
    if (!reaches(principalOf(context), row)) throw outOfScope('This case notification');
    return toCaseNotification(row);
  }

  @Policy(NetworksPolicy.readNotifications)
  @Query(() => CaseNotificationConnection, {
    description:
      'Case notifications in submission order, within your scope (your countries; a partner, ' +
      "its organisation's), filtered by country, status, form of exploitation, minors and " +
      'submission time.',
  })
  async caseNotifications(
    @Args() args: CaseNotificationsArgs,
    @Context() context: GraphQLContext,
  ): Promise<CaseNotificationConnection> {
    const principal = principalOf(context);
    const partner = principal.role === 'partner';
    const page = await this.readModel.page(CaseNotificationRow, {
      position: 'submittedPosition',
      first: args.first,
      after: pageAfter(NOTIFICATION_CURSOR, args.after),
      countries: partner ? 'all' : countriesInScope(principal),
      where: (query) => {
        if (partner) {
          query.andWhere('row.submitterOrganisationId = :organisationId', {
            organisationId: principal.organisationId,
          });
        }
        if (args.country) query.andWhere('row.country = :country', { country: args.country });
        if (args.status) query.andWhere('row.status = :status', { status: args.status });
        if (args.formOfExploitation) {
          query.andWhere('row.formOfExploitation = :form', { form: args.formOfExploitation });
        }
        if (args.placeOfExploitation) {
          query.andWhere('row.placeOfExploitation = :place', { place: args.placeOfExploitation });
        }
        if (args.hasMinors === true) query.andWhere('row.minors > 0');
        if (args.hasMinors === false) query.andWhere('row.minors = 0');
        if (args.from) query.andWhere('row.submittedAt >= :from', { from: args.from });
        if (args.to) query.andWhere('row.submittedAt < :to', { to: args.to });
      },
    });
    return toConnection(
      NOTIFICATION_CURSOR,
      page,
      (row) => row.submittedPosition,
      toCaseNotification,
    );
  }

  @Policy(NetworksPolicy.readOwnSubmissions)
  @Query(() => MyCaseNotificationConnection, {
    description: 'The notifications you submitted, in submission order: their status only.',
  })
  async myCaseNotifications(
    @Args() args: PageArgs,
    @Context() context: GraphQLContext,
  ): Promise<MyCaseNotificationConnection> {
    const page = await this.readModel.page(CaseNotificationRow, {
      position: 'submittedPosition',
      first: args.first,
      after: pageAfter(NOTIFICATION_CURSOR, args.after),
      countries: 'all',
      where: (query) =>
        query.andWhere('row.submittedBy = :subject', { subject: principalOf(context).subject }),
    });
    return toConnection(
      NOTIFICATION_CURSOR,
      page,
      (row) => row.submittedPosition,
      toMyCaseNotification,
    );
  }

  @Policy(NetworksPolicy.submitNotification)
  @Mutation(() => CaseNotificationPayload, {
    description:
      'Notify a case: structured facts only, no description. Watchdogs, women’s groups, agents ' +
      'of change (each as its own record, the token’s subject) and partners anywhere, staff in ' +
      'their own countries.',
  })
  async submitCaseNotification(
    @Args('input') input: SubmitCaseNotificationInput,
    @Context() context: GraphQLContext,
  ): Promise<CaseNotificationPayload> {
    const principal = principalOf(context);
    const submission = {
      notificationId: check.uuid(input.id ?? uuidv7(), 'id'),
      ...reporterFor(principal, {
        reportedBy: input.reportedBy,
        reporterReference: check.optionalUuid(input.reporterReference, 'reporterReference'),
      }),
      formOfExploitation: input.formOfExploitation,
      placeOfExploitation: input.placeOfExploitation ?? null,
      country: input.country,
      province: input.province ?? null,
      destination: input.destination ?? null,
      nationality: input.nationality ?? null,
      possibleVictims: input.possibleVictims,
      minors: input.minors,
      notifiedAt: input.notifiedAt?.toISOString() ?? null,
    };
    const result = await this.runner.run(this.commands.submit, submission, {
      principal,
      metadata: commandMetadata(context),
    });
    return this.payload(principal, { ...result, notificationId: submission.notificationId });
  }

  @Policy(NetworksPolicy.manage)
  @Mutation(() => CaseNotificationPayload, {
    description: 'A submitted notification is a real case, to be referred to protection.',
  })
  async validateCaseNotification(
    @Args('input') input: CaseNotificationIdInput,
    @Context() context: GraphQLContext,
  ): Promise<CaseNotificationPayload> {
    return this.decide(context, { type: 'ValidateCaseNotification', ...input });
  }

  @Policy(NetworksPolicy.manage)
  @Mutation(() => CaseNotificationPayload, {
    description: 'Reject a submitted notification, with a reason from the list (final).',
  })
  async rejectCaseNotification(
    @Args('input') input: RejectCaseNotificationInput,
    @Context() context: GraphQLContext,
  ): Promise<CaseNotificationPayload> {
    return this.decide(context, { type: 'RejectCaseNotification', ...input });
  }

  @Policy(NetworksPolicy.manage)
  @Mutation(() => CaseNotificationPayload, {
    description:
      'A submitted notification reports a case another (not itself a duplicate) reported (final).',
  })
  async markCaseNotificationDuplicate(
    @Args('input') input: MarkCaseNotificationDuplicateInput,
    @Context() context: GraphQLContext,
  ): Promise<CaseNotificationPayload> {
    return this.decide(context, { type: 'MarkCaseNotificationDuplicate', ...input });
  }

  @Policy(NetworksPolicy.manage)
  @Mutation(() => CaseNotificationPayload, {
    description:
      'Refer a validated notification to protection, once: protection opens a case from it.',
  })
  async referCaseNotification(
    @Args('input') input: CaseNotificationIdInput,
    @Context() context: GraphQLContext,
  ): Promise<CaseNotificationPayload> {
    return this.decide(context, { type: 'ReferCaseNotification', ...input });
  }

  private async decide(
    context: GraphQLContext,
    command: DecisionInput,
  ): Promise<CaseNotificationPayload> {
    const principal = principalOf(context);
    // Ids lower-cased here, once, by the kernel's checker.
    const input: DecisionInput = {
      ...command,
      notificationId: check.uuid(command.notificationId, 'notificationId'),
      ...('duplicateOf' in command
        ? { duplicateOf: check.uuid(command.duplicateOf, 'duplicateOf') }
        : {}),
    };
    const result = await this.runner.run(this.commands.decide, input, {
      principal,
      metadata: commandMetadata(context),
    });
    return this.payload(principal, { ...result, notificationId: input.notificationId });
  }

  /**
   * The notification after the write, once the read model shows it. A submission retried with
   * an id someone else used shows nothing of theirs: the status to its submitter (or whoever
   * reaches the record), the record to whoever reaches it.
   */
  private async payload(
    principal: Principal,
    result: CommandResult & { notificationId: string },
  ): Promise<CaseNotificationPayload> {
    const row = await this.readModel.afterWrite(
      CaseNotificationRow,
      result.position,
      result.notificationId,
    );
    const whole = !!row && reaches(principal, row);
    const own = !!row && row.submittedBy === principal.subject;
    return {
      notificationId: result.notificationId,
      streamVersion: result.streamVersion,
      status: row && (whole || own) ? row.status : null,
      caseNotification: row && whole ? toCaseNotification(row) : null,
    };
  }
}
