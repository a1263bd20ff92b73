// Forbidden: another service's domain. The spec expects @nx/enforce-module-boundaries to report it.
import type { AlphaCase } from '@haven/lint-fixtures/alpha-domain';

export const isOpen = (alphaCase: AlphaCase): boolean => alphaCase.status === 'open';
