export * from './case-notifications';
