import { Inject, type Type } from '@nestjs/common';
import {
  Context,
  Directive,
  Field,
  ID,
  Int,
  ObjectType,
  Parent,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { allow, Policy, RECORD_READER_ROLES } from '@haven/platform/security';
import { CountsById } from './counts';
import type { GraphQLContext } from './request-context';

export interface BeneficiaryCountOptions<Row extends ObjectLiteral> {
  /** The field this subgraph adds to protection's `Beneficiary`, e.g. `legalCaseCount`. */
  field: string;
  description: string;
  /** The read model with one row per beneficiary (a missing row means 0). */
  entity: EntityTarget<Row>;
  columns: { id: keyof Row & string; count: keyof Row & string };
}

/**
 * For a subgraph that adds a count of its own records to protection's `Beneficiary` (an entity
 * by key): the entity stub and its resolver, batched to one query per request. The classes are
 * made when called, so that only the subgraph that calls it declares a `Beneficiary` type.
 */
export function beneficiaryCountExtension<Row extends ObjectLiteral>(
  options: BeneficiaryCountOptions<Row>,
): { Beneficiary: Type<{ id: string }>; BeneficiaryResolver: Type<unknown> } {
  @ObjectType('Beneficiary')
  @Directive('@key(fields: "id")')
  class Beneficiary {
    // The key: whoever may reach the entity through protection may read its id.
    @Policy(allow(RECORD_READER_ROLES))
    @Field(() => ID)
    id!: string;
  }

  @Resolver(() => Beneficiary)
  class BeneficiaryResolver {
    private readonly counts: CountsById<Row>;

    constructor(@Inject(DataSource) dataSource: DataSource) {
      this.counts = new CountsById(dataSource, options.entity, options.columns);
    }

    // A count says how much work exists, not about whom: the record readers may see it.
    @Policy(allow(RECORD_READER_ROLES))
    @ResolveField(() => Int, {
      name: options.field,
      // Nullable: when this service is down, only this field is null, not the whole answer.
      nullable: true,
      description: options.description,
    })
    count(@Parent() beneficiary: Beneficiary, @Context() context: GraphQLContext): Promise<number> {
      return this.counts.load(context, beneficiary.id);
    }
  }

  return { Beneficiary, BeneficiaryResolver };
}
