import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * `legal.beneficiary_legal_cases`: per beneficiary, the number of legal cases in which the beneficiary is a party.
 * Empty until the projection that fills it lands; a missing row means 0.
 */
@Entity({ schema: 'legal', name: 'beneficiary_legal_cases' })
export class BeneficiaryLegalCases {
  @PrimaryColumn('uuid', { name: 'beneficiary_id' })
  beneficiaryId!: string;

  @Column('int')
  count!: number;
}
