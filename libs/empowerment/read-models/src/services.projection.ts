import { ENROLMENT_CATEGORY } from '@haven/empowerment/contracts';
import type { EmpowermentNoteRecorded } from '@haven/empowerment/domain';
import type { RecordedEvent } from '@haven/platform/event-store';
import { rowProjection } from '@haven/platform/projections';
import type { RecordedEnrolmentEvent } from './enrolments.projection';
import { NoteRow } from './note.entity';
import { AGENT_OF_CHANGE_TRAINING, FOLLOW_UP, ServiceRow, SMALL_GRANT } from './service.entity';

type Handled = Extract<
  RecordedEnrolmentEvent,
  {
    type:
      | 'EmpowermentServiceRecorded'
      | 'FollowUpRecorded'
      | 'SmallGrantApproved'
      | 'SmallGrantDisbursed'
      | 'AgentOfChangeTrainingCompleted';
  }
>;

export const SERVICE_ROW_EVENT_TYPES: readonly Handled['type'][] = [
  'EmpowermentServiceRecorded',
  'FollowUpRecorded',
  'SmallGrantApproved',
  'SmallGrantDisbursed',
  'AgentOfChangeTrainingCompleted',
];

function keyOf(event: Handled): string {
  switch (event.type) {
    case 'EmpowermentServiceRecorded':
      return event.data.serviceId;
    case 'FollowUpRecorded':
      return event.data.followUpId;
    case 'SmallGrantApproved':
    case 'SmallGrantDisbursed':
      return event.data.grantId;
    case 'AgentOfChangeTrainingCompleted':
      return event.data.enrolmentId;
  }
}

const empty = {
  mode: null,
  activity: null,
  outcome: null,
  partnerOrganisationId: null,
  channel: null,
  reached: null,
  nextFollowUpOn: null,
  grantPurpose: null,
  approvedMinor: null,
  disbursedMinor: null,
  currency: null,
  disbursedOn: null,
  occupation: null,
  institution: null,
  periodFrom: null,
  periodTo: null,
  amountMinor: null,
  sealedPlace: null,
};

/** `empowerment.services`: what each person received, by the date it was given. */
export const servicesProjection = rowProjection<ServiceRow, Handled>({
  name: 'empowerment.services',
  entity: ServiceRow,
  handles: SERVICE_ROW_EVENT_TYPES,
  categories: [ENROLMENT_CATEGORY],
  keyOf,
  evolve(row, event) {
    const base = {
      id: keyOf(event),
      enrolmentId: event.data.enrolmentId,
      beneficiaryId: event.data.beneficiaryId,
      country: event.data.country,
      position: event.globalPosition,
      ...empty,
    };
    switch (event.type) {
      case 'EmpowermentServiceRecorded': {
        const { kind, mode, activity, outcome, partnerOrganisationId, providedOn, providedBy } =
          event.data;
        // Version 1 services (read without the upcaster, e.g. by a rebuild) recorded none of these.
        const { occupation, institution, period, amount, sealedPlace } = event.data;
        return {
          ...base,
          kind,
          mode,
          activity,
          outcome,
          partnerOrganisationId,
          occupation: occupation ?? null,
          institution: institution ?? null,
          periodFrom: period?.from ?? null,
          periodTo: period?.to ?? null,
          amountMinor: amount?.amountMinor ?? null,
          currency: amount?.currency ?? null,
          sealedPlace: sealedPlace ?? null,
          providedOn,
          providedBy,
        };
      }
      case 'FollowUpRecorded': {
        const { channel, reached, followedUpOn, nextFollowUpOn, providedBy } = event.data;
        return {
          ...base,
          kind: FOLLOW_UP,
          channel,
          reached,
          nextFollowUpOn,
          providedOn: followedUpOn,
          providedBy,
        };
      }
      case 'SmallGrantApproved': {
        const { purpose, amount, approvedOn } = event.data;
        return {
          ...base,
          kind: SMALL_GRANT,
          grantPurpose: purpose,
          approvedMinor: amount.amountMinor,
          currency: amount.currency,
          providedOn: approvedOn,
          providedBy: event.metadata.actorId,
        };
      }
      case 'SmallGrantDisbursed':
        return (
          row && {
            ...row,
            disbursedMinor: event.data.amount.amountMinor,
            disbursedOn: event.data.disbursedOn,
          }
        );
      case 'AgentOfChangeTrainingCompleted':
        return {
          ...base,
          kind: AGENT_OF_CHANGE_TRAINING,
          providedOn: event.data.completedOn,
          providedBy: event.metadata.actorId,
        };
      default: {
        const unknown: never = event;
        throw new Error(`cannot apply ${String((unknown as { type: unknown }).type)}`);
      }
    }
  },
});

type RecordedNote = RecordedEvent<'EmpowermentNoteRecorded', EmpowermentNoteRecorded['data']>;

/** `empowerment.notes`: sealed notes, as recorded. */
export const notesProjection = rowProjection<NoteRow, RecordedNote>({
  name: 'empowerment.notes',
  entity: NoteRow,
  handles: ['EmpowermentNoteRecorded'],
  categories: [ENROLMENT_CATEGORY],
  keyOf: (event) => event.data.noteId,
  evolve: (_row, { data, metadata, globalPosition }) => ({
    id: data.noteId,
    enrolmentId: data.enrolmentId,
    beneficiaryId: data.beneficiaryId,
    topic: data.topic,
    writtenOn: data.writtenOn,
    writtenBy: metadata.actorId,
    sealedText: data.sealedText,
    position: globalPosition,
  }),
});
