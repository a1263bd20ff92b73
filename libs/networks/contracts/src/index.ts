export * from './agents-of-change';
export * from './case-notifications';
export * from './partner-organisations';
export * from './prevention-activities';
export * from './watchdogs';
export * from './womens-groups';
export * from './upcasters';
