import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadServiceConfig } from './config';

/** Routes Nest's own logs through pino. Shared by main.ts (bootstrapService) and the tests. */
export function configureServiceApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  const server: unknown = app.getHttpAdapter().getInstance();
  if (typeof (server as { disable?: unknown }).disable === 'function') {
    // Do not advertise the framework.
    (server as { disable(setting: string): void }).disable('x-powered-by');
    // No ETags: hashing every GraphQL answer costs CPU, and none is ever revalidated (POST).
    (server as { disable(setting: string): void }).disable('etag');
  }
  return app;
}

export interface BootstrapOptions {
  /** As in tools/services.json. */
  name: string;
  /** The service's AppModule. */
  module: Type<unknown>;
  /** Its port; by default the one tools/services.json gives it. PORT overrides both. */
  port?: number;
}

/**
 * A service's port as the registry (tools/services.json) gives it: the one place ports are
 * written. Found from the working folder upwards, as npm scripts run from the repository.
 */
export function registeredPort(name: string, from = process.cwd()): number {
  for (let folder = from; ; folder = path.dirname(folder)) {
    const file = path.join(folder, 'tools', 'services.json');
    if (existsSync(file)) {
      const registry = JSON.parse(readFileSync(file, 'utf8')) as {
        subgraphs: Array<{ name: string; port: number }>;
        gateway: { name: string; port: number };
      };
      const entry = [...registry.subgraphs, registry.gateway].find((e) => e.name === name);
      if (!entry) throw new Error(`${name} is not in ${file}.`);
      return entry.port;
    }
    if (path.dirname(folder) === folder) {
      throw new Error('tools/services.json not found: start services from the repository.');
    }
  }
}

/**
 * A service's main.ts: the app with JSON logs, listening on PORT (or `port`) on HOST (default
 * 127.0.0.1: subgraphs are for the gateway; containers set HOST=0.0.0.0). SIGTERM and SIGINT
 * close it gracefully: the HTTP server stops taking requests and finishes those in flight, then
 * the projections stop after their current batch and the connections close.
 */
export async function bootstrapService(options: BootstrapOptions): Promise<INestApplication> {
  const config = loadServiceConfig(options.name);
  if (!config.databaseUrl && !config.schemaOnly) {
    process.stderr.write(
      `${options.name}: DATABASE_URL is not set (postgres://user:password@host:port/database).\n`,
    );
    process.exit(2);
  }
  try {
    const app = configureServiceApp(await NestFactory.create(options.module, { bufferLogs: true }));
    app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
    const port = Number(process.env.PORT || options.port || registeredPort(options.name));
    const host = process.env.HOST || '127.0.0.1';
    await app.listen(port, host);
    app
      .get(Logger)
      .log(
        { host, port, graphql: `http://${host}:${port}/graphql` },
        `${options.name} listening`,
        'Bootstrap',
      );
    return app;
  } catch (error) {
    process.stderr.write(
      `${options.name} did not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  }
}
