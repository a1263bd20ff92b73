import { Controller, Get, Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { SERVICE_CONFIG, type ServiceConfig } from './config';
import { ServiceDatabase } from './database';
import { describeError } from './errors';

export interface ProjectionHealth {
  name: string;
  state: 'stopped' | 'running' | 'failed';
  /** The last global position in the read model; null until known. */
  checkpoint: number | null;
  /** Events of the log not projected yet, and the age of the oldest; null when unknown. */
  lagPositions: number | null;
  lagSeconds: number | null;
}

export interface HealthReport {
  service: string;
  ready: boolean;
  /** Why the service is not ready; absent when it is. */
  reason?: string;
  database: 'up' | 'down';
  projections: ProjectionHealth[];
}

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} took over ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Readiness: the database answers `SELECT 1`, and every projection runs with its oldest
 * unprojected event younger than HAVEN_READY_MAX_LAG_SECONDS. The report names positions and
 * error codes, never data or connection strings.
 */
@Injectable()
export class HealthService {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(ServiceDatabase) private readonly database: ServiceDatabase,
  ) {}

  async check(): Promise<HealthReport> {
    const service = this.config.name;
    const statuses = this.database.runners.map((runner) => runner.status());
    const unknown = statuses.map(({ name, state, checkpoint }): ProjectionHealth => ({
      name,
      state,
      checkpoint,
      lagPositions: null,
      lagSeconds: null,
    }));
    const down = (reason: string): HealthReport => ({
      service,
      ready: false,
      reason,
      database: 'down',
      projections: unknown,
    });

    const unavailable = this.database.unavailableReason();
    if (unavailable) return down(unavailable);
    try {
      await withTimeout(this.database.dataSource.query('SELECT 1'), 'SELECT 1');
    } catch (error) {
      return down(`database unreachable (${describeError(error)})`);
    }

    const projections: ProjectionHealth[] = [];
    const problems: string[] = [];
    for (const [index, runner] of this.database.runners.entries()) {
      const status = statuses[index];
      let lag: { positions: number; seconds: number } | null = null;
      try {
        lag = await withTimeout(runner.lag(), `the lag of ${status.name}`);
      } catch (error) {
        problems.push(`projection ${status.name}: lag unknown (${describeError(error)})`);
      }
      projections.push({
        ...unknown[index],
        lagPositions: lag?.positions ?? null,
        lagSeconds: lag ? Math.round(lag.seconds * 1000) / 1000 : null,
      });
      if (status.state !== 'running') {
        problems.push(`projection ${status.name} is ${status.state}`);
      } else if (lag && lag.seconds > this.config.readyMaxLagSeconds) {
        problems.push(
          `projection ${status.name} is ${lag.seconds.toFixed(1)} s behind ` +
            `(at most ${this.config.readyMaxLagSeconds} s)`,
        );
      }
    }
    return {
      service,
      ready: problems.length === 0,
      ...(problems.length ? { reason: problems.join('; ') } : {}),
      database: 'up',
      projections,
    };
  }
}

/** `GET /health/live`: the process is up. `GET /health/ready`: 200 or 503 with the report. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(HealthService) private readonly health: HealthService,
  ) {}

  @Get('live')
  live(): { service: string; status: 'live' } {
    return { service: this.config.name, status: 'live' };
  }

  @Get('ready')
  async ready(): Promise<HealthReport> {
    const report = await this.health.check();
    // The report is the body of the 503 too.
    if (!report.ready) throw new ServiceUnavailableException(report);
    return report;
  }
}
