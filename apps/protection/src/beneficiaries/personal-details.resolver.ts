import { Inject } from '@nestjs/common';
import { Args, Context, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { type GraphQLContext } from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import { PERSONAL_FIELDS } from '@haven/protection/domain';
import { BeneficiaryAccess } from './beneficiary-access';
import { BeneficiaryReadModel } from './beneficiary-read-model';
import { Beneficiary } from './beneficiary.types';
import { encodePositionCursor, pageAfter } from '../paging';
import { ProtectionPolicy } from '../policies';
import { AccessRecorder } from '../personal-data/access-recorder';
import { PersonalDataReader } from '../personal-data/personal-data-reader';
import {
  AccessLogArgs,
  AccessLogConnection,
  PersonalDetails,
  PersonalDetailsArgs,
} from '../personal-data/personal-data.types';
import { decodePersonalValue, type PersonalValues } from '../personal-data/personal-values';
import { Privacy } from '../personal-data/privacy';
import { requestedFields } from '../personal-data/requested-fields';

const ACCESS_LOG_CURSOR = 'access';

/**
 * A beneficiary's personal details, for the roles that work with the person, and the access log
 * that every such read writes to first.
 */
@Resolver(() => Beneficiary)
export class PersonalDetailsResolver {
  constructor(
    @Inject(BeneficiaryReadModel) private readonly readModel: BeneficiaryReadModel,
    @Inject(BeneficiaryAccess) private readonly access: BeneficiaryAccess,
    @Inject(PersonalDataReader) private readonly reader: PersonalDataReader,
    @Inject(AccessRecorder) private readonly recorder: AccessRecorder,
    @Inject(Privacy) private readonly privacy: Privacy,
  ) {}

  @Policy(ProtectionPolicy.readPersonalData)
  @ResolveField(() => PersonalDetails, {
    nullable: true,
    description:
      'Decrypted for this request, and logged before it is returned: who read which of these ' +
      'fields, when, and the purpose given (here, or on the query that returned the record).',
  })
  async personalDetails(
    @Parent() beneficiary: Beneficiary,
    @Args() { purpose }: PersonalDetailsArgs,
    @Context() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PersonalDetails | null> {
    const row = await this.readModel.load(context, beneficiary.id);
    if (!row) return null;
    const stated = purpose ?? beneficiary.readPurpose ?? null;
    // Whoever returned the record checked its scope; checked again here, as this is the field
    // that matters most, and because a break-glass read needs its purpose.
    const { breakGlass } = await this.access.check(context, row, stated);
    const fields = requestedFields(info, PERSONAL_FIELDS);
    if (fields.length > 0) {
      await this.recorder.record(context, {
        recordType: 'Beneficiary',
        recordId: row.id,
        fields,
        purpose: stated,
        breakGlass,
      });
    }
    const opened = await this.reader.open(context, row, fields);
    const values = Object.fromEntries(
      PERSONAL_FIELDS.map((field) => [field, null]),
    ) as unknown as PersonalValues;
    // Only what was asked for (and logged) leaves this method.
    for (const field of fields) {
      (values as unknown as Record<string, unknown>)[field] = decodePersonalValue(
        field,
        opened.values[field],
      );
    }
    return { ...values, erased: opened.erased };
  }

  @Policy(ProtectionPolicy.reviewAccessLog)
  @Query(() => AccessLogConnection, {
    description:
      'Who read personal data: filtered by record, reader and time, oldest first. For admins ' +
      'and auditors.',
  })
  async accessLog(@Args() args: AccessLogArgs): Promise<AccessLogConnection> {
    const { entries, hasNextPage } = await this.privacy.accessLog.list(
      { recordId: args.recordId, actorId: args.actorId, from: args.from, to: args.to },
      { first: args.first, after: pageAfter(ACCESS_LOG_CURSOR, args.after) },
    );
    const edges = entries.map((entry) => ({
      cursor: encodePositionCursor(ACCESS_LOG_CURSOR, entry.id),
      node: {
        id: String(entry.id),
        occurredAt: entry.occurredAt,
        actorId: entry.actorId,
        role: entry.role,
        organisationId: entry.organisationId,
        recordType: entry.recordType,
        recordId: entry.recordId,
        fields: [...entry.fields],
        purpose: entry.purpose,
        breakGlass: entry.breakGlass,
        requestId: entry.requestId,
      },
    }));
    return {
      edges,
      pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    };
  }
}
