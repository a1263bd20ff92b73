import type { AgeAssessmentMethod, PersonalField } from '@haven/protection/domain';

/** Personal details as the API takes and gives them, before sealing and after opening. */
export interface PersonalValues {
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
  phone: string | null;
  address: string | null;
  identityDocumentNumber: string | null;
  notes: string | null;
  documentedAge: number | null;
  assessedAge: number | null;
  ageAssessmentMethod: AgeAssessmentMethod | null;
  nationality: string | null;
  ethnicity: string | null;
  languages: string[] | null;
}

const NUMERIC: ReadonlySet<PersonalField> = new Set(['documentedAge', 'assessedAge']);

/**
 * One value as the string that is sealed: a sealed field is always text, so ages are their
 * digits and the languages one JSON array. Absent stays absent.
 */
export function encodePersonalValue(
  field: PersonalField,
  value: PersonalValues[PersonalField] | undefined,
): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (field === 'languages') return JSON.stringify(value);
  if (NUMERIC.has(field)) return String(value);
  return value as string;
}

/** The API value of a field opened from its sealed string. */
export function decodePersonalValue<Field extends PersonalField>(
  field: Field,
  value: string | null,
): PersonalValues[Field] {
  if (value === null) return null as PersonalValues[Field];
  if (field === 'languages') return JSON.parse(value) as PersonalValues[Field];
  if (NUMERIC.has(field)) return Number(value) as PersonalValues[Field];
  return value as PersonalValues[Field];
}
