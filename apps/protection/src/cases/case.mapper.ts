import type {
  CaseVictimRecord,
  GuardianContactRecord,
  ProtectionCaseRow,
  TimelineEntryRow,
  TimelineSummary as StoredSummary,
} from '@haven/protection/read-models';
import { decodePositionCursor, encodePositionCursor } from '../paging';
import type {
  CaseVictim,
  GuardianContact,
  ProtectionCase,
  RepatriationStepRecord,
  ShelterPlacement,
} from './case.types';
import type { TimelineEntry, TimelineSummary } from './timeline.types';

/** Read-model row → GraphQL type, field by field: a column added later stays out until named here. */
export function toProtectionCase(row: ProtectionCaseRow): ProtectionCase {
  return {
    id: row.id,
    country: row.country,
    province: row.province,
    abroad: row.abroad,
    intercepted: row.intercepted,
    formOfExploitation: row.formOfExploitation,
    placeOfExploitation: row.placeOfExploitation ?? null,
    status: row.status,
    sourceNotificationId: row.sourceNotificationId,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    closureReason: row.closureReason,
    hasMinors: row.hasMinors,
    streamVersion: row.streamVersion,
    victims: row.victims.map((victim): CaseVictim => ({
      beneficiaryId: victim.beneficiaryId,
      formOfExploitation: victim.formOfExploitation,
      minor: victim.minor,
      addedAt: new Date(victim.addedAt),
      identification: victim.identification && {
        outcome: victim.identification.outcome,
        date: victim.identification.date,
        authority: victim.identification.authority,
        recordedAt: new Date(victim.identification.recordedAt),
      },
      shelterPlacement: victim.placements.length
        ? toPlacement(victim, victim.placements[victim.placements.length - 1])
        : null,
      repatriationStepsDone: [...new Set(victim.repatriationSteps.map((step) => step.step))],
      rescuedIn: [...victim.rescuedIn],
      guardianOrShelterContact: victim.guardianContact
        ? toContact(row, victim.guardianContact)
        : null,
    })),
    rescueOperations: row.rescueOperations.map((operation) => ({
      id: operation.operationId,
      date: operation.date,
      place: operation.place,
      online: operation.online === true,
      partnerAgencies: [...operation.partnerAgencies],
      personsRescued: operation.personsRescued ?? operation.rescuedBeneficiaryIds.length,
      rescuedBeneficiaryIds: [...operation.rescuedBeneficiaryIds],
      recordedAt: new Date(operation.recordedAt),
    })),
    shelterPlacements: row.victims.flatMap((victim) =>
      victim.placements.map((placement) => toPlacement(victim, placement)),
    ),
    repatriationSteps: row.victims.flatMap((victim) =>
      victim.repatriationSteps.map((step): RepatriationStepRecord => ({
        beneficiaryId: victim.beneficiaryId,
        step: step.step,
        date: step.date,
        recordedAt: new Date(step.recordedAt),
      })),
    ),
    investigationNoteCount: row.noteCount,
    guardianOrShelterContact: row.guardianContact ? toContact(row, row.guardianContact) : null,
  };
}

/** A contact, with what its sealed details' resolver needs (the case and its country). */
function toContact(row: ProtectionCaseRow, contact: GuardianContactRecord): GuardianContact {
  return {
    kind: contact.kind,
    contactedOn: contact.contactedOn ?? contact.recordedAt.slice(0, 10),
    recordedAt: new Date(contact.recordedAt),
    caseId: row.id,
    caseCountry: row.country,
    sealedDetails: contact.details,
  };
}

function toPlacement(
  victim: CaseVictimRecord,
  placement: CaseVictimRecord['placements'][number],
): ShelterPlacement {
  return {
    id: placement.placementId,
    beneficiaryId: victim.beneficiaryId,
    shelterName: placement.shelterName,
    from: placement.from,
    to: placement.to,
    recordedAt: new Date(placement.recordedAt),
  };
}

// Which fact of a stored summary is which field, and of what type: a fact not named here (or of
// another type) stays out of the API.
const SUMMARY_FIELDS = {
  country: 'string',
  province: 'string',
  abroad: 'boolean',
  formOfExploitation: 'string',
  possibleVictims: 'number',
  minors: 'number',
  reportedBy: 'string',
  sourceNotificationId: 'string',
  beneficiaryId: 'string',
  referenceCode: 'string',
  minor: 'boolean',
  noteId: 'string',
  operationId: 'string',
  placementId: 'string',
  date: 'string',
  from: 'string',
  to: 'string',
  victimsRescued: 'number',
  partnerAgencies: 'number',
  outcome: 'string',
  step: 'string',
  kind: 'string',
  reason: 'string',
  duplicateOf: 'string',
} as const satisfies Record<keyof TimelineSummary, 'string' | 'number' | 'boolean'>;

function toSummary(stored: StoredSummary): TimelineSummary {
  const summary = {} as Record<keyof TimelineSummary, string | number | boolean | null>;
  for (const [name, type] of Object.entries(SUMMARY_FIELDS) as Array<
    [keyof TimelineSummary, string]
  >) {
    const value = stored[name];
    summary[name] = typeof value === type ? value : null;
  }
  return summary as TimelineSummary;
}

export function toTimelineEntry(row: TimelineEntryRow): TimelineEntry {
  return {
    position: row.position,
    type: row.type,
    summary: toSummary(row.summary),
    actorId: row.actorId,
    role: row.role,
    occurredAt: row.occurredAt,
    caseId: row.caseId,
    notificationId: row.notificationId,
  };
}

export const CASE_CURSOR = 'case';
export const TIMELINE_CURSOR = 'timeline';

export function encodeCaseCursor(row: Pick<ProtectionCaseRow, 'openedPosition'>): string {
  return encodePositionCursor(CASE_CURSOR, row.openedPosition);
}

export function decodeCaseCursor(cursor: string): number | undefined {
  return decodePositionCursor(CASE_CURSOR, cursor);
}
