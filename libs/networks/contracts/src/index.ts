export * from './case-notifications';
export * from './partner-organisations';
