import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './columns';

/** What a row of `empowerment.services` is, beyond the service kinds of the contract. */
export const FOLLOW_UP = 'FOLLOW_UP';
export const SMALL_GRANT = 'SMALL_GRANT';
export const AGENT_OF_CHANGE_TRAINING = 'AGENT_OF_CHANGE_TRAINING';

/**
 * `empowerment.services`: everything a person received on an enrolment, one row each: services,
 * follow-ups, small grants (approved, then disbursed) and agent-of-change training, by the date
 * it was given. No free text.
 */
@Entity({ schema: 'empowerment', name: 'services' })
export class ServiceRow {
  /** The service's, follow-up's or grant's id; for training, the enrolment's. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'enrolment_id' })
  enrolmentId!: string;

  @Column('uuid', { name: 'beneficiary_id' })
  beneficiaryId!: string;

  @Column('text')
  country!: string;

  /** A service kind, or FOLLOW_UP, SMALL_GRANT, AGENT_OF_CHANGE_TRAINING. */
  @Column('text')
  kind!: string;

  @Column('text', { nullable: true })
  mode!: string | null;

  @Column('text', { nullable: true })
  activity!: string | null;

  @Column('text', { nullable: true })
  outcome!: string | null;

  @Column('uuid', { name: 'partner_organisation_id', nullable: true })
  partnerOrganisationId!: string | null;

  @Column('text', { nullable: true })
  channel!: string | null;

  @Column('boolean', { nullable: true })
  reached!: boolean | null;

  @Column('date', { name: 'next_follow_up_on', nullable: true })
  nextFollowUpOn!: string | null;

  @Column('text', { name: 'grant_purpose', nullable: true })
  grantPurpose!: string | null;

  @Column('bigint', { name: 'approved_minor', nullable: true, transformer: bigintAsNumber })
  approvedMinor!: number | null;

  @Column('bigint', { name: 'disbursed_minor', nullable: true, transformer: bigintAsNumber })
  disbursedMinor!: number | null;

  @Column('text', { nullable: true })
  currency!: string | null;

  @Column('date', { name: 'disbursed_on', nullable: true })
  disbursedOn!: string | null;

  /** JOB_PLACEMENT: the job. */
  @Column('text', { nullable: true })
  occupation!: string | null;

  /** TUITION_FEES, LIVING_ALLOWANCE: the school, college or training centre. */
  @Column('text', { nullable: true })
  institution!: string | null;

  /** TUITION_FEES, LIVING_ALLOWANCE, SAFE_ACCOMMODATION: the period covered. */
  @Column('date', { name: 'period_from', nullable: true })
  periodFrom!: string | null;

  @Column('date', { name: 'period_to', nullable: true })
  periodTo!: string | null;

  /** TUITION_FEES, LIVING_ALLOWANCE: the amount paid, in `currency`. */
  @Column('bigint', { name: 'amount_minor', nullable: true, transformer: bigintAsNumber })
  amountMinor!: number | null;

  /** SAFE_ACCOMMODATION: the place, sealed with the person's key (opened through the access log). */
  @Column('text', { name: 'sealed_place', nullable: true })
  sealedPlace!: string | null;

  /** The date it was given (for a grant: approved). */
  @Column('date', { name: 'provided_on' })
  providedOn!: string;

  /** The staff member who gave it (a user id). */
  @Column('text', { name: 'provided_by' })
  providedBy!: string;

  @Column('bigint', { transformer: bigintAsNumber })
  position!: number;
}
