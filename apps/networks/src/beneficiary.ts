import { beneficiaryCountExtension } from '@haven/platform/nest';
import { BeneficiaryCaseNotifications } from '@haven/networks/read-models';

/**
 * Protection's `Beneficiary`, by its key: networks adds how many case notifications led to them
 * (a notification never names a victim; protection adds the victims to the case it opens from a
 * referral, and networks counts from those events).
 */
export const { Beneficiary, BeneficiaryResolver } = beneficiaryCountExtension({
  field: 'caseNotificationCount',
  description:
    'Referred case notifications that led to this beneficiary: those whose protection case she ' +
    'was added to as a victim.',
  entity: BeneficiaryCaseNotifications,
  columns: { id: 'beneficiaryId', count: 'count' },
});
