import type { OffenderKind, OffenderStatus } from '@haven/legal/contracts';

/** Statuses that only a verdict sets (recorded with the verdict, never by hand). */
export const VERDICT_STATUSES: readonly OffenderStatus[] = ['SENTENCED', 'FINED', 'ACQUITTED'];

/**
 * Where an offender may go from each status. Dismissed, fined and acquitted are final; a
 * sentenced offender may still escape. Everything else follows the course of proceedings.
 */
export const OFFENDER_TRANSITIONS: Readonly<Record<OffenderStatus, readonly OffenderStatus[]>> = {
  UNDER_INVESTIGATION: [
    'WARRANT_ISSUED',
    'ON_BAIL',
    'IN_CUSTODY',
    'IN_JUVENILE_DETENTION',
    'FUGITIVE',
    'PROCEEDINGS_SUSPENDED',
    'DISMISSED',
    'FINED',
  ],
  WARRANT_ISSUED: [
    'ON_BAIL',
    'IN_CUSTODY',
    'IN_JUVENILE_DETENTION',
    'FUGITIVE',
    'PROCEEDINGS_SUSPENDED',
    'DISMISSED',
  ],
  ON_BAIL: [
    'IN_CUSTODY',
    'IN_JUVENILE_DETENTION',
    'FUGITIVE',
    'PROCEEDINGS_SUSPENDED',
    'DISMISSED',
    'FINED',
    'ACQUITTED',
    'SENTENCED',
  ],
  IN_CUSTODY: ['ON_BAIL', 'PROCEEDINGS_SUSPENDED', 'DISMISSED', 'FINED', 'ACQUITTED', 'SENTENCED'],
  IN_JUVENILE_DETENTION: [
    'ON_BAIL',
    'PROCEEDINGS_SUSPENDED',
    'DISMISSED',
    'FINED',
    'ACQUITTED',
    'SENTENCED',
  ],
  FUGITIVE: ['WARRANT_ISSUED', 'IN_CUSTODY', 'IN_JUVENILE_DETENTION', 'PROCEEDINGS_SUSPENDED'],
  PROCEEDINGS_SUSPENDED: [
    'UNDER_INVESTIGATION',
    'WARRANT_ISSUED',
    'ON_BAIL',
    'IN_CUSTODY',
    'DISMISSED',
  ],
  FINED: [],
  DISMISSED: [],
  ACQUITTED: [],
  SENTENCED: ['FUGITIVE'],
};

const PERSON_ONLY: readonly OffenderStatus[] = [
  'WARRANT_ISSUED',
  'ON_BAIL',
  'IN_CUSTODY',
  'IN_JUVENILE_DETENTION',
  'FUGITIVE',
];

export function isMinor(kind: OffenderKind): boolean {
  return kind === 'MINOR_MALE' || kind === 'MINOR_FEMALE';
}

/** Whether an offender of `kind` may be in `status` at all (before any transition rule). */
export function statusFits(kind: OffenderKind, status: OffenderStatus): 'ok' | 'company' | 'adult' {
  if (kind === 'COMPANY' && PERSON_ONLY.includes(status)) return 'company';
  if (status === 'IN_JUVENILE_DETENTION' && !isMinor(kind)) return 'adult';
  return 'ok';
}
