export * from './fields';
export * from './pseudonyms';
export * from './topic';
export * from './messages';
export * from './schemas';
export { breakingChanges } from './compatibility';
export * from './relay';
export * from './topics';
