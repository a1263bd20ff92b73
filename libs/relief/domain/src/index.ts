export * from './errors';
export * from './relief-response/commands';
export * from './relief-response/events';
export * from './relief-response/relief-response';
export * from './relief-response/words';
