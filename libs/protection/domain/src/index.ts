export * from './beneficiary/beneficiary';
export * from './beneficiary/errors';
export * from './break-glass/break-glass';
export type { CommandMetadata } from './command-metadata';
