import { Column, Entity, PrimaryColumn } from 'typeorm';

const asNumber = { to: (value: number) => value, from: (value: string) => Number(value) };

/**
 * `reports.facts`: one row per counted fact of any programme, append-only. `occurred_on` is the
 * day of the fact (reports count by it); `recorded_at` is when its event was recorded (`asOf`
 * filters by it). No identity: a subject id is a random UUID or a place label (ADR 21).
 */
@Entity({ schema: 'reports', name: 'facts' })
export class ReportFact {
  /** The source event's id and the fact's index among that event's facts. */
  @PrimaryColumn('text', { name: 'fact_id' })
  factId!: string;

  @Column('text')
  programme!: string;

  @Column('text')
  kind!: string;

  @Column('text')
  country!: string;

  @Column('date', { name: 'occurred_on' })
  occurredOn!: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  @Column('bigint', { transformer: asNumber })
  position!: number;

  @Column('text', { name: 'subject_id', nullable: true })
  subjectId!: string | null;

  @Column('boolean')
  person!: boolean;

  @Column('text', { name: 'state_key', nullable: true })
  stateKey!: string | null;

  @Column('bigint', { transformer: asNumber })
  quantity!: number;

  @Column('jsonb')
  attributes!: Record<string, string>;
}

/** `reports.subjects`: what a module remembers between events (a case's country, a person's sex). */
@Entity({ schema: 'reports', name: 'subjects' })
export class ReportSubject {
  @PrimaryColumn('text')
  key!: string;

  @Column('jsonb')
  attributes!: Record<string, string | number | boolean | null>;
}
