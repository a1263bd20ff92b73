/**
 * What verifying an audit export needs, and nothing that reaches a database, a key store or the
 * network (`@haven/platform/audit/offline`): the standalone verifier an auditor runs with plain
 * Node is bundled from this alone (`npm run audit:bundle-verifier`).
 */
export {
  checkpointHash,
  checkpointProblem,
  signedCheckpointOf,
  type SignedCheckpoint,
} from './checkpoints/checkpoint';
export { parsePublicKey, verifyCheckpointSignature } from './checkpoints/signature';
export * from './export/export-lines';
export * from './export/export-verifier';
export * from './export/line-reading';
export {
  defaultWorkers,
  serveVerifyWorker,
  verifyExportFile,
  type VerifyFileOptions,
} from './export/verify-file';
