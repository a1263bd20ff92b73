export * from './beneficiary/beneficiary';
export * from './beneficiary/errors';
export * from './break-glass/break-glass';
export * from './case/protection-case';
export * from './case/errors';
export type { CommandMetadata } from '@haven/platform/domain';
