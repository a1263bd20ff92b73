import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * `networks.beneficiary_case_notifications`: per beneficiary, the number of case notifications about the beneficiary (reports from partner networks).
 * Empty until the projection that fills it lands; a missing row means 0.
 */
@Entity({ schema: 'networks', name: 'beneficiary_case_notifications' })
export class BeneficiaryCaseNotifications {
  @PrimaryColumn('uuid', { name: 'beneficiary_id' })
  beneficiaryId!: string;

  @Column('int')
  count!: number;
}
