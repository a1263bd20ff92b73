export * from './enrolment/enrolment';
export * from './enrolment/enrolment-types';
export * from './errors';
export * from './enrolment/service-details';
