import type { RecordedEvent } from '@haven/platform/event-store';
import { insertRows, type Projection } from '@haven/platform/projections';
import {
  CASE_NOTIFICATION_CATEGORY,
  CASE_NOTIFICATION_EVENT_TYPES,
  type CaseNotificationEvent,
} from '@haven/networks/contracts';
import {
  BENEFICIARY_CATEGORY,
  BENEFICIARY_EVENT_TYPES,
  PROTECTION_CASE_CATEGORY,
  PROTECTION_CASE_EVENT_TYPES,
  type BeneficiaryEvent,
} from '@haven/protection/contracts';
import type { RecordedProtectionCaseEvent } from './protection-cases.projection';
import {
  EMPOWERMENT_TIMELINE_CATEGORY,
  EMPOWERMENT_TIMELINE_TYPES,
  empowermentEntry,
} from './timeline-empowerment';
import { RELIEF_TIMELINE_CATEGORY, RELIEF_TIMELINE_TYPES, reliefEntry } from './timeline-relief';
import { LEGAL_CASE_CATEGORY, LEGAL_TIMELINE_TYPES, legalEntry } from './timeline-legal';
import {
  TimelineEntryRow,
  type TimelineSubject,
  type TimelineSummary,
} from './timeline-entry.entity';

/**
 * Networks' notification events shown on the timeline of the case a notification became: the
 * types its contract names (a type it adds later only moves the checkpoint until named there).
 */
export const NOTIFICATION_TIMELINE_TYPES: readonly string[] = CASE_NOTIFICATION_EVENT_TYPES;

type RecordedNotificationEvent = {
  [Type in CaseNotificationEvent['type']]: RecordedEvent<
    Type,
    Extract<CaseNotificationEvent, { type: Type }>['data']
  >;
}[CaseNotificationEvent['type']];

type RecordedBeneficiaryEvent = {
  [Type in BeneficiaryEvent['type']]: RecordedEvent<
    Type,
    Extract<BeneficiaryEvent, { type: Type }>['data']
  >;
}[BeneficiaryEvent['type']];

interface Placement {
  subjectType: TimelineSubject;
  subjectId: string;
  caseId: string | null;
  notificationId: string | null;
}

/** Which timelines an event goes on, and the facts it shows there. */
interface Entry {
  subjects: Placement[];
  summary: TimelineSummary;
}

const onCase = (caseId: string, ...victims: string[]): Placement[] => [
  { subjectType: 'ProtectionCase', subjectId: caseId, caseId, notificationId: null },
  ...victims.map((beneficiaryId): Placement => ({
    subjectType: 'Beneficiary',
    subjectId: beneficiaryId,
    caseId,
    notificationId: null,
  })),
];

// Each summary is an allow-list of fields: free text (notes, places, shelter names, contact
// details, erasure reasons) never reaches a timeline.
function caseEntry(event: RecordedProtectionCaseEvent): Entry {
  switch (event.type) {
    case 'ProtectionCaseOpened': {
      const { caseId, country, province, abroad, formOfExploitation, sourceNotificationId } =
        event.data;
      // `date`: the day it happened; the entry's occurredAt is when it was recorded.
      const date = event.data.openedOn;
      return {
        subjects: onCase(caseId),
        summary: { country, province, abroad, formOfExploitation, sourceNotificationId, date },
      };
    }
    case 'VictimAddedToCase': {
      const { caseId, beneficiaryId, formOfExploitation, minor, addedOn: date } = event.data;
      return {
        subjects: onCase(caseId, beneficiaryId),
        summary: { beneficiaryId, formOfExploitation, minor, date },
      };
    }
    case 'InvestigationNoteAdded':
      return { subjects: onCase(event.data.caseId), summary: { noteId: event.data.noteId } };
    case 'RescueOperationRecorded': {
      const { caseId, operationId, date, partnerAgencies, rescuedBeneficiaryIds } = event.data;
      return {
        subjects: onCase(caseId, ...rescuedBeneficiaryIds),
        summary: {
          operationId,
          date,
          // How many it rescued, registered or not yet (before they were counted: those named).
          victimsRescued: event.data.personsRescued ?? rescuedBeneficiaryIds.length,
          partnerAgencies: partnerAgencies.length,
        },
      };
    }
    case 'RescuedVictimAttached': {
      const { caseId, operationId, beneficiaryId } = event.data;
      return { subjects: onCase(caseId, beneficiaryId), summary: { beneficiaryId, operationId } };
    }
    case 'VictimIdentificationRecorded': {
      const { caseId, beneficiaryId, outcome, date } = event.data;
      return { subjects: onCase(caseId, beneficiaryId), summary: { beneficiaryId, outcome, date } };
    }
    case 'ShelterPlacementRecorded': {
      const { caseId, beneficiaryId, placementId, from, to } = event.data;
      return {
        subjects: onCase(caseId, beneficiaryId),
        summary: { beneficiaryId, placementId, from, to },
      };
    }
    case 'RepatriationStepRecorded': {
      const { caseId, beneficiaryId, step, date } = event.data;
      return { subjects: onCase(caseId, beneficiaryId), summary: { beneficiaryId, step, date } };
    }
    case 'GuardianContactRecorded': {
      // The victim it answers for, if one; `date`: the day it was made.
      const { caseId, beneficiaryId, kind, contactedOn: date } = event.data;
      return beneficiaryId
        ? { subjects: onCase(caseId, beneficiaryId), summary: { beneficiaryId, kind, date } }
        : { subjects: onCase(caseId), summary: { kind, date } };
    }
    case 'ProtectionCaseClosed': {
      const { caseId, reason, closedOn: date } = event.data;
      return { subjects: onCase(caseId), summary: { reason, date } };
    }
    case 'ProtectionCaseReopened': {
      const { caseId, reason, reopenedOn: date } = event.data;
      return { subjects: onCase(caseId), summary: { reason, date } };
    }
    default: {
      const unknown: never = event;
      throw new Error(`timeline cannot apply ${String((unknown as { type: unknown }).type)}`);
    }
  }
}

function beneficiaryEntry(event: RecordedBeneficiaryEvent): Entry {
  const subjects: Placement[] = [
    {
      subjectType: 'Beneficiary',
      subjectId: event.data.beneficiaryId,
      caseId: null,
      notificationId: null,
    },
  ];
  switch (event.type) {
    case 'BeneficiaryRegistered': {
      // `date`: the day she was registered; the entry's occurredAt is when it was recorded.
      const { referenceCode, country, minor, registeredOn: date } = event.data;
      return { subjects, summary: { referenceCode, country, minor, date } };
    }
    case 'BeneficiaryErasureRequested':
    case 'BeneficiaryErased':
      return { subjects, summary: {} };
    case 'ConsentRecorded': {
      const { kind, partnerOrganisationId, given, recordedOn } = event.data;
      return { subjects, summary: { kind, partnerOrganisationId, given, recordedOn } };
    }
    case 'BeneficiaryFlaggedAsPossibleDuplicate':
      return {
        subjects,
        summary: {
          candidates: event.data.candidateIds.length,
          reasons: event.data.reasons.join(','),
        },
      };
    case 'PossibleDuplicateResolved': {
      const { candidateId, decision } = event.data;
      return { subjects, summary: { candidateId, decision } };
    }
    default: {
      const unknown: never = event;
      throw new Error(`timeline cannot apply ${String((unknown as { type: unknown }).type)}`);
    }
  }
}

function notificationEntry(event: RecordedNotificationEvent): Entry {
  // Any notification event belongs to the notification its stream is named after.
  const notificationId = event.streamId.slice(CASE_NOTIFICATION_CATEGORY.length + 1);
  const subjects: Placement[] = [
    { subjectType: 'CaseNotification', subjectId: notificationId, caseId: null, notificationId },
  ];
  switch (event.type) {
    case 'CaseNotificationSubmitted':
    case 'CaseNotificationReferred': {
      // Not the reporter's network reference: who reported is told by kind only.
      const { country, province, abroad, formOfExploitation, possibleVictims, minors, reportedBy } =
        event.data;
      return {
        subjects,
        summary: {
          country,
          province,
          abroad,
          formOfExploitation,
          possibleVictims,
          minors,
          reportedBy,
        },
      };
    }
    case 'CaseNotificationValidated':
      return { subjects, summary: {} };
    case 'CaseNotificationRejected':
      return { subjects, summary: { reason: event.data.reason } };
    case 'CaseNotificationMarkedDuplicate':
      return { subjects, summary: { duplicateOf: event.data.duplicateOf } };
    default:
      // A type networks added since: on the timeline, with no facts until named here.
      return { subjects, summary: {} };
  }
}

function entryOf(event: RecordedEvent): Entry {
  switch (event.streamCategory) {
    case PROTECTION_CASE_CATEGORY:
      return caseEntry(event as RecordedProtectionCaseEvent);
    case BENEFICIARY_CATEGORY:
      return beneficiaryEntry(event as RecordedBeneficiaryEvent);
    case EMPOWERMENT_TIMELINE_CATEGORY:
      return empowermentEntry(event);
    case RELIEF_TIMELINE_CATEGORY:
      return reliefEntry(event);
    case LEGAL_CASE_CATEGORY:
      return legalEntry(event);
    default:
      return notificationEntry(event as RecordedNotificationEvent);
  }
}

function occurredAt(event: RecordedEvent): Date {
  const stated = Date.parse(event.metadata.occurredAt);
  return Number.isNaN(stated) ? event.recordedAt : new Date(stated);
}

/**
 * `protection.timeline_entries`: what happened to each case and each beneficiary, across networks
 * (the notification a case came from) and protection, in global order, with who did it and when.
 */
export const timelineProjection: Projection = {
  name: 'protection.timeline',
  handles: [
    ...PROTECTION_CASE_EVENT_TYPES,
    ...BENEFICIARY_EVENT_TYPES,
    ...NOTIFICATION_TIMELINE_TYPES,
    ...EMPOWERMENT_TIMELINE_TYPES,
    ...RELIEF_TIMELINE_TYPES,
    ...LEGAL_TIMELINE_TYPES,
  ],
  categories: [
    PROTECTION_CASE_CATEGORY,
    BENEFICIARY_CATEGORY,
    CASE_NOTIFICATION_CATEGORY,
    EMPOWERMENT_TIMELINE_CATEGORY,
    RELIEF_TIMELINE_CATEGORY,
    LEGAL_CASE_CATEGORY,
  ],
  entities: [TimelineEntryRow],
  async apply(events, manager) {
    const rows: TimelineEntryRow[] = events.flatMap((event) => {
      const { subjects, summary } = entryOf(event);
      return subjects.map((subject) => ({
        ...subject,
        position: event.globalPosition,
        type: event.type,
        summary,
        actorId: event.metadata.actorId,
        role: event.metadata.role,
        occurredAt: occurredAt(event),
      }));
    });
    await insertRows(manager, TimelineEntryRow, rows, { doNothing: true });
  },
  async reset(manager) {
    await manager.createQueryBuilder().delete().from(TimelineEntryRow).execute();
  },
};
