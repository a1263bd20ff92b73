import type {
  CaseNotificationRejectionReason,
  CaseNotificationStatus,
  FormOfExploitation,
  PlaceOfExploitation,
  ReporterKind,
} from '@haven/networks/contracts';
import type { CountryCode } from '@haven/networks/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './columns';

/**
 * A row of `networks.case_notifications`: one notification, its check and its referral. Who
 * submitted it and who decided come from the events' metadata (user ids, never names).
 */
@Entity({ schema: 'networks', name: 'case_notifications' })
export class CaseNotificationRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  status!: CaseNotificationStatus;

  @Column('text', { name: 'reported_by' })
  reportedBy!: ReporterKind;

  @Column('uuid', { name: 'reporter_reference', nullable: true })
  reporterReference!: string | null;

  @Column('text', { name: 'form_of_exploitation' })
  formOfExploitation!: FormOfExploitation;

  /** TH, LA, MM, VN; OTHER abroad. Country roles reach the notifications of their countries. */
  @Column('text')
  country!: string;

  @Column('text', { nullable: true })
  province!: string | null;

  /** The kind of place where it happened; null when not said (and before it was asked). */
  @Column('text', { name: 'place_of_exploitation', nullable: true })
  placeOfExploitation!: PlaceOfExploitation | null;

  @Column('boolean')
  abroad!: boolean;

  /** Where abroad (ISO 3166-1); null when not said (and before it was asked). */
  @Column('text', { nullable: true })
  destination!: CountryCode | null;

  /** The possible victims' nationality (ISO 3166-1); null when not said. */
  @Column('text', { nullable: true })
  nationality!: CountryCode | null;

  @Column('int', { name: 'possible_victims' })
  possibleVictims!: number;

  @Column('int')
  minors!: number;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt!: Date;

  /** The subject (user id) who submitted it: a watchdog sees the status of its own only. */
  @Column('text', { name: 'submitted_by' })
  submittedBy!: string;

  @Column('text', { name: 'submitter_role' })
  submitterRole!: string;

  /** The submitter's organisation: a partner sees its organisation's notifications. */
  @Column('text', { name: 'submitter_organisation_id', nullable: true })
  submitterOrganisationId!: string | null;

  /** When it was validated, rejected or marked a duplicate, and by whom (a user id). */
  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('text', { name: 'rejection_reason', nullable: true })
  rejectionReason!: CaseNotificationRejectionReason | null;

  @Column('uuid', { name: 'duplicate_of', nullable: true })
  duplicateOf!: string | null;

  @Column('timestamptz', { name: 'referred_at', nullable: true })
  referredAt!: Date | null;

  /** Global position of the submission: the order of lists and the key of their cursors. */
  @Column('bigint', { name: 'submitted_position', transformer: bigintAsNumber })
  submittedPosition!: number;
}
