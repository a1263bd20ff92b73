import { Inject, type Type } from '@nestjs/common';
import { Directive, Field, Float, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { allow, Policy } from '@haven/platform/security';
import { HealthService, type HealthReport } from './health';

// Every subgraph declares these two types the same way, so they are @shareable (Federation 2).

@ObjectType('ProjectionStatus', { description: 'One read model of a service and its lag.' })
@Directive('@shareable')
@Policy(allow('any'))
export class ProjectionStatusType {
  @Field()
  name!: string;

  @Field({ description: 'running, stopped or failed.' })
  state!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'The last global position of the event log in this read model.',
  })
  checkpoint!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Events of the log not projected yet; null when the database is unreachable.',
  })
  lagPositions!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Age in seconds of the oldest event not projected yet (0 when caught up).',
  })
  lagSeconds!: number | null;
}

@ObjectType('ServiceStatus', {
  description: 'What a service reports about itself: the same checks as its /health/ready.',
})
@Directive('@shareable')
@Policy(allow('any'))
export class ServiceStatusType {
  @Field()
  service!: string;

  @Field()
  ready!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the service is not ready.' })
  reason!: string | null;

  @Field(() => [ProjectionStatusType])
  projections!: ProjectionStatusType[];
}

function toServiceStatus(report: HealthReport): ServiceStatusType {
  return {
    service: report.service,
    ready: report.ready,
    reason: report.reason ?? null,
    projections: report.projections.map((projection) => ({ ...projection })),
  };
}

/**
 * The root field `<service>Status: ServiceStatus!` of a service: every subgraph needs a Query
 * field of its own, and this one tells the truth about the service.
 */
export function statusResolver(service: string): Type<unknown> {
  @Resolver()
  class StatusResolver {
    constructor(@Inject(HealthService) private readonly health: HealthService) {}

    // Health says nothing about any person: any signed-in role may ask.
    @Policy(allow('any'))
    @Query(() => ServiceStatusType, {
      name: `${service}Status`,
      // Nullable, so that a query asking several services still answers when this one is down.
      nullable: true,
      description: `The ${service} service: database, read models and their lag.`,
    })
    async status(): Promise<ServiceStatusType> {
      return toServiceStatus(await this.health.check());
    }
  }
  return StatusResolver;
}
