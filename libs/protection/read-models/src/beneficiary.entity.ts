import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  ConsentKind,
  Country,
  DuplicateDecision,
  DuplicateReason,
  SealedPersonalFields,
  Sex,
} from '@haven/protection/contracts';

/** The latest consent of one kind (and partner, for sharing). No personal data. */
export interface ConsentRecord {
  kind: ConsentKind;
  partnerOrganisationId: string | null;
  given: boolean;
  recordedOn: string;
  /** ISO 8601 instant at which it was recorded, and by whom. */
  recordedAt: string;
  recordedBy: string;
}

/** A beneficiary this one may be: ids and reasons, and what a person decided. */
export interface PossibleDuplicateRecord {
  candidateId: string;
  reasons: DuplicateReason[];
  /** Null while no one has decided. */
  decision: DuplicateDecision | null;
  flaggedAt: string;
  decidedBy: string | null;
}

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

  /** YYYY-MM-DD: the day she was registered (null in rows projected before it was kept). */
  @Column('text', { name: 'registered_on', nullable: true })
  registeredOn!: string | null;

  /** When the registration was recorded. */
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

  /** The latest consent per kind and partner (the full history is on the timeline). */
  @Column('jsonb', { default: () => "'[]'::jsonb" })
  consents!: ConsentRecord[];

  /** Candidates flagged at registration, with the decision taken on each. */
  @Column('jsonb', { name: 'possible_duplicates', default: () => "'[]'::jsonb" })
  possibleDuplicates!: PossibleDuplicateRecord[];

  /** Global position of the registration: the order of lists and the key of their cursors. */
  @Column('bigint', { name: 'registered_position', transformer: bigintAsNumber })
  registeredPosition!: number;
}
