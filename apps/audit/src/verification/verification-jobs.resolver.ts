import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { clientError, type GraphQLContext } from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import { AuditLogService } from '../log/audit-log.service';
import { AuditPolicy } from '../policies';
import { badInput, checkRange, EVENT_LOG, recordAuditAccess } from '../records/audit-access';
import { LogVerificationJobs } from './log-verification-jobs';
import { AuditLogVerificationJobType } from './verification-job.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Long verifications: started, then followed by id until their report is in. */
@Resolver()
export class VerificationJobsResolver {
  constructor(
    private readonly audit: AuditLogService,
    private readonly jobs: LogVerificationJobs,
  ) {}

  @Mutation(() => AuditLogVerificationJobType, {
    description:
      'Starts verifying the whole log, or a range of global positions, against the newest checkpoint, in the background; follow it with auditLogVerificationJob(id).',
  })
  @Policy(AuditPolicy.audit)
  async auditStartLogVerification(
    @Context() context: GraphQLContext,
    @Args('fromPosition', { type: () => Int, nullable: true }) fromPosition?: number | null,
    @Args('toPosition', { type: () => Int, nullable: true }) toPosition?: number | null,
  ): Promise<AuditLogVerificationJobType> {
    const head = await this.audit.tree.latestCheckpoint();
    if (!head) throw clientError('NOT_FOUND', 'No checkpoint has been signed yet.');
    checkRange(fromPosition, toPosition, head);
    await recordAuditAccess(this.audit.accessLog, context, 'AuditLog', EVENT_LOG, ['verification']);
    return this.jobs.start(
      { from: fromPosition ?? null, to: toPosition ?? null },
      head,
      context.principal?.subject ?? 'unknown',
    );
  }

  @Query(() => AuditLogVerificationJobType, {
    description:
      'A verification started with auditStartLogVerification: its progress, then its report.',
  })
  @Policy(AuditPolicy.audit)
  async auditLogVerificationJob(
    @Context() context: GraphQLContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<AuditLogVerificationJobType> {
    if (!UUID.test(id)) throw badInput('id must be the id auditStartLogVerification gave.');
    const job = await this.jobs.find(id);
    if (!job) throw clientError('NOT_FOUND', 'No verification has this id.');
    await recordAuditAccess(this.audit.accessLog, context, 'AuditLog', EVENT_LOG, [
      'verificationJob',
    ]);
    return job;
  }
}
