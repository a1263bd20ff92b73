// What a protection case's decisions need to know, folded from its events: kept typed (no facts
// flattened into strings), so a rule reads what it compares.
import { unreachable } from '@haven/platform/domain';
import type {
  CaseClosureReason,
  Country,
  FormOfExploitation,
  IdentificationOutcome,
  ProtectionCaseEvent,
  PlaceOfExploitation,
  RepatriationStep,
} from '@haven/protection/contracts';

export interface VictimState {
  minor: boolean;
  /** The latest identification outcome and what it was recorded with (a repeat is a retry). */
  identification: { outcome: IdentificationOutcome; date: string; authority: string | null } | null;
  placed: boolean;
  /** A guardian or shelter contact was recorded for her own. */
  guardianContact: boolean;
  /** The repatriation steps done, in the order they were recorded. */
  steps: ReadonlyArray<{ step: RepatriationStep; date: string }>;
}

/**
 * What a client-chosen record id (a note's, an operation's, a placement's) was used for: the same
 * id with the same facts again is a retry. A note's text is sealed anew on every try, so a note
 * is known by its id alone.
 */
export type CaseRecord =
  | { kind: 'note' }
  | {
      kind: 'rescue';
      date: string;
      place: string;
      online: boolean;
      partnerAgencies: readonly string[];
      personsRescued: number;
      rescuedBeneficiaryIds: readonly string[];
    }
  | {
      kind: 'placement';
      beneficiaryId: string;
      shelterName: string;
      from: string;
      to: string | null;
    };

export type ProtectionCaseState =
  | { status: 'NONE' }
  | {
      status: 'OPEN' | 'CLOSED';
      caseId: string;
      country: Country;
      province: string | null;
      abroad: boolean;
      intercepted: boolean;
      formOfExploitation: FormOfExploitation;
      placeOfExploitation: PlaceOfExploitation | null;
      sourceNotificationId: string | null;
      victims: Readonly<Record<string, VictimState>>;
      /** A contact for the whole case was recorded (as every contact was before per victim). */
      guardianContact: boolean;
      /** The ids given to notes, operations and placements, each with what it recorded. */
      records: Readonly<Record<string, CaseRecord>>;
      /** Each rescue's victims named so far: those it was recorded with, then those attached. */
      rescued: Readonly<Record<string, readonly string[]>>;
      closureReason: CaseClosureReason | null;
      /**
       * Who opened the case, from its opening's metadata: a replayed opening is only its
       * opener's retry (absent for an event read without its metadata, as in decider specs).
       */
      openedBy?: Opener;
    };

/** Who opened a case. */
export type Opener = { actorId: string; organisationId: string | null };

function openerOf(event: ProtectionCaseEvent): Opener | undefined {
  const { metadata } = event as { metadata?: { actorId?: string; organisationId?: string | null } };
  if (metadata?.actorId === undefined) return undefined;
  return { actorId: metadata.actorId, organisationId: metadata.organisationId ?? null };
}

export type OpenedCase = Exclude<ProtectionCaseState, { status: 'NONE' }>;

export function initialProtectionCaseState(): ProtectionCaseState {
  return { status: 'NONE' };
}

function withVictim(
  state: OpenedCase,
  beneficiaryId: string,
  change: (victim: VictimState) => VictimState,
): OpenedCase {
  const victim = state.victims[beneficiaryId];
  if (!victim) return state;
  return { ...state, victims: { ...state.victims, [beneficiaryId]: change(victim) } };
}

function withRecord(state: OpenedCase, id: string, record: CaseRecord): OpenedCase {
  return { ...state, records: { ...state.records, [id]: record } };
}

export function evolveProtectionCase(
  state: ProtectionCaseState,
  event: ProtectionCaseEvent,
): ProtectionCaseState {
  if (event.type === 'ProtectionCaseOpened') {
    const { caseId, country, province, abroad, formOfExploitation, sourceNotificationId } =
      event.data;
    return {
      status: 'OPEN',
      caseId,
      country,
      province,
      abroad,
      // Absent before version 4 read without its upcaster: not an interception.
      intercepted: event.data.intercepted === true,
      formOfExploitation,
      // Absent before version 3 read without its upcaster: unknown.
      placeOfExploitation: event.data.placeOfExploitation ?? null,
      sourceNotificationId,
      victims: {},
      guardianContact: false,
      records: {},
      rescued: {},
      closureReason: null,
      ...(openerOf(event) ? { openedBy: openerOf(event) } : {}),
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'VictimAddedToCase':
      return {
        ...state,
        victims: {
          ...state.victims,
          [event.data.beneficiaryId]: {
            minor: event.data.minor,
            identification: null,
            placed: false,
            guardianContact: false,
            steps: [],
          },
        },
      };
    case 'InvestigationNoteAdded':
      return withRecord(state, event.data.noteId, { kind: 'note' });
    case 'RescueOperationRecorded': {
      const { operationId, date, place, online, partnerAgencies, rescuedBeneficiaryIds } =
        event.data;
      const recorded = withRecord(state, operationId, {
        kind: 'rescue',
        date,
        place,
        // Absent in a version 1 event read without its upcaster: a physical place, as then.
        online: online === true,
        // Absent before version 3 read without its upcaster: the victims named, as then.
        personsRescued: event.data.personsRescued ?? rescuedBeneficiaryIds.length,
        partnerAgencies,
        rescuedBeneficiaryIds,
      });
      return { ...recorded, rescued: { ...state.rescued, [operationId]: rescuedBeneficiaryIds } };
    }
    case 'RescuedVictimAttached': {
      const { operationId, beneficiaryId } = event.data;
      const named = state.rescued[operationId] ?? [];
      return { ...state, rescued: { ...state.rescued, [operationId]: [...named, beneficiaryId] } };
    }
    case 'VictimIdentificationRecorded': {
      const { outcome, date, authority } = event.data;
      return withVictim(state, event.data.beneficiaryId, (victim) => ({
        ...victim,
        identification: { outcome, date, authority },
      }));
    }
    case 'ShelterPlacementRecorded': {
      const { beneficiaryId, placementId, shelterName, from, to } = event.data;
      const placed = withVictim(state, beneficiaryId, (victim) => ({ ...victim, placed: true }));
      return withRecord(placed, placementId, {
        kind: 'placement',
        beneficiaryId,
        shelterName,
        from,
        to,
      });
    }
    case 'RepatriationStepRecorded': {
      const { step, date } = event.data;
      return withVictim(state, event.data.beneficiaryId, (victim) => ({
        ...victim,
        steps: [...victim.steps, { step, date }],
      }));
    }
    case 'GuardianContactRecorded': {
      const { beneficiaryId } = event.data;
      // Absent in a version 1 event read without its upcaster: the whole case's, as then.
      if (beneficiaryId == null) return { ...state, guardianContact: true };
      return withVictim(state, beneficiaryId, (victim) => ({ ...victim, guardianContact: true }));
    }
    case 'ProtectionCaseClosed':
      return { ...state, status: 'CLOSED', closureReason: event.data.reason };
    case 'ProtectionCaseReopened':
      return { ...state, status: 'OPEN', closureReason: null };
    default:
      return unreachable(event, 'event');
  }
}
