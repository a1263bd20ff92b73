import { Module } from '@nestjs/common';
import { HavenServiceModule } from '@haven/platform/nest';
import { AuditLogService } from './log/audit-log.service';
import { AuditRefusalsPlugin } from './log/refusals.plugin';
import { ProofsResolver } from './records/proofs.resolver';
import { RecordsResolver } from './records/records.resolver';
import { LogVerificationJobs } from './verification/log-verification-jobs';
import { VerificationJobsResolver } from './verification/verification-jobs.resolver';

/**
 * Audit: for auditors and admins. Any record as it stood at a date (its events, sealed; its state
 * rebuilt by its own service's evolve), the hash chains and the Merkle tree verified against
 * signed checkpoints, proofs on demand, exports an auditor verifies offline. Keeps the tree.
 */
@Module({
  imports: [HavenServiceModule.forRoot({ name: 'audit' })],
  providers: [
    AuditLogService,
    AuditRefusalsPlugin,
    RecordsResolver,
    ProofsResolver,
    LogVerificationJobs,
    VerificationJobsResolver,
  ],
})
export class AppModule {}
