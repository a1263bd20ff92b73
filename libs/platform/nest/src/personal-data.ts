// A service's access to personal data: the master key, each person's data key and the access
// log, in the shared `privacy` schema. Every programme that seals personal data provides
// `PersonalData` instead of opening its own pool and key store.
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  AccessLog,
  MASTER_KEY_ENV,
  MasterKeyConfigError,
  masterKeyFromConfig,
  PersonKeyStore,
  type MasterKey,
} from '@haven/platform/privacy';
import { DEFAULT_KEYS_DIR, ensureDevKeys } from '@haven/platform/security';
import { Pool, type PoolClient } from 'pg';
import { SERVICE_CONFIG, type ServiceConfig } from './config';

/**
 * The master key that wraps every person's data key: HAVEN_MASTER_KEY, required in production.
 * In development, without it, the local development master key (created with the other
 * development keys in HAVEN_KEYS_DIR, default .data/keys).
 */
export function loadMasterKey(env: NodeJS.ProcessEnv = process.env): MasterKey {
  if (env[MASTER_KEY_ENV]?.trim()) return masterKeyFromConfig(env);
  if (env.NODE_ENV === 'production') {
    throw new MasterKeyConfigError(
      `In production ${MASTER_KEY_ENV} must be set: 32 random bytes in base64 (openssl rand -base64 32).`,
    );
  }
  const dir = env.HAVEN_KEYS_DIR || DEFAULT_KEYS_DIR;
  const { masterKey } = ensureDevKeys(dir);
  if (!masterKey) {
    throw new MasterKeyConfigError(
      `The development keys in ${dir} have no master key: delete dev-keys.json there to make new ones, or set ${MASTER_KEY_ENV}.`,
    );
  }
  return masterKeyFromConfig({ [MASTER_KEY_ENV]: masterKey });
}

/**
 * Each person's data key (`privacy.person_keys`: a beneficiary, an offender, a relief recipient
 * is a data subject with a key of their own, whose destruction erases what it sealed) and the
 * access log every read of personal data is written to first, on a small pool of their own.
 *
 * The master key is read at startup, so that a missing or malformed one stops the service at
 * once. In schema-only mode (HAVEN_SCHEMA_ONLY=1) nothing is read or opened.
 */
@Injectable()
export class PersonalData implements OnApplicationShutdown {
  private readonly pool: Pool | null = null;
  private readonly keyStore: PersonKeyStore | null = null;
  private readonly log: AccessLog | null = null;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    if (config.schemaOnly) return;
    const masterKey = loadMasterKey();
    if (!config.databaseUrl) return;
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
