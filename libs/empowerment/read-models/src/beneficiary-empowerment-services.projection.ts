import type { RecordedEvent } from '@haven/platform/event-store';
import { rowProjection } from '@haven/platform/projections';
import { ENROLMENT_CATEGORY, type EmpowermentServiceRecorded } from '@haven/empowerment/contracts';
import { BeneficiaryEmpowermentServices } from './beneficiary-empowerment-services.entity';

/** Per beneficiary, the empowerment services recorded for her (`Beneficiary.empowermentServiceCount`). */
export const beneficiaryEmpowermentServicesProjection = rowProjection<
  BeneficiaryEmpowermentServices,
  RecordedEvent<'EmpowermentServiceRecorded', EmpowermentServiceRecorded['data']>
>({
  name: 'empowerment.beneficiary_empowerment_services',
  entity: BeneficiaryEmpowermentServices,
  handles: ['EmpowermentServiceRecorded'],
  categories: [ENROLMENT_CATEGORY],
  keyOf: (event) => event.data.beneficiaryId,
  evolve: (row, event) => ({
    beneficiaryId: event.data.beneficiaryId,
    count: (row?.count ?? 0) + 1,
  }),
});
