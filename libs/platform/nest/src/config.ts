/**
 * What a service reads from its environment. Read when the app's providers are created (not
 * when a module file is imported), so a test can set the variables just before it creates an app.
 */
export interface ServiceConfig {
  /** The service's name: its GraphQL status field (`<name>Status`) and its log lines. */
  name: string;
  /** DATABASE_URL; undefined when unset (the service then never connects: see `schemaOnly`). */
  databaseUrl: string | undefined;
  /**
   * HAVEN_SCHEMA_ONLY=1: build the GraphQL schema and nothing else. No database connection is
   * opened or attempted and no projection runs; `/health/ready` answers 503. For printing the
   * subgraph schema at build time (supergraph composition).
   */
  schemaOnly: boolean;
  /** HAVEN_READY_MAX_LAG_SECONDS (default 30): the oldest unprojected event ready tolerates. */
  readyMaxLagSeconds: number;
}

export const SERVICE_CONFIG = Symbol('haven.service-config');

export function loadServiceConfig(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
): ServiceConfig {
  const maxLag = Number(env.HAVEN_READY_MAX_LAG_SECONDS ?? 30);
  return {
    name,
    databaseUrl: env.DATABASE_URL || undefined,
    schemaOnly: env.HAVEN_SCHEMA_ONLY === '1' || env.HAVEN_SCHEMA_ONLY === 'true',
    readyMaxLagSeconds: Number.isFinite(maxLag) && maxLag >= 0 ? maxLag : 30,
  };
}
