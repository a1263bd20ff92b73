// Allowed: another service's contracts.
import type { AlphaCaseOpened } from '@haven/lint-fixtures/alpha-contracts';

export const describeOpened = (event: AlphaCaseOpened): string => `case ${event.caseId} opened`;
