// Consents and possible duplicates of a beneficiary: ids, kinds and decisions, no personal data.
import {
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import {
  CONSENT_KINDS,
  DUPLICATE_DECISIONS,
  DUPLICATE_REASONS,
  type ConsentKind,
  type DuplicateDecision,
  type DuplicateReason,
} from '@haven/protection/domain';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { allow, Policy } from '@haven/platform/security';
import { ProtectionPolicy } from '../policies';
import { Beneficiary } from './beneficiary.types';

function enumObject<Value extends string>(values: readonly Value[]): { [K in Value]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in Value]: K };
}

export const ConsentKindEnum = enumObject(CONSENT_KINDS);
registerEnumType(ConsentKindEnum, {
  name: 'ConsentKind',
  description: 'What the beneficiary consents to.',
  valuesMap: {
    SERVICES: { description: 'Receiving the alliance’s services.' },
    SHARING_WITH_PARTNER: { description: 'Her data shared with one partner organisation.' },
    LEGAL_ACTION: { description: 'Legal action taken on her behalf.' },
  },
});

export const DuplicateReasonEnum = enumObject(DUPLICATE_REASONS);
registerEnumType(DuplicateReasonEnum, { name: 'DuplicateReason' });

export const DuplicateDecisionEnum = enumObject(DUPLICATE_DECISIONS);
registerEnumType(DuplicateDecisionEnum, { name: 'DuplicateDecision' });

export const PossibleDuplicateStatusEnum = enumObject(['PENDING', ...DUPLICATE_DECISIONS] as const);
registerEnumType(PossibleDuplicateStatusEnum, {
  name: 'PossibleDuplicateStatus',
  description: 'PENDING until a person decides.',
});

const READ_PAYLOAD = allow('any');

@ObjectType({
  description:
    'The latest record of one consent (one per kind, and per partner for sharing). A ' +
    'withdrawal is a later record with given false; the full history is on the timeline.',
})
@Policy(ProtectionPolicy.readCases)
export class Consent {
  @Field(() => ConsentKindEnum)
  kind!: ConsentKind;

  @Field(() => String, { nullable: true, description: 'For SHARING_WITH_PARTNER only.' })
  partnerOrganisationId!: string | null;

  @Field({ description: 'False: refused or withdrawn.' })
  given!: boolean;

  @Field({ description: 'YYYY-MM-DD: when it was given or withdrawn.' })
  recordedOn!: string;

  @Field(() => GraphQLISODateTime)
  recordedAt!: Date;

  @Field({ description: 'The user id of who recorded it.' })
  recordedBy!: string;
}

@ObjectType({
  description:
    'Another beneficiary of the same country whose name and birth date matched at ' +
    'registration. Flagged for a person to decide; records are never merged.',
})
@Policy(ProtectionPolicy.workCases)
export class PossibleDuplicate {
  @Field(() => ID)
  candidateId!: string;

  @Field(() => [DuplicateReasonEnum])
  reasons!: DuplicateReason[];

  @Field(() => PossibleDuplicateStatusEnum)
  status!: 'PENDING' | DuplicateDecision;

  @Field(() => GraphQLISODateTime)
  flaggedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Who decided, once decided.' })
  decidedBy!: string | null;
}

@InputType()
export class RecordConsentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'beneficiaryId must be a UUID' })
  beneficiaryId!: string;

  @Field(() => ConsentKindEnum)
  @IsIn(CONSENT_KINDS)
  kind!: ConsentKind;

  @Field(() => String, {
    nullable: true,
    description: 'Required for SHARING_WITH_PARTNER, and only there.',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, {
    message: 'partnerOrganisationId must be an organisation id',
  })
  partnerOrganisationId?: string | null;

  @Field({ description: 'False records a refusal or a withdrawal.' })
  @IsBoolean()
  given!: boolean;

  @Field({ description: 'YYYY-MM-DD, not in the future.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'recordedOn must be a date written YYYY-MM-DD' })
  recordedOn!: string;
}

@InputType()
export class ResolvePossibleDuplicateInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'beneficiaryId must be a UUID' })
  beneficiaryId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'candidateId must be a UUID' })
  candidateId!: string;

  @Field(() => DuplicateDecisionEnum)
  @IsIn(DUPLICATE_DECISIONS)
  decision!: DuplicateDecision;
}

@ObjectType()
@Policy(READ_PAYLOAD)
export class BeneficiaryCommandPayload {
  @Field(() => ID)
  beneficiaryId!: string;

  @Field(() => Int, { description: 'The version of the beneficiary stream after the mutation.' })
  streamVersion!: number;

  @Field(() => Beneficiary, {
    nullable: true,
    description: 'The beneficiary as queries now show it (null if the read model lags).',
  })
  beneficiary!: Beneficiary | null;
}
