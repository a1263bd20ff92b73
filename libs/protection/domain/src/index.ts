export * from './beneficiary/beneficiary';
export * from './beneficiary/errors';
export type { CommandMetadata } from './command-metadata';
