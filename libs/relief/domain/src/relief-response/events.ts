import type {
  AgeBand,
  FieldWorkerKind,
  MigratedFamiliesRecorded,
  PersonAtRiskRecorded,
  PotentialVictimDetected,
  ReliefDetectionNotified,
  ReliefDistributed,
  RiskReason,
} from '@haven/relief/contracts';
import type { Country, Sex } from '@haven/vocabulary';
import type { FollowUpStatus, MicroProjectKind } from './words';

// Relief's internal events (the integration events are its contract's). Each carries the
// facts that changed and the coarse attributes reports count by, never a name or an address.

type Ev<Type extends string, Data> = { type: Type; data: Data };

type FieldWork = { fieldWorkerKind: FieldWorkerKind; fieldWorkerId: string };

export type ReliefResponseOpened = Ev<
  'ReliefResponseOpened',
  {
    responseId: string;
    name: string;
    country: Country;
    startsOn: string;
    endsOn: string | null;
    funder: string | null;
  }
>;

export type ReliefRecipientRegistered = Ev<
  'ReliefRecipientRegistered',
  FieldWork & {
    responseId: string;
    recipientId: string;
    ageBand: AgeBand;
    sex: Sex;
    district: string;
    householdSize: number;
    singleMotherHead: boolean;
    riskReason: RiskReason;
    registeredOn: string;
    /**
     * The alias, sealed with the recipient's own key (`pii:v1:…`): only ciphertext is stored.
     * Absent from recipients recorded before aliases were kept; they read as having none.
     */
    sealedAlias?: string | null;
  }
>;

/** The recipient's key was destroyed: the alias can never be read again, anywhere. */
export type ReliefRecipientAliasErased = Ev<
  'ReliefRecipientAliasErased',
  { responseId: string; recipientId: string }
>;

export type ReliefRecipientLinked = Ev<
  'ReliefRecipientLinked',
  { responseId: string; recipientId: string; beneficiaryId: string }
>;

export type MicroProjectStarted = Ev<
  'MicroProjectStarted',
  {
    responseId: string;
    projectId: string;
    beneficiaryId: string | null;
    recipientId: string | null;
    kind: MicroProjectKind;
    amountMinor: number;
    currency: string;
    marketCheckDone: boolean;
    startedOn: string;
  }
>;

export type MicroProjectFollowedUp = Ev<
  'MicroProjectFollowedUp',
  {
    responseId: string;
    projectId: string;
    followUpId: string;
    followedUpOn: string;
    status: FollowUpStatus;
  }
>;

export type { MigratedFamiliesRecorded, PersonAtRiskRecorded, PotentialVictimDetected };

export type ReliefResponseEvent =
  | ReliefResponseOpened
  | ReliefRecipientRegistered
  | ReliefRecipientLinked
  | ReliefRecipientAliasErased
  | ReliefDistributed
  | PersonAtRiskRecorded
  | MigratedFamiliesRecorded
  | PotentialVictimDetected
  | ReliefDetectionNotified
  | MicroProjectStarted
  | MicroProjectFollowedUp;

/** Every event type a relief response stream holds: what its projections declare. */
export const RELIEF_RESPONSE_EVENT_TYPES: readonly ReliefResponseEvent['type'][] = [
  'ReliefResponseOpened',
  'ReliefRecipientRegistered',
  'ReliefRecipientLinked',
  'ReliefRecipientAliasErased',
  'ReliefDistributed',
  'PersonAtRiskRecorded',
  'MigratedFamiliesRecorded',
  'PotentialVictimDetected',
  'ReliefDetectionNotified',
  'MicroProjectStarted',
  'MicroProjectFollowedUp',
];
