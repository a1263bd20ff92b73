export * from './beneficiary-events';
export * from './break-glass-events';
export * from './case-events';
export * from './upcasters';
