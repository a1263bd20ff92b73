// The GraphQL enums of protection cases. Country, Sex and FormOfExploitation are the
// alliance's shared words, registered once in @haven/platform/nest.
import { registerEnumType } from '@nestjs/graphql';
import {
  CASE_CLOSURE_REASONS,
  CASE_REOPENING_REASONS,
  GUARDIAN_CONTACT_KINDS,
  IDENTIFICATION_OUTCOMES,
  PROTECTION_CASE_STATUSES,
  REPATRIATION_STEPS,
} from '@haven/protection/contracts';
import { enumObject } from '@haven/platform/nest';

export const ProtectionCaseStatusEnum = enumObject(PROTECTION_CASE_STATUSES);
registerEnumType(ProtectionCaseStatusEnum, { name: 'ProtectionCaseStatus' });

export const IdentificationOutcomeEnum = enumObject(IDENTIFICATION_OUTCOMES);
registerEnumType(IdentificationOutcomeEnum, {
  name: 'IdentificationOutcome',
  description: 'Whether the authorities officially identified a victim of trafficking.',
});

export const RepatriationStepEnum = enumObject(REPATRIATION_STEPS);
registerEnumType(RepatriationStepEnum, {
  name: 'RepatriationStep',
  description: 'The steps of a safe return home.',
  valuesMap: {
    FAMILY_TRACING: { description: 'Her family was traced and the return prepared with it.' },
    DOCUMENTS: { description: 'Her travel and identity documents were obtained.' },
    ESCORTED_JOURNEY: {
      description:
        'She was escorted across the border. Needs her officially identified or placed in a ' +
        'shelter, and for a minor a guardian or shelter contact on the case.',
    },
    RECEPTION: { description: 'She was received at home (after the escorted journey).' },
    FOLLOW_UP: { description: 'A follow-up after her arrival (after reception); may repeat.' },
  },
});

export const GuardianContactKindEnum = enumObject(GUARDIAN_CONTACT_KINDS);
registerEnumType(GuardianContactKindEnum, { name: 'GuardianContactKind' });

export const CaseClosureReasonEnum = enumObject(CASE_CLOSURE_REASONS);
registerEnumType(CaseClosureReasonEnum, { name: 'CaseClosureReason' });

export const CaseReopeningReasonEnum = enumObject(CASE_REOPENING_REASONS);
registerEnumType(CaseReopeningReasonEnum, { name: 'CaseReopeningReason' });

export const DATE_DESCRIPTION = 'A calendar day, YYYY-MM-DD, where it happened.';
