/**
 * Networks' register of partner organisations, as other services may follow it on the log
 * (schema version 1): empowerment checks a job placement's employer against it, never by a call.
 * An organisation's name is not personal data.
 */

/** Stream category of a partner organisation: `partnerorganisation-<uuid>`. */
export const PARTNER_ORGANISATION_CATEGORY = 'partnerorganisation';

export type PartnerOrganisationRegistered = {
  type: 'PartnerOrganisationRegistered';
  data: {
    partnerOrganisationId: string;
    name: string;
    /** Networks' kind of partner (a business, an NGO, a law firm, …). */
    kind: string;
    /** The country of operation whose network registered it. */
    country: string;
    /** ISO 8601 instant. */
    registeredAt: string;
  };
};
