export * from './case-notification/case-notification';
export * from './network-members/network-members';
export * from './prevention/prevention-activity';
export * from './errors';
export * from './vocabulary';
export { MAX_NAME_LENGTH, MAX_PLACE_LENGTH } from './checks';
export type { CommandMetadata } from '@haven/platform/domain';
export * from './recorded-by';
