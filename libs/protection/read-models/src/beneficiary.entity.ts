import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Country, SealedPersonalFields, Sex } from '@haven/protection/contracts';

const bigintAsNumber = {
  to: (value: number) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A row of `protection.beneficiaries`: the read model behind the beneficiary queries. */
@Entity({ schema: 'protection', name: 'beneficiaries' })
export class BeneficiaryRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'reference_code' })
  referenceCode!: string;

  @Column('text')
  country!: Country;

  @Column('text')
  sex!: Sex;

  @Column('boolean')
  minor!: boolean;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;

  /** The organisation of whoever registered it (a partner sees only its own). */
  @Column('text', { name: 'organisation_id', nullable: true })
  organisationId!: string | null;

  /** The personal fields, sealed as the registration event holds them; null once erased. */
  @Column('jsonb', { nullable: true })
  personal!: SealedPersonalFields | null;

  /** When the erasure of the personal data was confirmed (its key destroyed). */
  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt!: Date | null;

  /** Global position of the registration: the order of lists and the key of their cursors. */
  @Column('bigint', { name: 'registered_position', transformer: bigintAsNumber })
  registeredPosition!: number;
}
