import { createHmac } from 'node:crypto';
import type { DuplicateReason } from '@haven/protection/domain';

export interface MatchKey {
  kind: DuplicateReason;
  key: Buffer;
}

/**
 * A name as duplicate detection compares it: lower case, accents stripped, the words in
 * alphabetical order, so that "Nguyễn Thị Lan", "lan nguyen thi" and "Thi Lan NGUYEN" agree.
 */
export function normaliseName(...parts: Array<string | null | undefined>): string {
  return parts
    .filter((part): part is string => typeof part === 'string')
    .join(' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ');
}

/**
 * Blind match keys of a person (HMAC-SHA256 under the match key): the normalised name with the
 * date of birth, and with the birth year. Equal keys mean equal inputs, but without the match
 * key nothing can be learned from them. None without a name and a date of birth.
 */
export function matchKeysOf(
  matchKey: Buffer,
  personal: {
    givenName?: string | null;
    familyName?: string | null;
    dateOfBirth?: string | null;
  },
): MatchKey[] {
  const name = normaliseName(personal.givenName, personal.familyName);
  const dateOfBirth = personal.dateOfBirth;
  if (!name || !dateOfBirth) return [];
  const blind = (...parts: string[]) =>
    createHmac('sha256', matchKey).update(parts.join('\u0000'), 'utf8').digest();
  return [
    { kind: 'SAME_NAME_AND_DATE_OF_BIRTH', key: blind('name+dob', name, dateOfBirth) },
    { kind: 'SAME_NAME_AND_BIRTH_YEAR', key: blind('name+year', name, dateOfBirth.slice(0, 4)) },
  ];
}
