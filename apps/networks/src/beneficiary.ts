import { beneficiaryCountExtension } from '@haven/platform/nest';
import { BeneficiaryCaseNotifications } from '@haven/networks/read-models';

/** Protection's `Beneficiary`, by its key: networks adds the number of case notifications about them. */
export const { Beneficiary, BeneficiaryResolver } = beneficiaryCountExtension({
  field: 'caseNotificationCount',
  description: 'Case notifications about this beneficiary, from the partner networks.',
  entity: BeneficiaryCaseNotifications,
  columns: { id: 'beneficiaryId', count: 'count' },
});
