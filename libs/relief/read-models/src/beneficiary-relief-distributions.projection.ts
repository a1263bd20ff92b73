import type { RecordedEvent } from '@haven/platform/event-store';
import { rowProjection } from '@haven/platform/projections';
import { RELIEF_RESPONSE_CATEGORY, type ReliefDistributed } from '@haven/relief/contracts';
import { BeneficiaryReliefDistributions } from './beneficiary-relief-distributions.entity';

/** Per registered beneficiary, the distributions they received (a linked recipient's included). */
export const beneficiaryReliefDistributionsProjection = rowProjection<
  BeneficiaryReliefDistributions,
  RecordedEvent<'ReliefDistributed', ReliefDistributed['data']>
>({
  name: 'relief.beneficiary_relief_distributions',
  entity: BeneficiaryReliefDistributions,
  handles: ['ReliefDistributed'],
  categories: [RELIEF_RESPONSE_CATEGORY],
  keyOf: (event) => event.data.beneficiaryId ?? undefined,
  evolve: (row, event) => ({
    beneficiaryId: event.data.beneficiaryId as string,
    count: (row?.count ?? 0) + 1,
  }),
});
