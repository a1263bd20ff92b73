import { PersonKeyMissingError } from './errors';
import { decryptField, encryptField } from './field-cipher';
import type { PersonKeyStore, PrivacyQueryable } from './person-keys';

/**
 * A person's personal fields by name; null and undefined mean "no value". Each value is sealed
 * for the subject id in lower case and its field name here, so open it by the same name.
 */
export type PersonalFields = Record<string, string | null | undefined>;

/** The same fields, each string sealed (`pii:v1:…`), nulls and undefineds left as they are. */
export type SealedFields<T extends PersonalFields> = { [K in keyof T]: Sealed<T[K]> };
type Sealed<V> = V extends string ? string : V;

export interface OpenedFields<K extends PropertyKey> {
  /** The person's key was destroyed: every value is null, whatever was stored. */
  erased: boolean;
  values: Record<K, string | null>;
}

/**
 * Seals each present value with the person's data key, bound to its field name (creating the key
 * on first use, inside the caller's transaction when `client` is given). Throws
 * `PersonKeyDestroyedError` for an erased person. Makes no key when there is nothing to seal.
 */
export async function sealPersonalFields<T extends PersonalFields>(
  store: PersonKeyStore,
  subjectId: string,
  fields: T,
  client?: PrivacyQueryable,
): Promise<SealedFields<T>> {
  const entries = Object.entries(fields);
  if (!entries.some(([, value]) => typeof value === 'string')) {
    return { ...fields } as SealedFields<T>;
  }
  const key = await store.keyFor(subjectId, client);
  const bound = subjectId.toLowerCase();
  try {
    return Object.fromEntries(
      entries.map(([field, value]) => [
        field,
        typeof value === 'string' ? encryptField(key, value, { subjectId: bound, field }) : value,
      ]),
    ) as SealedFields<T>;
  } finally {
    key.fill(0);
  }
}

/**
 * Opens fields sealed by `sealPersonalFields` (absent values come back as null). When the
 * person's key was destroyed, `erased` is true and every value is null. Throws
 * `FieldDecryptionError` for a value that is not a sealed value of this person and field, and
 * `PersonKeyMissingError` for sealed values of a person who never had a key.
 */
export async function openPersonalFields<K extends string>(
  store: PersonKeyStore,
  subjectId: string,
  sealed: Readonly<Record<K, string | null | undefined>>,
  client?: PrivacyQueryable,
): Promise<OpenedFields<K>> {
  const entries = Object.entries<string | null | undefined>(sealed);
  const nothing = () =>
    Object.fromEntries(entries.map(([field]) => [field, null])) as Record<K, string | null>;
  const key = await store.existingKey(subjectId, client);
  if (!key) {
    if (await store.isDestroyed(subjectId, client)) return { erased: true, values: nothing() };
    if (entries.some(([, value]) => typeof value === 'string')) {
      throw new PersonKeyMissingError(subjectId);
    }
    return { erased: false, values: nothing() };
  }
  const bound = subjectId.toLowerCase();
  try {
    const values = Object.fromEntries(
      entries.map(([field, value]) => [
        field,
        typeof value === 'string' ? decryptField(key, value, { subjectId: bound, field }) : null,
      ]),
    ) as Record<K, string | null>;
    return { erased: false, values };
  } finally {
    key.fill(0);
  }
}
