import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  CaseClosureReason,
  Country,
  FormOfExploitation,
  PlaceOfExploitation,
  GuardianContactKind,
  IdentificationOutcome,
  ProtectionCaseStatus,
  RepatriationStep,
} from '@haven/protection/contracts';

const bigintAsNumber = {
  to: (value: number) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A victim of a case, as the case row holds it (jsonb): facts, never her personal data. */
export interface CaseVictimRecord {
  beneficiaryId: string;
  formOfExploitation: FormOfExploitation;
  minor: boolean;
  addedAt: string;
  /** The latest identification decision, if any. */
  identification: {
    outcome: IdentificationOutcome;
    date: string;
    authority: string | null;
    recordedAt: string;
  } | null;
  placements: Array<{
    placementId: string;
    shelterName: string;
    from: string;
    to: string | null;
    recordedAt: string;
  }>;
  repatriationSteps: Array<{ step: RepatriationStep; date: string; recordedAt: string }>;
  /** The operations that rescued her. */
  rescuedIn: string[];
  /** Her own guardian or shelter contact, the latest recorded (absent: none, or projected before). */
  guardianContact?: GuardianContactRecord | null;
}

export interface RescueOperationRecord {
  operationId: string;
  date: string;
  place: string;
  /** A platform report, a take-down or a remote intervention: `place` is the platform. */
  online?: boolean;
  partnerAgencies: string[];
  /** How many persons it rescued, named or not yet (absent before it was counted: the named). */
  personsRescued?: number;
  /** The victims named: with the operation, then attached as they were registered. */
  rescuedBeneficiaryIds: string[];
  recordedAt: string;
}

/** The guardian or shelter contact: its details stay sealed with the case's key. */
export interface GuardianContactRecord {
  kind: GuardianContactKind;
  details: string;
  /** The day the contact was made (absent in rows projected before it was kept). */
  contactedOn?: string;
  recordedAt: string;
}

/** A row of `protection.protection_cases`: the read model behind the case queries. */
@Entity({ schema: 'protection', name: 'protection_cases' })
export class ProtectionCaseRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  country!: Country;

  @Column('text', { nullable: true })
  province!: string | null;

  @Column('boolean')
  abroad!: boolean;

  /** The victims were intercepted in transit, before being exploited. */
  @Column('boolean')
  intercepted!: boolean;

  @Column('text', { name: 'form_of_exploitation' })
  formOfExploitation!: FormOfExploitation;

  /** The kind of place where it happened (a hidden brothel, online…); null when unknown. */
  @Column('text', { name: 'place_of_exploitation', nullable: true })
  placeOfExploitation!: PlaceOfExploitation | null;

  @Column('text')
  status!: ProtectionCaseStatus;

  /** The notification whose referral opened the case; null when an officer opened it. */
  @Column('uuid', { name: 'source_notification_id', nullable: true })
  sourceNotificationId!: string | null;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt!: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('text', { name: 'closure_reason', nullable: true })
  closureReason!: CaseClosureReason | null;

  @Column('boolean', { name: 'has_minors' })
  hasMinors!: boolean;

  @Column('jsonb')
  victims!: CaseVictimRecord[];

  @Column('jsonb', { name: 'rescue_operations' })
  rescueOperations!: RescueOperationRecord[];

  @Column('jsonb', { name: 'guardian_contact', nullable: true })
  guardianContact!: GuardianContactRecord | null;

  @Column('integer', { name: 'note_count' })
  noteCount!: number;

  /** The case stream's version this row shows. */
  @Column('integer', { name: 'stream_version' })
  streamVersion!: number;

  /** Global position of the opening: the order of lists and the key of their cursors. */
  @Column('bigint', { name: 'opened_position', transformer: bigintAsNumber })
  openedPosition!: number;
}
