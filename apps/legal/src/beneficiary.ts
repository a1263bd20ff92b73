import { beneficiaryCountExtension } from '@haven/platform/nest';
import { BeneficiaryLegalCases } from '@haven/legal/read-models';

/** Protection's `Beneficiary`, by its key: legal adds the number of legal cases they are a party to. */
export const { Beneficiary, BeneficiaryResolver } = beneficiaryCountExtension({
  field: 'legalCaseCount',
  description: 'Legal cases in which this beneficiary is a party.',
  entity: BeneficiaryLegalCases,
  columns: { id: 'beneficiaryId', count: 'count' },
});
