import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { loadServiceConfig, SERVICE_CONFIG } from './config';
import { DATABASE_OPTIONS, EVENT_STORE, ServiceDatabase, type DatabaseOptions } from './database';
import { subgraphModule, type SubgraphOptions } from './graphql';
import { HealthController, HealthService } from './health';
import { LOG_DESTINATION, loggerParams } from './logging';
import { CommandRunner } from './command-runner';
import { DomainErrorFilter } from './domain-error.filter';
import { statusResolver } from './status';
import { validationPipe } from './validation';

export interface ServiceModuleOptions {
  /** The service's name, as in tools/services.json: `legal` gets the root field `legalStatus`. */
  name: string;
  database?: DatabaseOptions;
  graphql?: SubgraphOptions;
}

/** Holds the log destination for LoggerModule; tests override LOG_DESTINATION to read the lines. */
@Module({
  providers: [{ provide: LOG_DESTINATION, useValue: null }],
  exports: [LOG_DESTINATION],
})
class LogDestinationModule {}

/**
 * Everything a Haven service shares, in one import for its AppModule: structured logs with
 * request and correlation ids, the Federation 2 subgraph at /graphql, validation of arguments,
 * the database (read models, event store, projection runners), `/health/live` and
 * `/health/ready`, and the `<name>Status` query. The app module adds its own resolvers.
 *
 * Global, so the app's providers can inject `DataSource`, `EVENT_STORE` and `ServiceDatabase`.
 */
@Module({})
export class HavenServiceModule {
  static forRoot(options: ServiceModuleOptions): DynamicModule {
    return {
      module: HavenServiceModule,
      global: true,
      imports: [
        LoggerModule.forRootAsync({
          imports: [LogDestinationModule],
          inject: [LOG_DESTINATION],
          useFactory: (destination: DestinationStream | null) =>
            loggerParams(options.name, destination),
        }),
        subgraphModule(options.graphql),
      ],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useFactory: () => loadServiceConfig(options.name) },
        { provide: DATABASE_OPTIONS, useValue: options.database ?? {} },
        ServiceDatabase,
        {
          provide: DataSource,
          inject: [ServiceDatabase],
          useFactory: (database: ServiceDatabase) => database.dataSource,
        },
        {
          provide: EVENT_STORE,
          inject: [ServiceDatabase],
          useFactory: (database: ServiceDatabase) => database.eventStore,
        },
        HealthService,
        statusResolver(options.name),
        { provide: APP_PIPE, useFactory: validationPipe },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        CommandRunner,
      ],
      exports: [
        SERVICE_CONFIG,
        ServiceDatabase,
        DataSource,
        EVENT_STORE,
        HealthService,
        CommandRunner,
      ],
    };
  }
}
