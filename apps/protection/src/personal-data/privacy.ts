import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { loadMasterKey, SERVICE_CONFIG, type ServiceConfig } from '@haven/platform/nest';
import {
  AccessLog,
  MASTER_KEY_ENV,
  MasterKeyConfigError,
  PersonKeyStore,
} from '@haven/platform/privacy';
import { DEFAULT_KEYS_DIR, ensureDevKeys } from '@haven/platform/security';
import { hkdfSync } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';

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
 * Protection's access to personal data: each person's data key (`privacy.person_keys`), the
 * access log, and a connection pool of their own for the transactions that write events with
 * them (an erasure destroys a key in the transaction that appends its event).
 *
 * In schema-only mode (HAVEN_SCHEMA_ONLY=1) nothing is read or opened: no master key, no pool.
 */
@Injectable()
export class Privacy implements OnApplicationShutdown {
  private readonly pool: Pool | null = null;
  private readonly keyStore: PersonKeyStore | null = null;
  private readonly log: AccessLog | null = null;
  private readonly matchKeyValue: Buffer | null = null;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    if (config.schemaOnly) return;
    // Read at startup, so that a missing or malformed master key stops the service at once.
    const masterKey = loadMasterKey();
    this.matchKeyValue = loadMatchKey();
    if (!config.databaseUrl) return;
    // Connects on first use, like the service's other pools.
    this.pool = new Pool({
      connectionString: config.databaseUrl,
      max: 5,
      application_name: `haven-${config.name}-privacy`,
      connectionTimeoutMillis: 5000,
    });
    // An idle connection that drops must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
    this.keyStore = new PersonKeyStore(this.pool, { masterKey });
    this.log = new AccessLog(this.pool);
  }

  get keys(): PersonKeyStore {
    return this.available(this.keyStore);
  }

  /** The key of the blind match keys of duplicate detection (never stored, never logged). */
  get matchKey(): Buffer {
    return this.available(this.matchKeyValue);
  }

  get accessLog(): AccessLog {
    return this.available(this.log);
  }

  /** A client for a transaction of the caller's (released by the caller). */
  connect(): Promise<PoolClient> {
    return this.available(this.pool).connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.end();
  }

  private available<T>(resource: T | null): T {
    if (!resource) throw new Error('Personal data is unavailable: the service has no database.');
    return resource;
  }
}
