import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './columns';

/**
 * `empowerment.enrolments`: one row per enrolment, with its plan and its follow-up state, so
 * that the work lists (due this week, overdue, not reached N times in a row) are one indexed
 * query on this table.
 */
@Entity({ schema: 'empowerment', name: 'enrolments' })
export class EnrolmentRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'beneficiary_id' })
  beneficiaryId!: string;

  @Column('text')
  country!: string;

  @Column('text')
  sex!: string;

  @Column('boolean')
  minor!: boolean;

  /** OPEN or CLOSED. */
  @Column('text')
  status!: string;

  @Column('text', { name: 'setting_kind' })
  settingKind!: string;

  @Column('text', { name: 'shelter_name', nullable: true })
  shelterName!: string | null;

  @Column('boolean', { name: 'government_run', nullable: true })
  governmentRun!: boolean | null;

  @Column('text', { nullable: true })
  province!: string | null;

  @Column('text', { nullable: true })
  district!: string | null;

  @Column('date', { name: 'enrolled_on' })
  enrolledOn!: string;

  /** The officer who enrolled the person: whose work list the enrolment is on. */
  @Column('text', { name: 'officer_id' })
  officerId!: string;

  @Column('text', { name: 'closure_reason', nullable: true })
  closureReason!: string | null;

  @Column('date', { name: 'closed_on', nullable: true })
  closedOn!: string | null;

  @Column('text', { name: 'plan_goals', array: true, default: () => "'{}'" })
  planGoals!: string[];

  @Column('text', { name: 'follow_up_rhythm', nullable: true })
  followUpRhythm!: string | null;

  @Column('date', { name: 'review_dates', array: true, default: () => "'{}'" })
  reviewDates!: string[];

  @Column('date', { name: 'last_follow_up_on', nullable: true })
  lastFollowUpOn!: string | null;

  @Column('date', { name: 'next_follow_up_on', nullable: true })
  nextFollowUpOn!: string | null;

  /** Follow-ups in a row, latest first, that did not reach the person (0 once one does). */
  @Column('int', { name: 'consecutive_not_reached' })
  consecutiveNotReached!: number;

  @Column('date', { name: 'trained_on', nullable: true })
  trainedOn!: string | null;

  @Column('bigint', { name: 'enrolled_position', transformer: bigintAsNumber })
  enrolledPosition!: number;
}
