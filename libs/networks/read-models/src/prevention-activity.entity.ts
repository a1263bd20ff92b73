import type {
  Country,
  ParticipantCount,
  PreventionActivityKind,
  PreventionTopic,
} from '@haven/networks/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './columns';

/**
 * `networks.prevention_activities`: trainings, campaigns, meetings and focus groups, their
 * participants or reach.
 */
@Entity({ schema: 'networks', name: 'prevention_activities' })
export class PreventionActivityRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: PreventionActivityKind;

  @Column('text')
  topic!: PreventionTopic;

  /** The day it took place, YYYY-MM-DD. */
  @Column('date')
  date!: string;

  @Column('text')
  country!: Country;

  @Column('text', { nullable: true })
  province!: string | null;

  @Column('text', { nullable: true })
  district!: string | null;

  @Column('boolean')
  online!: boolean;

  /** Counts by sex and role, as recorded; null when the reach is given instead. */
  @Column('jsonb', { nullable: true })
  participants!: ParticipantCount[] | null;

  /** The sum of `participants`, for totals in SQL. */
  @Column('int', { name: 'participant_count', nullable: true })
  participantCount!: number | null;

  @Column('int', { nullable: true })
  reach!: number | null;

  /** How many schools or institutions took part; null when not counted. */
  @Column('int', { nullable: true })
  institutions!: number | null;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  @Column('bigint', { name: 'recorded_position', transformer: bigintAsNumber })
  recordedPosition!: number;
}
