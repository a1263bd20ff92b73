import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_CONFIG, type ServiceConfig } from '@haven/platform/nest';
import {
  AccessLog,
  MASTER_KEY_ENV,
  MasterKeyConfigError,
  masterKeyFromConfig,
  PersonKeyStore,
} from '@haven/platform/privacy';
import { DEFAULT_KEYS_DIR, ensureDevKeys } from '@haven/platform/security';
import { Pool } from 'pg';

/**
 * Relief's access to personal data, in the shared `privacy` schema: a relief recipient is a data
 * subject with a key of their own (the recipient's id), which seals the alias and whose
 * destruction erases it; and the access log every alias read is written to first.
 * HAVEN_MASTER_KEY is required in production; in development the local development master key.
 */
@Injectable()
export class ReliefPrivacy implements OnApplicationShutdown {
  private readonly pool: Pool | null = null;
  private readonly keyStore: PersonKeyStore | null = null;
  private readonly log: AccessLog | null = null;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    if (config.schemaOnly || !config.databaseUrl) return;
    const env = process.env;
    let material = env[MASTER_KEY_ENV]?.trim();
    if (!material) {
      if (env.NODE_ENV === 'production') {
        throw new MasterKeyConfigError(`In production ${MASTER_KEY_ENV} must be set.`);
      }
      material = ensureDevKeys(env.HAVEN_KEYS_DIR || DEFAULT_KEYS_DIR).masterKey;
    }
    const masterKey = masterKeyFromConfig({ [MASTER_KEY_ENV]: material });
    this.pool = new Pool({
      connectionString: config.databaseUrl,
      max: 3,
      application_name: `haven-${config.name}-privacy`,
      connectionTimeoutMillis: 5000,
    });
    this.pool.on('error', () => undefined);
    this.keyStore = new PersonKeyStore(this.pool, { masterKey });
    this.log = new AccessLog(this.pool);
  }

  get keys(): PersonKeyStore {
    if (!this.keyStore) throw new Error('Personal data is unavailable: no database.');
    return this.keyStore;
  }

  get accessLog(): AccessLog {
    if (!this.log) throw new Error('Personal data is unavailable: no database.');
    return this.log;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.end();
  }
}
