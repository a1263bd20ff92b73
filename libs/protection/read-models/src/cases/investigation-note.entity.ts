import { Column, Entity, PrimaryColumn } from 'typeorm';

const bigintAsNumber = {
  to: (value: number) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A row of `protection.case_investigation_notes`: one note, its text sealed as the event holds it. */
@Entity({ schema: 'protection', name: 'case_investigation_notes' })
export class InvestigationNoteRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  /** Sealed with the case's data key (field `investigationNote`): never clear text. */
  @Column('text')
  text!: string;

  @Column('timestamptz', { name: 'added_at' })
  addedAt!: Date;

  @Column('text', { name: 'actor_id' })
  actorId!: string;

  @Column('text')
  role!: string;

  @Column('bigint', { transformer: bigintAsNumber })
  position!: number;
}
