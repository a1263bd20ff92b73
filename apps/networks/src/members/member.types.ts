// The GraphQL shapes of the networks' members: watchdogs, agents of change, women's groups and
// partner organisations. No names of persons: a member is its kind, its place and its dates.
import {
  ArgsType,
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
} from '@nestjs/graphql';
import {
  COUNTRIES,
  COUNTRY_CODES,
  MAX_NAME_LENGTH,
  PARTNER_ORGANISATION_KINDS,
  WATCHDOG_KINDS,
  type Country,
  type CountryCode,
  type PartnerOrganisationKind,
  type WatchdogKind,
} from '@haven/networks/domain';
import { Policy } from '@haven/platform/security';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CountryEnum, PartnerOrganisationKindEnum, WatchdogKindEnum } from '../enums';
import { connectionType, CountryCodeEnum, PageArgs, type Connection } from '@haven/platform/nest';
import { NetworksPolicy } from '../policies';
import { dateRule, placeRules, SINGLE_LINE } from '../text-rules';

const READ = NetworksPolicy.readNetworks;
const LIVES_IN =
  'The country it lives or works in (ISO 3166-1): a volunteer abroad’s, or a community’s across ' +
  'a border; null when not known.';
const PAYLOAD = NetworksPolicy.payload;
const uuid = (field: string) => IsUUID('all', { message: `${field} must be a UUID` });
const clientId = () =>
  Field(() => ID, {
    nullable: true,
    description:
      'A UUID chosen by the client, to make retries safe: the same registration sent again ' +
      'with the same id changes nothing.',
  });

// ---- Records. ----------------------------------------------------------------------------

@ObjectType({ description: 'A person or group trained (or not yet) to spot and notify cases.' })
@Policy(READ)
export class Watchdog {
  @Field(() => ID)
  id!: string;

  @Field(() => WatchdogKindEnum)
  kind!: WatchdogKind;

  @Field(() => CountryEnum, {
    description: 'The network it belongs to (a volunteer abroad: their home country’s).',
  })
  country!: Country;

  @Field(() => String, { nullable: true })
  province!: string | null;

  @Field(() => CountryCodeEnum, { nullable: true, description: LIVES_IN })
  livesIn!: CountryCode | null;

  @Field({ description: 'YYYY-MM-DD.' })
  joinedOn!: string;

  @Field({ description: 'Trained to spot and notify cases.' })
  trained!: boolean;

  @Field(() => GraphQLISODateTime)
  registeredAt!: Date;
}

@ObjectType({
  description:
    'A former victim who completed the programme and now notifies cases, runs prevention and ' +
    'follows up peers. Only protection’s beneficiary id is kept here.',
})
@Policy(READ)
export class AgentOfChange {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The beneficiary in protection (read there, in its scope).' })
  beneficiaryId!: string;

  @Field(() => CountryEnum)
  country!: Country;

  @Field(() => String, { nullable: true })
  province!: string | null;

  @Field({ description: 'The day the programme was completed, YYYY-MM-DD.' })
  qualifiedOn!: string;

  @Field(() => GraphQLISODateTime)
  registeredAt!: Date;
}

@ObjectType({ description: 'Former victims and women at risk who report cases, not trained yet.' })
@Policy(READ)
export class WomensGroup {
  @Field(() => ID)
  id!: string;

  @Field(() => CountryEnum)
  country!: Country;

  @Field(() => String, { nullable: true })
  province!: string | null;

  @Field({ description: 'YYYY-MM-DD.' })
  joinedOn!: string;

  @Field(() => Int, { nullable: true })
  memberCount!: number | null;

  @Field(() => GraphQLISODateTime)
  registeredAt!: Date;
}

@ObjectType({ description: 'An organisation that refers cases in and out.' })
@Policy(READ)
export class PartnerOrganisation {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => PartnerOrganisationKindEnum)
  kind!: PartnerOrganisationKind;

  @Field(() => CountryEnum)
  country!: Country;

  @Field(() => GraphQLISODateTime)
  registeredAt!: Date;
}

// ---- Pages. ------------------------------------------------------------------------------

export const WatchdogConnection = connectionType('Watchdog', Watchdog, READ);
export type WatchdogConnection = Connection<Watchdog>;

export const AgentOfChangeConnection = connectionType('AgentOfChange', AgentOfChange, READ);
export type AgentOfChangeConnection = Connection<AgentOfChange>;

export const WomensGroupConnection = connectionType('WomensGroup', WomensGroup, READ);
export type WomensGroupConnection = Connection<WomensGroup>;

export const PartnerOrganisationConnection = connectionType(
  'PartnerOrganisation',
  PartnerOrganisation,
  READ,
);
export type PartnerOrganisationConnection = Connection<PartnerOrganisation>;

@ArgsType()
export class MembersArgs extends PageArgs {
  @Field(() => CountryEnum, { nullable: true })
  @IsOptional()
  @IsIn(COUNTRIES)
  country?: Country | null;
}

@ArgsType()
export class WatchdogsArgs extends MembersArgs {
  @Field(() => WatchdogKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(WATCHDOG_KINDS)
  kind?: WatchdogKind | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  trained?: boolean | null;
}

@ArgsType()
export class PartnerOrganisationsArgs extends MembersArgs {
  @Field(() => PartnerOrganisationKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(PARTNER_ORGANISATION_KINDS)
  kind?: PartnerOrganisationKind | null;
}

// ---- Registrations. ----------------------------------------------------------------------

@InputType()
export class RegisterWatchdogInput {
  @clientId()
  @IsOptional()
  @uuid('id')
  id?: string | null;

  @Field(() => WatchdogKindEnum)
  @IsIn(WATCHDOG_KINDS)
  kind!: WatchdogKind;

  @Field(() => CountryEnum, {
    description: 'The network it belongs to (a volunteer abroad: their home country’s).',
  })
  @IsIn(COUNTRIES)
  country!: Country;

  @Field(() => String, { nullable: true })
  @placeRules('province')
  province?: string | null;

  @Field(() => CountryCodeEnum, {
    nullable: true,
    description: `${LIVES_IN} Left out: the network's country, or unknown for a kind that lives abroad.`,
  })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: 'livesIn must be an ISO 3166-1 alpha-2 code' })
  livesIn?: CountryCode | null;

  @Field({ description: 'YYYY-MM-DD.' })
  @dateRule('joinedOn')
  joinedOn!: string;

  @Field()
  @IsBoolean()
  trained!: boolean;
}

@InputType()
export class RegisterAgentOfChangeInput {
  @clientId()
  @IsOptional()
  @uuid('id')
  id?: string | null;

  @Field(() => ID, { description: 'The beneficiary protection registered.' })
  @uuid('beneficiaryId')
  beneficiaryId!: string;

  @Field(() => CountryEnum)
  @IsIn(COUNTRIES)
  country!: Country;

  @Field(() => String, { nullable: true })
  @placeRules('province')
  province?: string | null;

  @Field({ description: 'The day the programme was completed, YYYY-MM-DD.' })
  @dateRule('qualifiedOn')
  qualifiedOn!: string;
}

@InputType()
export class RegisterWomensGroupInput {
  @clientId()
  @IsOptional()
  @uuid('id')
  id?: string | null;

  @Field(() => CountryEnum)
  @IsIn(COUNTRIES)
  country!: Country;

  @Field(() => String, { nullable: true })
  @placeRules('province')
  province?: string | null;

  @Field({ description: 'YYYY-MM-DD.' })
  @dateRule('joinedOn')
  joinedOn!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  memberCount?: number | null;
}

@InputType()
export class RegisterPartnerOrganisationInput {
  @clientId()
  @IsOptional()
  @uuid('id')
  id?: string | null;

  @Field()
  @IsString({ message: 'name must be text' })
  @MaxLength(MAX_NAME_LENGTH, { message: `name must be at most ${MAX_NAME_LENGTH} characters` })
  @Matches(/\S/, { message: 'name must not be blank' })
  @Matches(SINGLE_LINE, { message: 'name must be one line' })
  name!: string;

  @Field(() => PartnerOrganisationKindEnum)
  @IsIn(PARTNER_ORGANISATION_KINDS)
  kind!: PartnerOrganisationKind;

  @Field(() => CountryEnum)
  @IsIn(COUNTRIES)
  country!: Country;
}

// ---- Payloads: the stream version, and the record once the read model shows it. -----------

const NULL_UNTIL_CAUGHT_UP =
  'Null only if the read model did not catch up within 5 seconds; the registration is ' +
  'recorded all the same.';

@ObjectType()
@Policy(PAYLOAD)
export class RegisterWatchdogPayload {
  @Field(() => ID)
  watchdogId!: string;

  @Field(() => Int, { description: 'The version of the watchdog stream after the mutation.' })
  streamVersion!: number;

  @Field(() => Watchdog, { nullable: true, description: NULL_UNTIL_CAUGHT_UP })
  watchdog!: Watchdog | null;
}

@ObjectType()
@Policy(PAYLOAD)
export class RegisterAgentOfChangePayload {
  @Field(() => ID)
  agentOfChangeId!: string;

  @Field(() => Int)
  streamVersion!: number;

  @Field(() => AgentOfChange, { nullable: true, description: NULL_UNTIL_CAUGHT_UP })
  agentOfChange!: AgentOfChange | null;
}

@ObjectType()
@Policy(PAYLOAD)
export class RegisterWomensGroupPayload {
  @Field(() => ID)
  womensGroupId!: string;

  @Field(() => Int)
  streamVersion!: number;

  @Field(() => WomensGroup, { nullable: true, description: NULL_UNTIL_CAUGHT_UP })
  womensGroup!: WomensGroup | null;
}

@ObjectType()
@Policy(PAYLOAD)
export class RegisterPartnerOrganisationPayload {
  @Field(() => ID)
  partnerOrganisationId!: string;

  @Field(() => Int)
  streamVersion!: number;

  @Field(() => PartnerOrganisation, { nullable: true, description: NULL_UNTIL_CAUGHT_UP })
  partnerOrganisation!: PartnerOrganisation | null;
}
