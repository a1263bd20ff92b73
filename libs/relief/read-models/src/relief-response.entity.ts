import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './columns';

/** `relief.responses`: one row per relief response (a crisis, a country, dates, a funder). */
@Entity({ schema: 'relief', name: 'responses' })
export class ReliefResponseRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  country!: string;

  @Column('date', { name: 'starts_on' })
  startsOn!: string;

  @Column('date', { name: 'ends_on', nullable: true })
  endsOn!: string | null;

  @Column('text', { nullable: true })
  funder!: string | null;

  @Column('text', { name: 'opened_by' })
  openedBy!: string;

  @Column('bigint', { name: 'opened_position', transformer: bigintAsNumber })
  openedPosition!: number;
}
