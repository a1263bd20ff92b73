import { beneficiaryCountExtension } from '@haven/platform/nest';
import { BeneficiaryReliefDistributions } from '@haven/relief/read-models';

/** Protection's `Beneficiary`, by its key: relief adds the number of relief distributions they received. */
export const { Beneficiary, BeneficiaryResolver } = beneficiaryCountExtension({
  field: 'reliefDistributionCount',
  description: 'Relief distributions (food, shelter, medical aid) this beneficiary received.',
  entity: BeneficiaryReliefDistributions,
  columns: { id: 'beneficiaryId', count: 'count' },
});
