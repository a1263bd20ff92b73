// The enums of the networks subgraph. Country, Sex and FormOfExploitation are the alliance's
// shared words, registered once by the platform for every subgraph.
import { registerEnumType } from '@nestjs/graphql';
import { enumObject } from '@haven/platform/nest';
import {
  CASE_NOTIFICATION_REJECTION_REASONS,
  CASE_NOTIFICATION_STATUSES,
  REPORTER_KINDS,
} from '@haven/networks/contracts';
import {
  PARTICIPANT_ROLES,
  PARTNER_ORGANISATION_KINDS,
  PREVENTION_ACTIVITY_KINDS,
  PREVENTION_TOPICS,
  WATCHDOG_KINDS,
} from '@haven/networks/domain';

export {
  CountryEnum,
  FormOfExploitationEnum,
  PlaceOfExploitationEnum,
  SexEnum,
} from '@haven/platform/nest';

export const ReporterKindEnum = enumObject(REPORTER_KINDS);
registerEnumType(ReporterKindEnum, {
  name: 'ReporterKind',
  description: 'Who reported a case.',
});

export const CaseNotificationStatusEnum = enumObject(CASE_NOTIFICATION_STATUSES);
registerEnumType(CaseNotificationStatusEnum, {
  name: 'CaseNotificationStatus',
  valuesMap: {
    SUBMITTED: { description: 'Waiting for a coordinator to check it.' },
    VALIDATED: { description: 'A real case, to be referred to protection.' },
    REJECTED: { description: 'Checked and rejected (final).' },
    DUPLICATE: { description: 'Reports a case another notification reported (final).' },
    REFERRED: { description: 'Referred to protection, which opens a case from it.' },
  },
});

export const RejectionReasonEnum = enumObject(CASE_NOTIFICATION_REJECTION_REASONS);
registerEnumType(RejectionReasonEnum, {
  name: 'CaseNotificationRejectionReason',
  description: 'Why a notification was rejected: a closed list, never free text.',
  valuesMap: {
    NOT_A_CASE: { description: 'Checked: no exploitation or trafficking.' },
    INSUFFICIENT_INFORMATION: { description: 'Too little to act on.' },
    NOT_VERIFIABLE: { description: 'Could not be verified.' },
    OUTSIDE_MANDATE: { description: "Real, but another organisation's to handle." },
    OTHER: {},
  },
});

export const WatchdogKindEnum = enumObject(WATCHDOG_KINDS);
registerEnumType(WatchdogKindEnum, { name: 'WatchdogKind' });

export const PartnerOrganisationKindEnum = enumObject(PARTNER_ORGANISATION_KINDS);
registerEnumType(PartnerOrganisationKindEnum, { name: 'PartnerOrganisationKind' });

export const PreventionActivityKindEnum = enumObject(PREVENTION_ACTIVITY_KINDS);
registerEnumType(PreventionActivityKindEnum, { name: 'PreventionActivityKind' });

export const PreventionTopicEnum = enumObject(PREVENTION_TOPICS);
registerEnumType(PreventionTopicEnum, { name: 'PreventionTopic' });

export const ParticipantRoleEnum = enumObject(PARTICIPANT_ROLES);
registerEnumType(ParticipantRoleEnum, { name: 'ParticipantRole' });
