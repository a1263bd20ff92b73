// Reports' pure rules: small-cell suppression (ADR 16) and what a request may ask.
export * from './suppression';
export * from './report-request';
