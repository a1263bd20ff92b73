// Relief's own GraphQL enums, registered once (the shared words are the platform's).
import { registerEnumType } from '@nestjs/graphql';
import { enumObject } from '@haven/platform/nest';
import {
  AGE_BANDS,
  DISTRIBUTION_KINDS,
  FIELD_WORKER_KINDS,
  RECIPIENT_KINDS,
  RISK_REASONS,
} from '@haven/relief/contracts';
import { FOLLOW_UP_STATUSES, MICRO_PROJECT_KINDS } from '@haven/relief/domain';
import { ENTRY_TYPES } from '@haven/relief/read-models';

export const DistributionKindEnum = enumObject(DISTRIBUTION_KINDS);
registerEnumType(DistributionKindEnum, { name: 'DistributionKind' });

export const RecipientKindEnum = enumObject(RECIPIENT_KINDS);
registerEnumType(RecipientKindEnum, {
  name: 'RecipientKind',
  description: 'A beneficiary protection registered, or a relief recipient with minimal data.',
});

export const FieldWorkerKindEnum = enumObject(FIELD_WORKER_KINDS);
registerEnumType(FieldWorkerKindEnum, { name: 'FieldWorkerKind' });

// GraphQL enum values cannot start with a digit: 12_17 is AGE_12_17 on the wire.
export const AGE_BAND_VALUES = AGE_BANDS.map((band) => `AGE_${band}`) as Array<`AGE_${string}`>;
export const AgeBandEnum = enumObject(AGE_BAND_VALUES);
registerEnumType(AgeBandEnum, { name: 'AgeBand', description: 'A coarse age band.' });
export const toAgeBand = (value: string) =>
  value.replace(/^AGE_/, '') as (typeof AGE_BANDS)[number];
export const fromAgeBand = (value: string | null) => (value === null ? null : `AGE_${value}`);

export const RiskReasonEnum = enumObject(RISK_REASONS);
registerEnumType(RiskReasonEnum, { name: 'RiskReason' });

export const MicroProjectKindEnum = enumObject(MICRO_PROJECT_KINDS);
registerEnumType(MicroProjectKindEnum, { name: 'MicroProjectKind' });

export const FollowUpStatusEnum = enumObject(FOLLOW_UP_STATUSES);
registerEnumType(FollowUpStatusEnum, { name: 'MicroProjectFollowUpStatus' });

export const ReliefEntryTypeEnum = enumObject(ENTRY_TYPES);
registerEnumType(ReliefEntryTypeEnum, { name: 'ReliefEntryType' });
