export * from './vocabulary';
export * from './enrolment-events';
