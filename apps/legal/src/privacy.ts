import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_CONFIG, type ServiceConfig } from '@haven/platform/nest';
import {
  AccessLog,
  MASTER_KEY_ENV,
  MasterKeyConfigError,
  masterKeyFromConfig,
  PersonKeyStore,
  type MasterKey,
} from '@haven/platform/privacy';
import { DEFAULT_KEYS_DIR, ensureDevKeys } from '@haven/platform/security';
import { Pool } from 'pg';

/** HAVEN_MASTER_KEY (required in production), else the local development master key. */
function masterKey(env: NodeJS.ProcessEnv = process.env): MasterKey {
  if (env[MASTER_KEY_ENV]?.trim()) return masterKeyFromConfig(env);
  if (env.NODE_ENV === 'production') {
    throw new MasterKeyConfigError(`In production ${MASTER_KEY_ENV} must be set.`);
  }
  const { masterKey: key } = ensureDevKeys(env.HAVEN_KEYS_DIR || DEFAULT_KEYS_DIR);
  if (!key) throw new MasterKeyConfigError(`No development master key: set ${MASTER_KEY_ENV}.`);
  return masterKeyFromConfig({ [MASTER_KEY_ENV]: key });
}

/**
 * Legal's access to personal data, in the shared `privacy` schema: each person's data key (an
 * offender is a data subject with a key of their own; a document is sealed with its
 * beneficiary's key, so erasing her shreds it) and the access log.
 */
@Injectable()
export class LegalPrivacy implements OnApplicationShutdown {
  private readonly pool: Pool | null = null;
  private readonly keyStore: PersonKeyStore | null = null;
  private readonly log: AccessLog | null = null;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    if (config.schemaOnly || !config.databaseUrl) return;
    const key = masterKey();
    this.pool = new Pool({
      connectionString: config.databaseUrl,
      max: 3,
      application_name: `haven-${config.name}-privacy`,
      connectionTimeoutMillis: 5000,
    });
    this.pool.on('error', () => undefined);
    this.keyStore = new PersonKeyStore(this.pool, { masterKey: key });
    this.log = new AccessLog(this.pool);
  }

  get keys(): PersonKeyStore {
    return this.available(this.keyStore);
  }

  get accessLog(): AccessLog {
    return this.available(this.log);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.end();
  }

  private available<T>(resource: T | null): T {
    if (!resource) throw new Error('Personal data is unavailable: the service has no database.');
    return resource;
  }
}
