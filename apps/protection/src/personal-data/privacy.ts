import { Inject, Injectable } from '@nestjs/common';
import {
  loadMasterKey,
  PersonalData,
  SERVICE_CONFIG,
  type ServiceConfig,
} from '@haven/platform/nest';
import { MASTER_KEY_ENV, MasterKeyConfigError } from '@haven/platform/privacy';
import { DEFAULT_KEYS_DIR, ensureDevKeys } from '@haven/platform/security';
import { hkdfSync } from 'node:crypto';

export const MATCH_KEY_ENV = 'HAVEN_MATCH_KEY';
const MATCH_KEY_BYTES = 32;
// Separates the match key from every other use of the master key material.
const MATCH_KEY_INFO = 'haven.beneficiary-match-key.v1';

/**
 * The key of the blind match keys duplicate detection compares (HMAC-SHA256): HAVEN_MATCH_KEY
 * (base64 of 32 bytes) when set, so that it can be rotated on its own; otherwise derived with
 * HKDF-SHA256 from the master key material (HAVEN_MASTER_KEY, or the development one). Without
 * it, a match key cannot be recomputed from a guessed name and birth date.
 */
export function loadMatchKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const own = env[MATCH_KEY_ENV]?.trim();
  if (own) {
    const key = Buffer.from(own, 'base64');
    if (key.length !== MATCH_KEY_BYTES) {
      throw new MasterKeyConfigError(
        `${MATCH_KEY_ENV} must be ${MATCH_KEY_BYTES} random bytes in base64 (openssl rand -base64 32).`,
      );
    }
    return key;
  }
  // Validated (and, in production, required) by loadMasterKey first.
  loadMasterKey(env);
  const material =
    env[MASTER_KEY_ENV]?.trim() || ensureDevKeys(env.HAVEN_KEYS_DIR || DEFAULT_KEYS_DIR).masterKey;
  const ikm = Buffer.from(material ?? '', 'base64');
  try {
    return Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), MATCH_KEY_INFO, MATCH_KEY_BYTES));
  } finally {
    ikm.fill(0);
  }
}

/**
 * Protection's access to personal data: the kit's (each person's data key, the access log, a pool
 * of their own for the transactions that write events with them: an erasure destroys a key in the
 * transaction that appends its event), and the key of duplicate detection's blind match keys.
 *
 * In schema-only mode (HAVEN_SCHEMA_ONLY=1) nothing is read or opened: no master key, no pool.
 */
@Injectable()
export class Privacy extends PersonalData {
  private readonly matchKeyValue: Buffer | null;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    super(config);
    // Read at startup, so that a malformed key stops the service at once.
    this.matchKeyValue = config.schemaOnly ? null : loadMatchKey();
  }

  /** The key of the blind match keys of duplicate detection (never stored, never logged). */
  get matchKey(): Buffer {
    if (!this.matchKeyValue) throw new Error('Personal data is unavailable in schema-only mode.');
    return this.matchKeyValue;
  }
}
