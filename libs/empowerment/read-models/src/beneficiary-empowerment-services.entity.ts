import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * `empowerment.beneficiary_empowerment_services`: per beneficiary, the number of empowerment services (education, vocational training, counselling) given to the beneficiary.
 * Filled by beneficiaryEmpowermentServicesProjection; a missing row means 0.
 */
@Entity({ schema: 'empowerment', name: 'beneficiary_empowerment_services' })
export class BeneficiaryEmpowermentServices {
  @PrimaryColumn('uuid', { name: 'beneficiary_id' })
  beneficiaryId!: string;

  @Column('int')
  count!: number;
}
