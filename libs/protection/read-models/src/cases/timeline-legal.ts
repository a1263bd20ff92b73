// Legal's integration events on the beneficiaries' timelines: which beneficiaries each event is
// about, and the few facts it shows there. Closed lists and dates only: no identity, no amount
// beyond what reports count, no sealed value (those events stay internal to legal).
import {
  LEGAL_CASE_CATEGORY,
  LEGAL_CASE_INTEGRATION_EVENT_TYPES,
  type LegalCaseIntegrationEvent,
} from '@haven/legal/contracts';
import type { RecordedEvent } from '@haven/platform/event-store';
import type { TimelineSummary } from './timeline-entry.entity';

export { LEGAL_CASE_CATEGORY };

/** The legal event types shown on timelines: those legal's contract names. */
export const LEGAL_TIMELINE_TYPES: readonly string[] = LEGAL_CASE_INTEGRATION_EVENT_TYPES;

type RecordedLegalEvent = {
  [Type in LegalCaseIntegrationEvent['type']]: Omit<RecordedEvent<Type>, 'data'> & {
    data: Extract<LegalCaseIntegrationEvent, { type: Type }>['data'];
  };
}[LegalCaseIntegrationEvent['type']];

/**
 * The beneficiaries whose timelines a legal event goes on, and its summary (in the timeline's
 * existing fields: `kind`, `outcome`, `date`, `from`, `to`, `country`, `beneficiaryId`).
 * A legal case is no protection case: entries carry no caseId, and show to whoever may read
 * her timeline.
 */
export function legalEntry(recorded: RecordedEvent): {
  subjects: Array<{
    subjectType: 'Beneficiary';
    subjectId: string;
    caseId: null;
    notificationId: null;
  }>;
  summary: TimelineSummary;
} {
  const { beneficiaryIds, summary } = legalFacts(recorded);
  const subjects = beneficiaryIds.map((subjectId) => ({
    subjectType: 'Beneficiary' as const,
    subjectId,
    caseId: null,
    notificationId: null,
  }));
  return { subjects, summary };
}

function legalFacts(recorded: RecordedEvent): {
  beneficiaryIds: string[];
  summary: TimelineSummary;
} {
  const event = recorded as unknown as RecordedLegalEvent;
  const { country } = event.data;
  switch (event.type) {
    case 'LegalCaseOpened':
      return {
        beneficiaryIds: event.data.beneficiaryIds,
        summary: {
          country,
          kind: event.data.kind,
          date: event.data.openedOn,
          to: event.data.stage,
        },
      };
    case 'LegalCaseBeneficiaryJoined': {
      const { beneficiaryId, role, joinedOn, minor } = event.data;
      return {
        beneficiaryIds: [beneficiaryId],
        summary: { country, beneficiaryId, kind: role, minor, date: joinedOn },
      };
    }
    case 'LegalCaseStageChanged':
      return {
        beneficiaryIds: event.data.beneficiaryIds,
        summary: { country, from: event.data.from, to: event.data.to, date: event.data.on },
      };
    case 'OffenderStatusChanged':
      return {
        beneficiaryIds: event.data.beneficiaryIds,
        summary: {
          country,
          kind: event.data.offenderKind,
          from: event.data.from,
          to: event.data.to,
          date: event.data.on,
        },
      };
    case 'LegalServiceOccasionRecorded':
      return {
        beneficiaryIds: event.data.beneficiaryIds,
        summary: { country, kind: event.data.kind, date: event.data.on },
      };
    case 'EvidenceVerified': {
      const { beneficiaryId, documentKind, finding, verifiedBy, on } = event.data;
      return {
        beneficiaryIds: [beneficiaryId],
        summary: {
          country,
          beneficiaryId,
          kind: documentKind,
          outcome: finding,
          step: verifiedBy,
          date: on,
        },
      };
    }
    case 'VerdictRecorded':
      return {
        beneficiaryIds: event.data.beneficiaryIds,
        summary: { country, outcome: event.data.outcome, date: event.data.on },
      };
    case 'VerdictAppealed':
      return {
        beneficiaryIds: event.data.beneficiaryIds,
        summary: { country, date: event.data.on },
      };
    case 'CompensationClaimed':
    case 'CompensationApproved':
    case 'CompensationPaymentReceived': {
      const { beneficiaryId, source, on } = event.data;
      return {
        beneficiaryIds: [beneficiaryId],
        summary: { country, beneficiaryId, kind: source, date: on },
      };
    }
    case 'LegalCaseClosed':
      return {
        beneficiaryIds: event.data.beneficiaryIds,
        summary: { country, date: event.data.on },
      };
    case 'LegalCaseReopened':
      return {
        beneficiaryIds: event.data.beneficiaryIds,
        summary: { country, to: event.data.stage, date: event.data.on },
      };
    default:
      // A type legal added since: on no timeline until named here.
      return { beneficiaryIds: [], summary: {} };
  }
}
