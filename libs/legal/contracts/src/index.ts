export * from './words';
export * from './legal-case-events';
