import { Column, Entity, PrimaryColumn } from 'typeorm';

const bigintAsNumber = {
  to: (value: number) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** Whose timeline an entry is on. */
export type TimelineSubject = 'ProtectionCase' | 'Beneficiary' | 'CaseNotification';

/** What a timeline entry shows of its event: a few facts, never personal data. */
export type TimelineSummary = Record<string, string | number | boolean | null>;

/**
 * A row of `protection.timeline_entries`: one event on one subject's timeline. An event about
 * several subjects (a rescue of three victims) is one row for each.
 */
@Entity({ schema: 'protection', name: 'timeline_entries' })
export class TimelineEntryRow {
  @PrimaryColumn('uuid', { name: 'subject_id' })
  subjectId!: string;

  /** The event's global position: the timeline's order. */
  @PrimaryColumn('bigint', { transformer: bigintAsNumber })
  position!: number;

  @Column('text', { name: 'subject_type' })
  subjectType!: TimelineSubject;

  @Column('text')
  type!: string;

  @Column('jsonb')
  summary!: TimelineSummary;

  @Column('text', { name: 'actor_id' })
  actorId!: string;

  @Column('text')
  role!: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  /** The case the event belongs to, when it is a case's (scopes a beneficiary's timeline). */
  @Column('uuid', { name: 'case_id', nullable: true })
  caseId!: string | null;

  /** The notification the event belongs to, when it is networks'. */
  @Column('uuid', { name: 'notification_id', nullable: true })
  notificationId!: string | null;
}
