export * from './vocabulary';
export * from './enrolment-events';
export * from './upcasters';
