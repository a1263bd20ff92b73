import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * `relief.beneficiary_relief_distributions`: per beneficiary, the number of relief distributions (food, shelter, medical aid) received by the beneficiary.
 * Empty until the projection that fills it lands; a missing row means 0.
 */
@Entity({ schema: 'relief', name: 'beneficiary_relief_distributions' })
export class BeneficiaryReliefDistributions {
  @PrimaryColumn('uuid', { name: 'beneficiary_id' })
  beneficiaryId!: string;

  @Column('int')
  count!: number;
}
