import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Pool } from 'pg';
import {
  ACCESS_LOG_LEAVES,
  EVENT_STORE_LEAVES,
  signerFromEnv,
  TreeFollower,
  TreeStore,
  type CheckpointSigner,
} from '@haven/platform/audit';
import { describeError, SERVICE_CONFIG, type ServiceConfig } from '@haven/platform/nest';
import { AccessLog } from '@haven/platform/privacy';

/**
 * The audit service's own plumbing: a pool for the audit and event tables, the access log, the
 * checkpoint signer, and the follower that keeps the event log's Merkle tree (docs/adr/0016).
 * The follower runs here, beside the log and never in its append path; HAVEN_AUDIT_FOLLOWER=off
 * leaves it to another instance. It signs every HAVEN_AUDIT_CHECKPOINT_EVERY leaves (1000) or
 * HAVEN_AUDIT_CHECKPOINT_SECONDS (60), whichever comes first, and when the service stops.
 */
@Injectable()
export class AuditLogService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private pool: Pool | null = null;
  private signerValue: CheckpointSigner | null = null;
  private follower: TreeFollower | null = null;
  /** The access log's own tree and checkpoints (log `access_log`), kept the same way. */
  private accessFollower: TreeFollower | null = null;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {
    if (config.databaseUrl && !config.schemaOnly) {
      this.pool = new Pool({
        connectionString: config.databaseUrl,
        max: 5,
        application_name: 'haven-audit',
        connectionTimeoutMillis: 5000,
      });
      this.pool.on('error', () => undefined);
      this.signerValue = signerFromEnv(process.env);
      if (process.env.HAVEN_AUDIT_FOLLOWER !== 'off') {
        const options = (name: string) => ({
          checkpointEveryLeaves: positive(process.env.HAVEN_AUDIT_CHECKPOINT_EVERY, 1000),
          checkpointIntervalMs: positive(process.env.HAVEN_AUDIT_CHECKPOINT_SECONDS, 60) * 1000,
          onError: (error: Error) =>
            this.logger.warn(`${name} follower: ${describeError(error)}; retrying`),
        });
        this.follower = new TreeFollower(
          this.pool,
          EVENT_STORE_LEAVES,
          this.signerValue,
          options('tree'),
        );
        this.accessFollower = new TreeFollower(
          this.pool,
          ACCESS_LOG_LEAVES,
          this.signerValue,
          options('access log'),
        );
      }
    }
  }

  get db(): Pool {
    if (!this.pool) throw new Error('The audit service has no database (DATABASE_URL).');
    return this.pool;
  }

  get signer(): CheckpointSigner {
    if (!this.signerValue) throw new Error('The audit service has no signing key.');
    return this.signerValue;
  }

  get tree(): TreeStore {
    return new TreeStore(this.db, EVENT_STORE_LEAVES.log);
  }

  get accessLog(): AccessLog {
    return new AccessLog(this.db);
  }

  onApplicationBootstrap(): void {
    this.follower?.start();
    this.accessFollower?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.accessFollower?.stop();
      const last = await this.follower?.stop();
      if (last) this.logger.log(`signed a checkpoint at shutdown (size ${last.size})`);
    } catch (error) {
      this.logger.warn(`no checkpoint at shutdown: ${describeError(error)}`);
    }
    await this.pool?.end();
  }
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
