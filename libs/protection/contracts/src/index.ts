export * from './beneficiary-events';
