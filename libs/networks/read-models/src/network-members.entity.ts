import type {
  Country,
  CountryCode,
  PartnerOrganisationKind,
  WatchdogKind,
} from '@haven/networks/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './columns';

/** `networks.watchdogs`: people and groups trained (or not yet) to spot and notify cases. */
@Entity({ schema: 'networks', name: 'watchdogs' })
export class WatchdogRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: WatchdogKind;

  @Column('text')
  country!: Country;

  @Column('text', { nullable: true })
  province!: string | null;

  /** ISO 3166-1; null when not known. */
  @Column('text', { name: 'lives_in', nullable: true })
  livesIn!: CountryCode | null;

  /** YYYY-MM-DD. */
  @Column('date', { name: 'joined_on' })
  joinedOn!: string;

  @Column('boolean')
  trained!: boolean;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;

  @Column('bigint', { name: 'registered_position', transformer: bigintAsNumber })
  registeredPosition!: number;
}

/** `networks.agents_of_change`: beneficiaries who completed the programme (protection's id only). */
@Entity({ schema: 'networks', name: 'agents_of_change' })
export class AgentOfChangeRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'beneficiary_id' })
  beneficiaryId!: string;

  @Column('text')
  country!: Country;

  @Column('text', { nullable: true })
  province!: string | null;

  @Column('date', { name: 'qualified_on' })
  qualifiedOn!: string;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;

  @Column('bigint', { name: 'registered_position', transformer: bigintAsNumber })
  registeredPosition!: number;
}

/** `networks.womens_groups`: former victims and women at risk who report cases. */
@Entity({ schema: 'networks', name: 'womens_groups' })
export class WomensGroupRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  country!: Country;

  @Column('text', { nullable: true })
  province!: string | null;

  @Column('date', { name: 'joined_on' })
  joinedOn!: string;

  @Column('int', { name: 'member_count', nullable: true })
  memberCount!: number | null;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;

  @Column('bigint', { name: 'registered_position', transformer: bigintAsNumber })
  registeredPosition!: number;
}

/** `networks.partner_organisations`: NGOs, embassies, police, shelters… that refer cases. */
@Entity({ schema: 'networks', name: 'partner_organisations' })
export class PartnerOrganisationRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: PartnerOrganisationKind;

  @Column('text')
  country!: Country;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;

  @Column('bigint', { name: 'registered_position', transformer: bigintAsNumber })
  registeredPosition!: number;
}
