import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * `empowerment.known_beneficiaries`: what empowerment knows of protection's beneficiaries, from
 * protection's events on the log (never a call): where they are, and the facts enrolment needs.
 */
@Entity({ schema: 'empowerment', name: 'known_beneficiaries' })
export class KnownBeneficiaryRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  country!: string;

  @Column('text')
  sex!: string;

  @Column('boolean')
  minor!: boolean;

  /** The latest SERVICES consent was given (false when never recorded, or withdrawn). */
  @Column('boolean', { name: 'services_consent' })
  servicesConsent!: boolean;

  @Column('boolean')
  erased!: boolean;
}
