// The GraphQL shapes of protection cases: neither the read-model rows nor the domain state
// (see case.mapper.ts). Every type names its policy (policies.ts).
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  type CaseClosureReason,
  type Country,
  type FormOfExploitation,
  type GuardianContactKind,
  type IdentificationOutcome,
  type ProtectionCaseStatus,
  type RepatriationStep,
} from '@haven/protection/contracts';
import { Policy } from '@haven/platform/security';
import {
  connectionType,
  CountryEnum,
  FormOfExploitationEnum,
  PlaceOfExploitationEnum,
} from '@haven/platform/nest';
import type { PlaceOfExploitation } from '@haven/vocabulary';
import { ProtectionPolicy } from '../policies';

import type { Connection } from '@haven/platform/nest';
import {
  CaseClosureReasonEnum,
  DATE_DESCRIPTION,
  GuardianContactKindEnum,
  IdentificationOutcomeEnum,
  ProtectionCaseStatusEnum,
  RepatriationStepEnum,
} from './case.enums';

const READ_CASES = ProtectionPolicy.readCases;
const READ_CASE_PERSONAL_DATA = ProtectionPolicy.readCasePersonalData;

// ---- Cases. -------------------------------------------------------------------------------

@ObjectType({ description: 'An identification decision of the authorities about a victim.' })
@Policy(READ_CASES)
export class VictimIdentification {
  @Field(() => IdentificationOutcomeEnum)
  outcome!: IdentificationOutcome;

  @Field({ description: DATE_DESCRIPTION })
  date!: string;

  @Field(() => String, { nullable: true })
  authority!: string | null;

  @Field(() => GraphQLISODateTime)
  recordedAt!: Date;
}

@ObjectType()
@Policy(READ_CASES)
export class ShelterPlacement {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  beneficiaryId!: string;

  @Field()
  shelterName!: string;

  @Field({ description: DATE_DESCRIPTION })
  from!: string;

  @Field(() => String, { nullable: true, description: 'Null while she is still there.' })
  to!: string | null;

  @Field(() => GraphQLISODateTime)
  recordedAt!: Date;
}

@ObjectType()
@Policy(READ_CASES)
export class RepatriationStepRecord {
  @Field(() => ID)
  beneficiaryId!: string;

  @Field(() => RepatriationStepEnum)
  step!: RepatriationStep;

  @Field({ description: DATE_DESCRIPTION })
  date!: string;

  @Field(() => GraphQLISODateTime)
  recordedAt!: Date;
}

@ObjectType({ description: 'A beneficiary, as a victim of one case.' })
@Policy(READ_CASES)
export class CaseVictim {
  @Field(() => ID)
  beneficiaryId!: string;

  @Field(() => FormOfExploitationEnum)
  formOfExploitation!: FormOfExploitation;

  @Field({ description: 'A minor when added to the case.' })
  minor!: boolean;

  @Field(() => GraphQLISODateTime)
  addedAt!: Date;

  @Field(() => VictimIdentification, {
    nullable: true,
    description: 'The latest identification decision; null until there is one.',
  })
  identification!: VictimIdentification | null;

  @Field(() => ShelterPlacement, {
    nullable: true,
    description: "Her latest shelter placement (the case's shelterPlacements list them all).",
  })
  shelterPlacement!: ShelterPlacement | null;

  @Field(() => [RepatriationStepEnum], {
    description:
      "The steps of her return done so far, each once, in the order first recorded (the case's " +
      'repatriationSteps list every record, with its date).',
  })
  repatriationStepsDone!: RepatriationStep[];

  @Field(() => [ID], { description: 'The rescue operations that rescued her.' })
  rescuedIn!: string[];

  @Field(() => GuardianContact, {
    nullable: true,
    description: 'Her own guardian or shelter contact: a minor is escorted home only with one.',
  })
  guardianOrShelterContact!: GuardianContact | null;
}

@ObjectType({ description: 'A rescue or intervention with the authorities.' })
@Policy(READ_CASES)
export class RescueOperation {
  @Field(() => ID)
  id!: string;

  @Field({ description: DATE_DESCRIPTION })
  date!: string;

  @Field({ description: 'Where it took place; for an online one, the platform.' })
  place!: string;

  @Field({ description: 'A platform report, an account take-down or a remote intervention.' })
  online!: boolean;

  @Field(() => [String])
  partnerAgencies!: string[];

  @Field(() => Int, {
    description:
      'How many persons it rescued, registered or not yet: rescuedBeneficiaryIds names those ' +
      'attached so far.',
  })
  personsRescued!: number;

  @Field(() => [ID], {
    description: 'Victims of the case it rescued: those named with it, then those attached.',
  })
  rescuedBeneficiaryIds!: string[];

  @Field(() => GraphQLISODateTime)
  recordedAt!: Date;
}

@ObjectType({ description: 'An investigation note. Its text is personal data.' })
@Policy(READ_CASES)
export class InvestigationNote {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLISODateTime)
  addedAt!: Date;

  @Field({ description: 'The user id of whoever wrote it.' })
  addedBy!: string;

  @Field()
  role!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Decrypted for this request, for case workers only; the read is logged first. Null once ' +
      "the case's personal data is erased.",
  })
  @Policy(READ_CASE_PERSONAL_DATA)
  text!: string | null;
}

@ObjectType({
  description: "Who answers for the case's minor victims: a guardian, or the shelter.",
})
@Policy(READ_CASES)
export class GuardianContact {
  @Field(() => GuardianContactKindEnum)
  kind!: GuardianContactKind;

  @Field({ description: 'The day the contact was made, YYYY-MM-DD (the fact).' })
  contactedOn!: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was recorded.' })
  recordedAt!: Date;

  // `details` is resolved (decrypted, the read logged) in case-personal-data.resolver.ts.

  /** Not in the schema: the case, and the sealed details opened only when asked for. */
  caseId!: string;
  caseCountry!: string;
  sealedDetails!: string;
}

@ObjectType({
  description:
    'A protection case: fact finding, rescue, identification, shelter and a safe return, for ' +
    'the victims of one situation of exploitation. Owned by the protection service.',
})
@Directive('@key(fields: "id")')
@Policy(READ_CASES)
export class ProtectionCase {
  @Field(() => ID)
  id!: string;

  @Field(() => CountryEnum, { description: 'Where the exploitation happened: the case’s scope.' })
  country!: Country;

  @Field(() => String, { nullable: true })
  province!: string | null;

  @Field({ description: 'The victims were exploited outside their own country.' })
  abroad!: boolean;

  @Field({ description: 'The victims were intercepted in transit, before being exploited.' })
  intercepted!: boolean;

  @Field(() => FormOfExploitationEnum)
  formOfExploitation!: FormOfExploitation;

  @Field(() => PlaceOfExploitationEnum, {
    nullable: true,
    description: 'The kind of place where the exploitation happened; null when unknown.',
  })
  placeOfExploitation!: PlaceOfExploitation | null;

  @Field(() => ProtectionCaseStatusEnum)
  status!: ProtectionCaseStatus;

  @Field(() => ID, {
    nullable: true,
    description: 'The case notification whose referral opened it; null when opened directly.',
  })
  sourceNotificationId!: string | null;

  @Field(() => GraphQLISODateTime)
  openedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closedAt!: Date | null;

  @Field(() => CaseClosureReasonEnum, { nullable: true })
  closureReason!: CaseClosureReason | null;

  @Field({ description: 'At least one victim is a minor.' })
  hasMinors!: boolean;

  @Field(() => Int, { description: 'The version of the case stream this shows.' })
  streamVersion!: number;

  @Field(() => [CaseVictim])
  victims!: CaseVictim[];

  @Field(() => [RescueOperation])
  rescueOperations!: RescueOperation[];

  // Listed on the case rather than under each victim: a list within a list costs its product.
  @Field(() => [ShelterPlacement], { description: "Every victim's shelter placements." })
  shelterPlacements!: ShelterPlacement[];

  @Field(() => [RepatriationStepRecord], {
    description:
      "Every victim's repatriation steps: victim by victim, each's in the order recorded.",
  })
  repatriationSteps!: RepatriationStepRecord[];

  @Field(() => Int)
  investigationNoteCount!: number;

  @Field(() => GuardianContact, { nullable: true })
  guardianOrShelterContact!: GuardianContact | null;
}

/** Protection cases in the order they were opened. */
export const ProtectionCaseConnection = connectionType(
  'ProtectionCase',
  ProtectionCase,
  READ_CASES,
);
export type ProtectionCaseConnection = Connection<ProtectionCase>;
