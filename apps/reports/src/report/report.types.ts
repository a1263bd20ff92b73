import { ArgsType, Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { CountryEnum } from '@haven/platform/nest';
import { Policy } from '@haven/platform/security';
import type { Country } from '@haven/vocabulary';
import { ReportsPolicy } from '../policies';

@ArgsType()
export class ProgrammeReportArgs {
  @Field(() => Int, { description: 'The calendar year: facts that occurred in it count.' })
  year!: number;

  @Field(() => [CountryEnum], {
    nullable: true,
    description: 'Countries of operation; all by default.',
  })
  countries?: Country[] | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'The report as it stood then, from what had been recorded by then; now by default.',
  })
  asOf?: Date | null;
}

@ObjectType({
  description:
    'One line of a figure: its total (breakdown and key null), one value of one breakdown ' +
    'attribute, or a pair of values of two crossed ones (breakdown `sex × ageGroup`, key ' +
    '`FEMALE × MINOR`), with a value per country of operation and in total. Null where suppressed.',
})
@Policy(ReportsPolicy.readReport)
export class ReportLine {
  @Field({ description: 'networks, protection, …; `all` for unique beneficiaries.' })
  programme!: string;

  @Field({ description: 'e.g. caseNotifications, personsProtected, uniqueBeneficiaries.' })
  figure!: string;

  @Field({
    description:
      'facts (counted), subjects (distinct: a person once), sum; or, for ages, average (a ' +
      'person once), minimum or maximum, which only exact roles see.',
  })
  measure!: string;

  @Field(() => String, {
    nullable: true,
    description: 'e.g. nationality, source, sex; crossed: sex × ageGroup.',
  })
  breakdown!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'e.g. TH, WATCHDOG, FEMALE, UNKNOWN; crossed: FEMALE × MINOR.',
  })
  key!: string | null;

  @Field(() => [Float], {
    nullable: 'items',
    description: "One value per country of the report's `countries`, in order; null: suppressed.",
  })
  values!: Array<number | null>;

  @Field(() => Float, { nullable: true, description: 'All the countries; null: suppressed.' })
  total!: number | null;
}

@ObjectType({ description: 'The annual programme report, computed from the log.' })
@Policy(ReportsPolicy.readReport)
export class ProgrammeReport {
  @Field(() => Int)
  year!: number;

  @Field(() => [CountryEnum], { description: 'The columns of every line, in order.' })
  countries!: Country[];

  @Field(() => GraphQLISODateTime)
  asOf!: Date;

  @Field({ description: 'Whether cells below k were suppressed for your role.' })
  suppressed!: boolean;

  @Field(() => Int, { nullable: true, description: 'The k of suppression, when suppressed.' })
  k!: number | null;

  @Field(() => [String], { description: 'The programmes the report covers, in order.' })
  programmes!: string[];

  @Field(() => [ReportLine], {
    description:
      "Every figure's lines, programme by programme; last, the beneficiaries across programmes " +
      '(programme `all`, figure `uniqueBeneficiaries`): each person once, by programme.',
  })
  lines!: ReportLine[];
}
