import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './columns';

/** What a row of `relief.entries` is. */
export const ENTRY_TYPES = [
  'RECIPIENT',
  'DISTRIBUTION',
  'PERSON_AT_RISK',
  'MIGRATED_FAMILIES',
  'DETECTION',
  'MICRO_PROJECT',
  'FOLLOW_UP',
] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/**
 * `relief.entries`: one row per thing recorded in a response (a recipient, a distribution, a
 * person at risk, migrated families, a detection, a micro-project, a follow-up), with who recorded
 * it and when. Coarse facts only: no alias, no name; `place` is a district or village.
 */
@Entity({ schema: 'relief', name: 'entries' })
export class ReliefEntryRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'response_id' })
  responseId!: string;

  @Column('text', { name: 'entry_type' })
  entryType!: EntryType;

  /** Distribution kind, risk reason, form of exploitation, micro-project kind or follow-up status. */
  @Column('text')
  kind!: string;

  @Column('text', { name: 'recipient_kind', nullable: true })
  recipientKind!: string | null;

  @Column('uuid', { name: 'recipient_id', nullable: true })
  recipientId!: string | null;

  @Column('uuid', { name: 'beneficiary_id', nullable: true })
  beneficiaryId!: string | null;

  @Column('text', { name: 'field_worker_kind', nullable: true })
  fieldWorkerKind!: string | null;

  @Column('text', { name: 'field_worker_id', nullable: true })
  fieldWorkerId!: string | null;

  @Column('text', { nullable: true })
  sex!: string | null;

  @Column('text', { name: 'age_band', nullable: true })
  ageBand!: string | null;

  @Column('text', { nullable: true })
  place!: string | null;

  /** Household size, or number of families migrated. */
  @Column('int', { nullable: true })
  count!: number | null;

  @Column('text', { nullable: true })
  destination!: string | null;

  @Column('boolean', { nullable: true })
  flag!: boolean | null;

  @Column('bigint', { name: 'amount_minor', nullable: true, transformer: bigintAsNumber })
  amountMinor!: number | null;

  @Column('text', { nullable: true })
  currency!: string | null;

  /** The micro-project a follow-up belongs to. */
  @Column('uuid', { name: 'project_id', nullable: true })
  projectId!: string | null;

  /** The case notification a detection became. */
  @Column('uuid', { name: 'notification_id', nullable: true })
  notificationId!: string | null;

  @Column('timestamptz', { name: 'notified_at', nullable: true })
  notifiedAt!: Date | null;

  /** The day the fact occurred. */
  @Column('date', { name: 'occurred_on' })
  occurredOn!: string;

  @Column('text', { name: 'recorded_by' })
  recordedBy!: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  @Column('bigint', { transformer: bigintAsNumber })
  position!: number;
}
