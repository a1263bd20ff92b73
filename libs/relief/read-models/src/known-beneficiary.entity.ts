import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `relief.known_beneficiaries`: what relief knows of protection's beneficiaries, from the log. */
@Entity({ schema: 'relief', name: 'known_beneficiaries' })
export class KnownBeneficiaryRow {
  @PrimaryColumn('uuid', { name: 'beneficiary_id' })
  beneficiaryId!: string;

  @Column('text')
  country!: string;

  @Column('boolean')
  erased!: boolean;
}
