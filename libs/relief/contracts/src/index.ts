export * from './relief-events';
export * from './notification-id';
