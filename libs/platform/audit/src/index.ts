export * from './merkle';
export * from './checkpoints/checkpoint';
export * from './checkpoints/signing-key';
export * from './verification/audit-event';
export * from './export/export-lines';
export * from './export/export-verifier';
export * from './export/line-reading';
export {
  defaultWorkers,
  serveVerifyWorker,
  verifyExportFile,
  type VerifyFileOptions,
} from './export/verify-file';
export { AUDIT_MIGRATIONS, migrateAudit } from './postgres/migrations';
export { TreeStore, type AuditQueryable, type TreeState } from './postgres/tree-store';
export { EVENT_STORE_LEAVES, type LeafSource } from './postgres/leaf-sources';
export { TreeFollower, type TreeFollowerOptions } from './postgres/tree-follower';
export {
  exportEventLog,
  exportEventLogPage,
  ExportRangeError,
  latestCheckpointWithHash,
  type ExportOptions,
  type ExportPage,
} from './postgres/exporter';
export {
  verifyEventLog,
  type LogVerification,
  type LogVerificationOptions,
} from './postgres/log-verification';
export {
  ACCESS_LOG,
  ACCESS_LOG_LEAVES,
  accessChainHash,
  type AccessLogEntryRow,
} from './postgres/access-log-leaves';
export {
  verifyAccessLog,
  type AccessLogProblem,
  type AccessLogVerification,
} from './postgres/access-log-verification';
