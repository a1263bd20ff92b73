import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './columns';

/**
 * `empowerment.notes`: counselling notes and family situations, each sealed with the person's
 * key (`pii:v1:…`). Only a reader that logs its access opens them; erasing the person destroys
 * the key, and every copy here becomes unreadable.
 */
@Entity({ schema: 'empowerment', name: 'notes' })
export class NoteRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'enrolment_id' })
  enrolmentId!: string;

  @Column('uuid', { name: 'beneficiary_id' })
  beneficiaryId!: string;

  @Column('text')
  topic!: string;

  @Column('date', { name: 'written_on' })
  writtenOn!: string;

  @Column('text', { name: 'written_by' })
  writtenBy!: string;

  @Column('text', { name: 'sealed_text' })
  sealedText!: string;

  @Column('bigint', { transformer: bigintAsNumber })
  position!: number;
}
