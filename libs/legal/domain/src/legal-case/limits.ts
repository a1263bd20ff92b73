// The hard caps on what one legal case holds. The case's parts and their histories are read as
// plain lists (its service occasions, which grow for as long as the case runs, come in pages),
// so each list is bounded here: far above what the alliance's cases hold, low enough that the
// API may price each list at its cap and a case with all its parts stays one affordable query.
import { domainError } from '@haven/platform/domain';

export const LEGAL_CASE_LIMITS = Object.freeze({
  /** Beneficiaries on one case (a raid's victims in one prosecution). */
  parties: 50,
  /** Offenders on one case (a ring, its recruiters, its company). */
  offenders: 20,
  /** Documents of age and identity on one case (several per party). */
  documents: 50,
  /** Compensation claims on one case (one per party and source, a few parties). */
  claims: 30,
  /** Status changes of one offender, the verdict's included. */
  statusChanges: 20,
  /** Verifications in one document's chain (family, officials, a court, an embassy, again). */
  verifications: 6,
  /** Payments received on one claim (monthly instalments for a year). */
  payments: 12,
});

const L = LEGAL_CASE_LIMITS;
const capped = (code: string, message: string) => domainError('conflict', code, message);

export const TooManyParties = capped(
  'TOO_MANY_PARTIES',
  `A legal case has at most ${L.parties} beneficiaries.`,
);
export const TooManyOffenders = capped(
  'TOO_MANY_OFFENDERS',
  `A legal case has at most ${L.offenders} offenders.`,
);
export const TooManyDocuments = capped(
  'TOO_MANY_DOCUMENTS',
  `A legal case holds at most ${L.documents} documents of age or identity.`,
);
export const TooManyClaims = capped(
  'TOO_MANY_CLAIMS',
  `A legal case holds at most ${L.claims} compensation claims.`,
);
export const TooManyStatusChanges = capped(
  'TOO_MANY_STATUS_CHANGES',
  `An offender's status changes at most ${L.statusChanges} times, the verdict's included.`,
);
export const TooManyVerifications = capped(
  'TOO_MANY_VERIFICATIONS',
  `A document's chain holds at most ${L.verifications} verifications.`,
);
export const TooManyPayments = capped(
  'TOO_MANY_PAYMENTS',
  `A compensation claim takes at most ${L.payments} payments.`,
);
