export * from './decider';
export * from './domain-error';
export * as check from './checks';
export { isUuid, sameJson, type Money, EARLIEST_FACT_DATE } from './checks';
