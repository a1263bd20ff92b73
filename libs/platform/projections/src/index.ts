export { type Projection, type RowProjectionOptions, rowProjection } from './projection';
export { insertRows, type OnConflict } from './insert-rows';
export {
  ProjectionRunner,
  ProjectionError,
  ProjectionTimeoutError,
  type ProjectionRunnerOptions,
  type ProjectionLag,
  type ProjectionStatus,
} from './projection-runner';
export { PROJECTION_MIGRATIONS, migrateProjections } from './checkpoints';
export {
  rebuildProjection,
  rebuildCheckpointName,
  type RebuildOptions,
  type RebuildProgress,
  type RebuildResult,
} from './rebuild/projection-rebuild';
