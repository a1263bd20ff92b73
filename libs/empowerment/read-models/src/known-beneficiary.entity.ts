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

  /** ISO 3166-1 nationality, for statistics (ADR 21); null when unknown. */
  @Column('text', { nullable: true })
  nationality!: string | null;

  /** Age in whole years on `ageOn` (the day of registration); null when unknown. */
  @Column('int', { name: 'age_years', nullable: true })
  ageYears!: number | null;

  @Column('date', { name: 'age_on', nullable: true })
  ageOn!: string | null;
}
