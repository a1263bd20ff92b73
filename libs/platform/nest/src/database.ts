import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PostgresEventStore, type EventStore, type Upcaster } from '@haven/platform/event-store';
import { ProjectionRunner, type Projection } from '@haven/platform/projections';
import { DataSource, type EntitySchema } from 'typeorm';
import type { Pool, PoolClient } from 'pg';
import { SERVICE_CONFIG, type ServiceConfig } from './config';
import { describeError } from './errors';

export interface DatabaseOptions {
  /** The service's TypeORM entities (its read models). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: Array<Function | EntitySchema>;
  /** The projections that feed them, each run by its own ProjectionRunner. */
  projections?: readonly Projection[];
  /**
   * Reactors: projections that append events rather than write rows (a process manager, e.g.
   * protection opening a case for each referral), made with the service's event store. Run,
   * restarted and reported by `/health/ready` like the projections; read-your-writes does not
   * wait for them.
   */
  reactors?: ReadonlyArray<(eventStore: EventStore) => Projection>;
  /**
   * Upcasters for the stored shapes of the events this service reads (its own, and the
   * contracts' it follows): every read through its store, projections included, sees the
   * current shapes.
   */
  upcasters?: readonly Upcaster[];
}

export const DATABASE_OPTIONS = Symbol('haven.database-options');
/** The event store port (`EventStore`), for command handlers. */
export const EVENT_STORE = Symbol('haven.event-store');

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5000;
const RUNNER_RESTART_MS = 5000;

/**
 * A service's database: one TypeORM DataSource over DATABASE_URL for its read models, one event
 * store, and its projection runners.
 *
 * Connecting is lazy and never stops the app from starting: on bootstrap it tries once, and when
 * the database cannot be reached it keeps trying in the background (250 ms doubling to 5 s) while
 * `/health/ready` answers 503. With HAVEN_SCHEMA_ONLY=1, or without DATABASE_URL, it never
 * connects at all. A projection runner that fails is restarted after 5 s (readiness shows it).
 * Migrations are not run here: `npm run db:migrate` (tools/migrate.ts) does that before services
 * start.
 */
@Injectable()
export class ServiceDatabase implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly dataSource: DataSource;
  readonly eventStore: PostgresEventStore;
  /** Every runner, projections first, then reactors (health reports them all). */
  readonly runners: readonly ProjectionRunner[];
  private readonly projectionRunners: readonly ProjectionRunner[];
  private readonly logger = new Logger('Database');
  private connected = false;
  private stopped = false;
  private lastError: string | undefined;
  private connecting: Promise<void> | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(DATABASE_OPTIONS) options: DatabaseOptions,
  ) {
    const url = config.databaseUrl;
    this.dataSource = new DataSource({
      type: 'postgres',
      url,
      entities: options.entities ?? [],
      applicationName: `haven-${config.name}`,
      poolSize: 10,
      connectTimeoutMS: 5000,
      logging: false,
    });
    // Constructing the store and the runners opens nothing: pools connect on first use.
    this.eventStore = new PostgresEventStore({
      connectionString: url ?? 'postgres://unconfigured.invalid/none',
      poolSize: 5,
      upcasters: options.upcasters ?? [],
      pool: { application_name: `haven-${config.name}-events`, connectionTimeoutMillis: 5000 },
    });
    const runnerOf = (projection: Projection) =>
      new ProjectionRunner(this.eventStore, this.dataSource, projection, {
        onError: (error) => this.logger.error(error.message),
      });
    this.projectionRunners = (options.projections ?? []).map(runnerOf);
    this.runners = [
      ...this.projectionRunners,
      ...(options.reactors ?? []).map((reactor) => runnerOf(reactor(this.eventStore))),
    ];
  }

  /**
   * A client of the read models' pool, for writes that commit in one transaction with an append
   * (the event store shares the database). The caller releases it.
   */
  transactionClient(): Promise<PoolClient> {
    // TypeORM's PostgreSQL driver keeps a pg Pool as `master`; it exists once initialised.
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) return Promise.reject(new Error('The database is not connected yet.'));
    return pool.connect();
  }

  /** Why the database cannot be used now, or undefined once it is connected. */
  unavailableReason(): string | undefined {
    if (this.config.schemaOnly) return 'schema-only mode (HAVEN_SCHEMA_ONLY=1): no database';
    if (!this.config.databaseUrl) return 'DATABASE_URL is not set';
    if (!this.connected) {
      return `database not connected yet${this.lastError ? ` (last attempt: ${this.lastError})` : ''}`;
    }
    return undefined;
  }

  /**
   * Resolves once every projection of this service has applied the log up to `position` (read
   * your writes); rejects after `timeoutMs` or when a projection fails.
   */
  async waitForProjections(position: number, timeoutMs = 5000): Promise<void> {
    await Promise.all(this.projectionRunners.map((runner) => runner.waitFor(position, timeoutMs)));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.schemaOnly) {
      this.logger.log('HAVEN_SCHEMA_ONLY=1: not connecting to any database');
      return;
    }
    if (!this.config.databaseUrl) {
      this.logger.warn('DATABASE_URL is not set: not connecting to any database');
      return;
    }
    this.connecting = this.connect(FIRST_RETRY_MS);
    await this.connecting;
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.connecting;
    await Promise.all(this.runners.map((runner) => runner.stop()));
    await this.eventStore.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    this.connected = false;
    this.logger.log(
      `stopped${signal ? ` on ${signal}` : ''}: projections stopped, connections closed`,
    );
  }

  private async connect(retryMs: number): Promise<void> {
    if (this.stopped) return;
    try {
      await this.dataSource.initialize();
    } catch (error) {
      this.lastError = describeError(error);
      this.logger.warn(
        `database unreachable (${this.lastError}); retrying in ${retryMs} ms, not ready meanwhile`,
      );
      this.later(retryMs, () => {
        this.connecting = this.connect(Math.min(retryMs * 2, MAX_RETRY_MS));
      });
      return;
    }
    this.connected = true;
    this.lastError = undefined;
    this.logger.log('database connected');
    await Promise.all(this.runners.map((runner) => this.startRunner(runner)));
  }

  private async startRunner(runner: ProjectionRunner): Promise<void> {
    if (this.stopped) return;
    try {
      await runner.start();
    } catch (error) {
      this.logger.warn(`a projection could not start (${describeError(error)}); retrying`);
      this.later(RUNNER_RESTART_MS, () => void this.startRunner(runner));
      return;
    }
    runner.done.catch(() => {
      if (this.stopped) return;
      // Its error was logged by onError; a passing fault (a dropped connection) heals this way.
      this.later(RUNNER_RESTART_MS, () => void this.startRunner(runner));
    });
  }

  private later(ms: number, work: () => void): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work();
    }, ms);
    // Retries never keep a process alive on their own (a composition script, a test).
    timer.unref();
    this.timers.add(timer);
  }
}
