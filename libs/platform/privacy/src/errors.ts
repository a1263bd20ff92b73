/**
 * Base class of the privacy library's typed errors; `code` is stable for callers to switch on.
 * No message ever contains personal data or key material.
 */
export abstract class PrivacyError extends Error {
  abstract readonly code: string;
}

/**
 * A sealed personal field could not be opened: it is malformed, was altered, or was sealed for
 * another person or another field (or with another key).
 */
export class FieldDecryptionError extends PrivacyError {
  readonly code = 'FIELD_DECRYPTION_FAILED';
  constructor(readonly reason: 'malformed' | 'not-authentic') {
    super(
      reason === 'malformed'
        ? 'A personal field could not be decrypted: it is not a sealed value (pii:v1).'
        : 'A personal field could not be decrypted: it was altered, or sealed for another person, field or key.',
    );
    this.name = 'FieldDecryptionError';
  }
}

/** The person's data key was destroyed (their personal data is erased): nothing can be sealed or opened. */
export class PersonKeyDestroyedError extends PrivacyError {
  readonly code = 'PERSON_KEY_DESTROYED';
  constructor(readonly subjectId: string) {
    super(`The data key of subject ${subjectId} was destroyed: their personal data is erased.`);
    this.name = 'PersonKeyDestroyedError';
  }
}

/**
 * Sealed data exists for a person who has no key row at all, neither live nor destroyed: the
 * key was lost (e.g. created in a transaction that rolled back while the data committed).
 */
export class PersonKeyMissingError extends PrivacyError {
  readonly code = 'PERSON_KEY_MISSING';
  constructor(readonly subjectId: string) {
    super(`Subject ${subjectId} has sealed personal data but no data key.`);
    this.name = 'PersonKeyMissingError';
  }
}

/** HAVEN_MASTER_KEY is missing or malformed. The message names the variable, never its value. */
export class MasterKeyConfigError extends PrivacyError {
  readonly code = 'MASTER_KEY_CONFIG';
  constructor(message: string) {
    super(message);
    this.name = 'MasterKeyConfigError';
  }
}

/** A wrapped data key could not be unwrapped: it was altered, or wrapped by another master key. */
export class KeyUnwrapError extends PrivacyError {
  readonly code = 'KEY_UNWRAP_FAILED';
  constructor(readonly masterKeyId: string) {
    super(
      `A data key could not be unwrapped with master key ${masterKeyId}: it was altered or wrapped by another master key.`,
    );
    this.name = 'KeyUnwrapError';
  }
}

/** A data key was wrapped by a master key this process does not have (rotated away, or misconfigured). */
export class UnknownMasterKeyError extends PrivacyError {
  readonly code = 'UNKNOWN_MASTER_KEY';
  constructor(readonly masterKeyId: string) {
    super(
      `A data key is wrapped by master key ${masterKeyId}, which this process was not given (HAVEN_MASTER_KEY).`,
    );
    this.name = 'UnknownMasterKeyError';
  }
}
