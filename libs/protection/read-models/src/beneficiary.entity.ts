import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Country, Sex } from '@haven/protection/contracts';

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

  /** Global position of the registration: the order of lists and the key of their cursors. */
  @Column('bigint', { name: 'registered_position', transformer: bigintAsNumber })
  registeredPosition!: number;
}
