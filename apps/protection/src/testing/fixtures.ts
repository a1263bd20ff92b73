// Shared by protection's service specs: personal details and their queries, the callers,
// registering a beneficiary, and reading a stream's event types.
import { randomBytes, randomInt } from 'node:crypto';
import type { Principal } from '@haven/platform/security';
import type { TestService } from '@haven/platform/nest/testing';
import { PERSONAL_FIELDS } from '@haven/protection/contracts';
import type { Client } from 'pg';

/** Personal details no other test uses, so that finding them anywhere means a leak of these. */
export function somePersonalDetails(): Record<string, string> {
  const tag = randomBytes(4).toString('hex');
  const digits = String(randomInt(10_000_000, 99_999_999));
  return {
    givenName: `Malivanh${tag}`,
    familyName: `Sisouphanh-${tag}`,
    dateOfBirth: `20${randomInt(10, 19)}-0${randomInt(1, 10)}-${randomInt(10, 29)}`,
    phone: `+856 20 ${digits}`,
    address: `${randomInt(1, 99)} Ban Nongbone Road ${tag}, Vientiane`,
    identityDocumentNumber: `LA-P${digits}`,
    notes: `Met at the shelter ${tag}; speaks Lao`,
    nationality: `Lao-${tag}`,
    ethnicity: `Hmong-${tag}`,
  };
}

/**
 * Personal details as a read returns them when `given` were registered: every other field null.
 * (Ages and languages are not in somePersonalDetails: its values are searched for as strings.)
 */
export function asRead(given: Record<string, unknown>, erased = false): Record<string, unknown> {
  const absent = Object.fromEntries(PERSONAL_FIELDS.map((field) => [field, null]));
  return { ...absent, ...given, erased };
}

export const PERSONAL_SELECTION =
  'givenName familyName dateOfBirth phone address identityDocumentNumber notes documentedAge ' +
  'assessedAge ageAssessmentMethod nationality ethnicity languages erased';

export const REGISTER = `
  mutation Register($input: RegisterBeneficiaryInput!) {
    registerBeneficiary(input: $input) {
      beneficiaryId
      streamVersion
      beneficiary { id referenceCode personalDetails(purpose: "intake") { ${PERSONAL_SELECTION} } }
    }
  }`;

export interface Registered {
  registerBeneficiary: {
    beneficiaryId: string;
    streamVersion: number;
    beneficiary: {
      id: string;
      referenceCode: string;
      personalDetails: Record<string, string | boolean | null> | null;
    } | null;
  } | null;
}

export const READ_PERSONAL = `
  query Read($id: ID!, $purpose: String) {
    beneficiary(id: $id) { id referenceCode personalDetails(purpose: $purpose) { ${PERSONAL_SELECTION} } }
  }`;

export interface ReadPersonal {
  beneficiary: {
    id: string;
    referenceCode: string;
    personalDetails: Record<string, string | boolean | null> | null;
  } | null;
}

export const officer = (countries: string[], subject = 'officer-th'): Principal => ({
  subject,
  role: 'protection_officer',
  countries,
  organisationId: 'alliance',
});

export const partner = (organisationId: string): Principal => ({
  subject: `partner-${organisationId}`,
  role: 'partner',
  countries: [],
  organisationId,
});

export const auditor: Principal = {
  subject: 'auditor-1',
  role: 'auditor',
  countries: 'all',
  organisationId: null,
};

export const admin = (subject: string): Principal => ({
  subject,
  role: 'admin',
  countries: 'all',
  organisationId: null,
});

/**
 * Registers a beneficiary (as an admin unless `as` says otherwise) and returns its id, reading
 * nothing back (so it writes no access log entry).
 */
export async function registerBeneficiary(
  service: TestService,
  input: Record<string, unknown>,
  as?: Principal,
): Promise<string> {
  const response = await service.graphql<Registered>(
    'mutation ($input: RegisterBeneficiaryInput!) { registerBeneficiary(input: $input) { beneficiaryId } }',
    { input },
    {},
    as ? { as } : {},
  );
  if (response.body.errors) {
    throw new Error(`registration failed: ${JSON.stringify(response.body.errors)}`);
  }
  return response.body.data!.registerBeneficiary!.beneficiaryId;
}

/** The types of one stream's events, in order. */
export async function eventTypesOf(sql: Client, streamId: string): Promise<string[]> {
  const { rows } = await sql.query<{ type: string }>(
    'SELECT type FROM event_store.events WHERE stream_id = $1 ORDER BY stream_version',
    [streamId],
  );
  return rows.map((row) => row.type);
}
