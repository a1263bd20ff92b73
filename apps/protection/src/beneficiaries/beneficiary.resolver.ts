import { Inject } from '@nestjs/common';
import { Args, Context, Info, Mutation, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { check } from '@haven/platform/domain';
import {
  clientError,
  CommandRunner,
  commandMetadata,
  principalOf,
  toConnection,
  type GraphQLContext,
} from '@haven/platform/nest';
import { countriesInScope, inScope, Policy } from '@haven/platform/security';
import { v7 as uuidv7 } from 'uuid';
import { AccessRecorder } from '../personal-data/access-recorder';
import { requestedFields } from '../personal-data/requested-fields';
import { BeneficiaryAccess } from './beneficiary-access';
import { BeneficiaryReadModel } from './beneficiary-read-model';
import { BENEFICIARY_CURSOR, toBeneficiary } from './beneficiary.mapper';
import {
  Beneficiary,
  BeneficiariesArgs,
  BeneficiaryArgs,
  BeneficiaryConnection,
  RegisterBeneficiaryInput,
  RegisterBeneficiaryPayload,
} from './beneficiary.types';
import { BeneficiaryCommands } from './beneficiary.commands';
import { ProtectionPolicy } from '../policies';

/** The record's own fields (not its personal details), as a break-glass read logs them. */
const RECORD_FIELDS = [
  'id',
  'referenceCode',
  'country',
  'sex',
  'minor',
  'registeredOn',
  'registeredAt',
] as const;

/**
 * Beneficiary queries, the registration mutation and the entity's reference resolver. Thin on
 * purpose: arguments are validated before they arrive (class-validator), roles are checked by
 * each method's policy before it runs, the record's scope (country, organisation) here, and
 * rules live in the domain.
 */
@Resolver(() => Beneficiary)
export class BeneficiaryResolver {
  constructor(
    @Inject(BeneficiaryReadModel) private readonly readModel: BeneficiaryReadModel,
    @Inject(BeneficiaryCommands) private readonly commands: BeneficiaryCommands,
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(BeneficiaryAccess) private readonly access: BeneficiaryAccess,
    @Inject(AccessRecorder) private readonly recorder: AccessRecorder,
  ) {}

  @Policy(ProtectionPolicy.readBeneficiaries)
  @Query(() => Beneficiary, {
    nullable: true,
    description:
      'One beneficiary; a NOT_FOUND error when there is none with this id. Outside your scope ' +
      'only under an active break-glass grant, with a purpose (the read is logged).',
  })
  async beneficiary(
    @Args() { id, purpose }: BeneficiaryArgs,
    @Context() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Beneficiary> {
    const row = await this.readModel.load(context, id);
    if (!row) throw clientError('NOT_FOUND', `No beneficiary has the id ${id}.`);
    const { breakGlass } = await this.access.check(context, row, purpose);
    if (breakGlass) {
      // Personal fields log their own read (personalDetails); this is the record's.
      const fields = requestedFields(info, RECORD_FIELDS);
      if (fields.length) {
        await this.recorder.record(context, {
          recordType: 'Beneficiary',
          recordId: row.id,
          fields,
          purpose: purpose ?? null,
          breakGlass,
        });
      }
    }
    return { ...toBeneficiary(row), readPurpose: purpose ?? null };
  }

  @Policy(ProtectionPolicy.readBeneficiaries)
  @Query(() => BeneficiaryConnection, {
    description:
      'Beneficiaries in registration order, optionally of one country or age group; only those ' +
      "within the caller's scope (countries, or a partner's own organisation).",
  })
  async beneficiaries(
    @Args() args: BeneficiariesArgs,
    @Context() context: GraphQLContext,
  ): Promise<BeneficiaryConnection> {
    const principal = principalOf(context);
    const page = await this.readModel.page({
      ...args,
      countries: countriesInScope(principal),
      organisationId: principal.role === 'partner' ? principal.organisationId : undefined,
    });
    this.readModel.remember(context, page.rows);
    return toConnection(BENEFICIARY_CURSOR, page, (row) => row.registeredPosition, toBeneficiary);
  }

  @Policy(ProtectionPolicy.registerBeneficiary)
  @Mutation(() => RegisterBeneficiaryPayload)
  async registerBeneficiary(
    @Args('input') input: RegisterBeneficiaryInput,
    @Context() context: GraphQLContext,
  ): Promise<RegisterBeneficiaryPayload> {
    const beneficiaryId = check.uuid(input.id ?? uuidv7(), 'id');
    const result = await this.runner.run(
      this.commands.register,
      {
        beneficiaryId,
        country: input.country,
        sex: input.sex,
        minor: input.minor,
        nationality: input.nationalityCode ?? null,
        registeredOn: input.registeredOn ?? null,
        personal: input.personal,
      },
      { principal: principalOf(context), metadata: commandMetadata(context) },
    );
    const row = await this.readModel.afterWrite(result.position, beneficiaryId);
    return {
      beneficiaryId,
      streamVersion: result.streamVersion,
      beneficiary: row && toBeneficiary(row),
    };
  }

  /** The gateway asks for beneficiaries by key; one query per request, however many. */
  @ResolveReference()
  async resolveReference(
    reference: { __typename: 'Beneficiary'; id: string },
    context: GraphQLContext,
  ): Promise<Beneficiary | null> {
    const row = await this.readModel.load(context, reference.id);
    // Out of scope: null, as if absent, so a list elsewhere still answers for the rest.
    return row && inScope(principalOf(context), row) ? toBeneficiary(row) : null;
  }
}
