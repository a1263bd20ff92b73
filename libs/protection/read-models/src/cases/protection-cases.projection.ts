import type { RecordedEvent } from '@haven/platform/event-store';
import { rowProjection } from '@haven/platform/projections';
import {
  PROTECTION_CASE_CATEGORY,
  PROTECTION_CASE_EVENT_TYPES,
  type ProtectionCaseEvent,
} from '@haven/protection/contracts';
import { InvestigationNoteRow } from './investigation-note.entity';
import { ProtectionCaseRow, type CaseVictimRecord } from './protection-case.entity';

export type RecordedProtectionCaseEvent = {
  [Type in ProtectionCaseEvent['type']]: RecordedEvent<
    Type,
    Extract<ProtectionCaseEvent, { type: Type }>['data']
  >;
}[ProtectionCaseEvent['type']];

function withVictim(
  row: ProtectionCaseRow,
  beneficiaryId: string,
  change: (victim: CaseVictimRecord) => CaseVictimRecord,
): ProtectionCaseRow {
  return {
    ...row,
    victims: row.victims.map((victim) =>
      victim.beneficiaryId === beneficiaryId ? change(victim) : victim,
    ),
  };
}

function evolveCase(
  row: ProtectionCaseRow | null,
  event: RecordedProtectionCaseEvent,
): ProtectionCaseRow | null {
  if (event.type === 'ProtectionCaseOpened') {
    const {
      caseId,
      country,
      province,
      abroad,
      formOfExploitation,
      sourceNotificationId,
      openedAt,
    } = event.data;
    // Absent before version 3 (when the store reads it without its upcaster): unknown.
    const placeOfExploitation = event.data.placeOfExploitation ?? null;
    return {
      id: caseId,
      country,
      province,
      abroad,
      // Absent before version 4: not an interception.
      intercepted: event.data.intercepted === true,
      formOfExploitation,
      placeOfExploitation,
      status: 'OPEN',
      sourceNotificationId,
      openedAt: new Date(openedAt),
      closedAt: null,
      closureReason: null,
      hasMinors: false,
      victims: [],
      rescueOperations: [],
      guardianContact: null,
      noteCount: 0,
      streamVersion: event.streamVersion,
      openedPosition: event.globalPosition,
    };
  }
  // Every later event follows an opening in its stream: without a row there is nothing to change.
  if (!row) return null;
  const next = { ...row, streamVersion: event.streamVersion };
  switch (event.type) {
    case 'VictimAddedToCase': {
      const { beneficiaryId, formOfExploitation, minor, addedAt } = event.data;
      return {
        ...next,
        hasMinors: next.hasMinors || minor,
        victims: [
          ...next.victims,
          {
            beneficiaryId,
            formOfExploitation,
            minor,
            addedAt,
            identification: null,
            placements: [],
            repatriationSteps: [],
            rescuedIn: [],
          },
        ],
      };
    }
    case 'InvestigationNoteAdded':
      return { ...next, noteCount: next.noteCount + 1 };
    case 'RescueOperationRecorded': {
      const {
        operationId,
        date,
        place,
        online,
        partnerAgencies,
        rescuedBeneficiaryIds,
        recordedAt,
      } = event.data;
      const rescued = new Set(rescuedBeneficiaryIds);
      // Absent in an event stored before rescues were counted: the victims it named.
      const personsRescued = event.data.personsRescued ?? rescuedBeneficiaryIds.length;
      return {
        ...next,
        rescueOperations: [
          ...next.rescueOperations,
          {
            operationId,
            date,
            place,
            online,
            partnerAgencies,
            personsRescued,
            rescuedBeneficiaryIds,
            recordedAt,
          },
        ],
        victims: next.victims.map((victim) =>
          rescued.has(victim.beneficiaryId)
            ? { ...victim, rescuedIn: [...victim.rescuedIn, operationId] }
            : victim,
        ),
      };
    }
    case 'RescuedVictimAttached': {
      const { operationId, beneficiaryId } = event.data;
      const attached = withVictim(next, beneficiaryId, (victim) => ({
        ...victim,
        rescuedIn: [...victim.rescuedIn, operationId],
      }));
      return {
        ...attached,
        rescueOperations: attached.rescueOperations.map((operation) =>
          operation.operationId === operationId
            ? {
                ...operation,
                rescuedBeneficiaryIds: [...operation.rescuedBeneficiaryIds, beneficiaryId],
              }
            : operation,
        ),
      };
    }
    case 'VictimIdentificationRecorded': {
      const { beneficiaryId, outcome, date, authority, recordedAt } = event.data;
      return withVictim(next, beneficiaryId, (victim) => ({
        ...victim,
        identification: { outcome, date, authority, recordedAt },
      }));
    }
    case 'ShelterPlacementRecorded': {
      const { beneficiaryId, placementId, shelterName, from, to, recordedAt } = event.data;
      return withVictim(next, beneficiaryId, (victim) => ({
        ...victim,
        placements: [...victim.placements, { placementId, shelterName, from, to, recordedAt }],
      }));
    }
    case 'RepatriationStepRecorded': {
      const { beneficiaryId, step, date, recordedAt } = event.data;
      return withVictim(next, beneficiaryId, (victim) => ({
        ...victim,
        repatriationSteps: [...victim.repatriationSteps, { step, date, recordedAt }],
      }));
    }
    case 'GuardianContactRecorded': {
      const { kind, details, recordedAt } = event.data;
      // Absent before version 3 (read without the upcaster): the day it was recorded.
      const contactedOn = event.data.contactedOn ?? recordedAt.slice(0, 10);
      const contact = { kind, details, contactedOn, recordedAt };
      // The case keeps the latest contact; a victim's own (from version 2) is hers too.
      const beneficiaryId = event.data.beneficiaryId ?? null;
      const withContact = { ...next, guardianContact: contact };
      return beneficiaryId === null
        ? withContact
        : withVictim(withContact, beneficiaryId, (victim) => ({
            ...victim,
            guardianContact: contact,
          }));
    }
    case 'ProtectionCaseClosed':
      return {
        ...next,
        status: 'CLOSED',
        closedAt: new Date(event.data.closedAt),
        closureReason: event.data.reason,
      };
    case 'ProtectionCaseReopened':
      return { ...next, status: 'OPEN', closedAt: null, closureReason: null };
    default: {
      const unknown: never = event;
      throw new Error(
        `protection.protection_cases cannot apply ${String((unknown as { type: unknown }).type)}`,
      );
    }
  }
}

/** `protection.protection_cases`: one row per case, its victims and operations inside. */
export const protectionCasesProjection = rowProjection<
  ProtectionCaseRow,
  RecordedProtectionCaseEvent
>({
  // Renamed when its rows change shape (v2: each victim's own guardian contact), so that it is
  // rebuilt from the log, starting from empty.
  name: 'protection.protection_cases.v2',
  entity: ProtectionCaseRow,
  handles: PROTECTION_CASE_EVENT_TYPES,
  categories: [PROTECTION_CASE_CATEGORY],
  keyOf: (event) => event.data.caseId,
  evolve: evolveCase,
  startsFromEmpty: true,
});

type RecordedNoteEvent = Extract<RecordedProtectionCaseEvent, { type: 'InvestigationNoteAdded' }>;

/** `protection.case_investigation_notes`: one row per note, its text sealed. */
export const investigationNotesProjection = rowProjection<InvestigationNoteRow, RecordedNoteEvent>({
  name: 'protection.case_investigation_notes',
  entity: InvestigationNoteRow,
  handles: ['InvestigationNoteAdded'],
  categories: [PROTECTION_CASE_CATEGORY],
  keyOf: (event) => event.data.noteId,
  evolve: (_row, event) => ({
    id: event.data.noteId,
    caseId: event.data.caseId,
    text: event.data.text,
    addedAt: new Date(event.data.addedAt),
    actorId: event.metadata.actorId,
    role: event.metadata.role,
    position: event.globalPosition,
  }),
});
