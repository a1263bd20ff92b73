// Reports' pure rules: small-cell suppression (ADR 19) and what a request may ask.
export * from './suppression';
export * from './report-request';
