import type { CommandMetadata } from '@haven/platform/domain';
import type {
  AgeBand,
  DistributionKind,
  FieldWorkerKind,
  RiskReason,
} from '@haven/relief/contracts';
import type { MicroProjectKind, FollowUpStatus } from './words';

/**
 * Who did a piece of field work: their kind, and their id (networks' register for an agent of
 * change). `inRegister` is what relief learnt of an agent of change from networks' events on the
 * log: whether the register holds that id.
 */
export type FieldWorker = { kind: FieldWorkerKind; id: string; inRegister?: boolean };

/** What relief knows of a protection beneficiary, from protection's events on the log. */
export type BeneficiaryFacts = { known: boolean; erased: boolean };

export type Recipient =
  | { kind: 'BENEFICIARY'; beneficiaryId: string; beneficiary: BeneficiaryFacts }
  | { kind: 'RELIEF_RECIPIENT'; recipientId: string };

type Cmd<Type extends string, Data> = { type: Type; data: Data; metadata: CommandMetadata };

export type OpenReliefResponse = Cmd<
  'OpenReliefResponse',
  {
    responseId: string;
    name: string;
    country: string;
    startsOn: string;
    /** Null while the response goes on. */
    endsOn: string | null;
    funder: string | null;
  }
>;

/** Minimal data, never a full registration: no name, no birth date, no contact. */
export type RegisterReliefRecipient = Cmd<
  'RegisterReliefRecipient',
  {
    recipientId: string;
    ageBand: AgeBand;
    sex: string;
    district: string;
    householdSize: number;
    singleMotherHead: boolean;
    riskReason: RiskReason;
    registeredOn: string;
    fieldWorker: FieldWorker;
    /**
     * The alias sealed with the recipient's own key before the decider sees it; null only when
     * the recipient is recorded already (a retry is not sealed again).
     */
    sealedAlias: string | null;
  }
>;

/** A coordinator erases a recipient's alias: its key is destroyed, the rest stays counted. */
export type EraseReliefRecipientAlias = Cmd<'EraseReliefRecipientAlias', { recipientId: string }>;

/** A coordinator's decision, never automatic. */
export type LinkRecipientToBeneficiary = Cmd<
  'LinkRecipientToBeneficiary',
  { recipientId: string; beneficiaryId: string; beneficiary: BeneficiaryFacts }
>;

export type RecordDistribution = Cmd<
  'RecordDistribution',
  {
    distributionId: string;
    kind: DistributionKind;
    recipient: Recipient;
    /** For a micro-project grant only. */
    grant: { amountMinor: number; currency: string } | null;
    /** Where it was given. */
    country: string;
    distributedOn: string;
    fieldWorker: FieldWorker;
  }
>;

export type RecordPersonAtRisk = Cmd<
  'RecordPersonAtRisk',
  {
    entryId: string;
    reason: RiskReason;
    sex: string;
    ageBand: AgeBand;
    district: string;
    foundOn: string;
    fieldWorker: FieldWorker;
  }
>;

export type RecordMigratedFamilies = Cmd<
  'RecordMigratedFamilies',
  {
    entryId: string;
    families: number;
    /** ISO 3166-1 alpha-2 code of where they went. */
    destination: string;
    district: string;
    recordedOn: string;
    fieldWorker: FieldWorker;
  }
>;

export type RecordPotentialVictim = Cmd<
  'RecordPotentialVictim',
  {
    detectionId: string;
    formOfExploitation: string;
    /** Where she was to be taken (ISO 3166-1), when known. */
    destination?: string | null;
    /** A district or village: never an address. */
    place: string;
    sex: string;
    ageBand: AgeBand;
    detectedOn: string;
    fieldWorker: FieldWorker;
  }
>;

/** Turn a detection into a case notification for networks (at most once). */
export type NotifyDetection = Cmd<'NotifyDetection', { detectionId: string }>;

export type StartMicroProject = Cmd<
  'StartMicroProject',
  {
    projectId: string;
    recipient: Recipient;
    kind: MicroProjectKind;
    grant: { amountMinor: number; currency: string };
    marketCheckDone: boolean;
    startedOn: string;
  }
>;

export type RecordMicroProjectFollowUp = Cmd<
  'RecordMicroProjectFollowUp',
  { projectId: string; followUpId: string; followedUpOn: string; status: FollowUpStatus }
>;

export type ReliefResponseCommand =
  | OpenReliefResponse
  | RegisterReliefRecipient
  | LinkRecipientToBeneficiary
  | EraseReliefRecipientAlias
  | RecordDistribution
  | RecordPersonAtRisk
  | RecordMigratedFamilies
  | RecordPotentialVictim
  | NotifyDetection
  | StartMicroProject
  | RecordMicroProjectFollowUp;
