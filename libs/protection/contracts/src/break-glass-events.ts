/**
 * Break-glass access: a caseworker reaching, for a limited time, a beneficiary outside their
 * scope, with a stated reason. Each grant is a stream of its own, `breakglass-<uuid>`.
 */

export const BREAK_GLASS_CATEGORY = 'breakglass';

export function breakGlassStreamId(grantId: string): string {
  return `${BREAK_GLASS_CATEGORY}-${grantId}`;
}

/**
 * A principal was granted access to one beneficiary outside their scope until `expiresAt`.
 * `reason` is an operational justification, stored in clear: it never holds personal data.
 */
export type BreakGlassAccessGranted = {
  type: 'BreakGlassAccessGranted';
  data: {
    grantId: string;
    beneficiaryId: string;
    /** The beneficiary's country when granted: country managers review the grants of theirs. */
    country: string;
    /** The user id the grant is for, and the role it was asked in. */
    subject: string;
    role: string;
    organisationId: string | null;
    reason: string;
    /** ISO 8601 instants. */
    grantedAt: string;
    expiresAt: string;
  };
};

export type BreakGlassEvent = BreakGlassAccessGranted;
