import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * `networks.beneficiary_case_notifications`: per beneficiary, the number of case notifications
 * that led to them: referred notifications whose protection case they were added to as a victim
 * (see its projection). A missing row means 0.
 */
@Entity({ schema: 'networks', name: 'beneficiary_case_notifications' })
export class BeneficiaryCaseNotifications {
  @PrimaryColumn('uuid', { name: 'beneficiary_id' })
  beneficiaryId!: string;

  @Column('int')
  count!: number;
}
