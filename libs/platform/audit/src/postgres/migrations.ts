import { runMigrations, type MigrationSet } from '@haven/platform/database';
import { CreateAuditTree1767000000000 } from './migrations/1767000000000-create-audit-tree';
import { CreateVerificationJobs1767500000000 } from './migrations/1767500000000-create-verification-jobs';
import { LeafRuns1767900000000 } from './migrations/1767900000000-leaf-runs';

export const AUDIT_MIGRATIONS: MigrationSet = {
  schema: 'audit',
  migrations: [
    CreateAuditTree1767000000000,
    CreateVerificationJobs1767500000000,
    LeafRuns1767900000000,
  ],
};

/** Creates or updates the Merkle trees and checkpoints (schema `audit`). */
export function migrateAudit(connectionString: string): Promise<string[]> {
  return runMigrations(connectionString, AUDIT_MIGRATIONS);
}
