// The GraphQL shapes of beneficiaries: neither the read-model row nor the domain state (see
// beneficiary.mapper.ts). Personal data has its own types (personal-data/personal-data.types.ts).
import {
  ArgsType,
  Directive,
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
} from '@nestjs/graphql';
import { COUNTRIES, SEXES, type Country, type Sex } from '@haven/protection/domain';
import {
  connectionType,
  CountryCodeEnum,
  CountryEnum,
  IsDay,
  SexEnum,
  type Connection,
} from '@haven/platform/nest';
import { COUNTRY_CODES, type CountryCode } from '@haven/vocabulary';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { allow, Policy, RECORD_READER_ROLES } from '@haven/platform/security';
import { PageArgs } from '../paging';
import {
  PersonalDetailsInput,
  purposeField,
  purposeRules,
} from '../personal-data/personal-data.types';

/** Records and pages of records: their readers (each record is scope-checked by its query). */
const READ_RECORDS = allow(RECORD_READER_ROLES);
/** A mutation's payload: whoever may make the mutation may read what it returns. */
const READ_PAYLOAD = allow('any');

// Country and Sex are the alliance's shared words: their enums are @haven/platform/nest's.
export { CountryEnum, SexEnum } from '@haven/platform/nest';

@ObjectType({ description: 'A person the alliance protects. Owned by the protection service.' })
@Directive('@key(fields: "id")')
@Policy(READ_RECORDS)
export class Beneficiary {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Human-readable and unique, e.g. BEN-TH-000123.' })
  referenceCode!: string;

  @Field(() => CountryEnum)
  country!: Country;

  @Field(() => SexEnum)
  sex!: Sex;

  @Field({ description: 'Under 18 when registered.' })
  minor!: boolean;

  @Field(() => String, {
    description: 'The day she was registered, YYYY-MM-DD (the fact), apart from registeredAt.',
  })
  registeredOn!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the registration was recorded.' })
  registeredAt!: Date;

  /**
   * Not in the schema: the purpose the query that returned this record stated, which its
   * personal details inherit (a read under break-glass needs one).
   */
  readPurpose?: string | null;
}

/** Beneficiaries in the order they were registered. */
export const BeneficiaryConnection = connectionType('Beneficiary', Beneficiary, READ_RECORDS);
export type BeneficiaryConnection = Connection<Beneficiary>;

@ArgsType()
export class BeneficiaryArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @purposeField()
  @purposeRules()
  purpose?: string | null;
}

@ArgsType()
export class BeneficiariesArgs extends PageArgs {
  @Field(() => CountryEnum, { nullable: true })
  @IsOptional()
  @IsIn(COUNTRIES)
  country?: Country | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  minor?: boolean | null;
}

@InputType()
export class RegisterBeneficiaryInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'A UUID chosen by the client, to make retries safe: the same registration sent again ' +
      'with the same id returns the beneficiary instead of registering a second one.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string | null;

  @Field(() => CountryEnum)
  @IsIn(COUNTRIES)
  country!: Country;

  @Field(() => SexEnum)
  @IsIn(SEXES)
  sex!: Sex;

  @Field()
  @IsBoolean()
  minor!: boolean;

  @Field(() => CountryCodeEnum, {
    nullable: true,
    description:
      'Nationality as an ISO 3166-1 code, kept in clear for statistics (ADR 21); the written ' +
      'nationality, if any, stays sealed in personal.',
  })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: 'nationalityCode must be an ISO 3166-1 alpha-2 code' })
  nationalityCode?: CountryCode | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The day she was registered on the ground (an intake form entered later), YYYY-MM-DD: ' +
      'no later than today, no earlier than 1990. Today by default. When it was recorded is ' +
      'kept apart (registeredAt).',
  })
  @IsOptional()
  @IsDay('registeredOn')
  registeredOn?: string | null;

  @Field(() => PersonalDetailsInput, { nullable: true })
  @IsOptional()
  @IsObject({ message: 'personal must be an object' })
  @ValidateNested()
  @Type(() => PersonalDetailsInput)
  personal?: PersonalDetailsInput | null;
}

@ObjectType()
@Policy(READ_PAYLOAD)
export class RegisterBeneficiaryPayload {
  @Field(() => ID)
  beneficiaryId!: string;

  @Field(() => Int, { description: 'The version of the beneficiary stream after the mutation.' })
  streamVersion!: number;

  @Field(() => Beneficiary, {
    nullable: true,
    description:
      'The beneficiary as queries now show it. Null only if the read model did not catch up ' +
      'within 5 seconds; the registration is recorded all the same.',
  })
  beneficiary!: Beneficiary | null;
}
