export * from './errors';
export * from './legal-case/legal-case.types';
export * from './legal-case/legal-case';
export * from './legal-case/evolve-legal-case';
export * from './legal-case/offender-status';
export * from './legal-case/limits';
export * from './advocacy/advocacy-action';
