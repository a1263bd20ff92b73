import { beneficiaryCountExtension } from '@haven/platform/nest';
import { BeneficiaryEmpowermentServices } from '@haven/empowerment/read-models';

/** Protection's `Beneficiary`, by its key: empowerment adds the number of empowerment services they received. */
export const { Beneficiary, BeneficiaryResolver } = beneficiaryCountExtension({
  field: 'empowermentServiceCount',
  description: 'Empowerment services (education, training, counselling) given to this beneficiary.',
  entity: BeneficiaryEmpowermentServices,
  columns: { id: 'beneficiaryId', count: 'count' },
});
