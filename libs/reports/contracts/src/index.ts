// What other services and Kafka consumers may rely on about reports: stream ids and its
// integration events only, each versioned, with no personal data (ADR 14); and how a report line
// names a crossed breakdown, which the gateway's page and exports read.
export const REPORTS_INTEGRATION_EVENT_TYPES: readonly string[] = [];
export * from './crossed-lines';
