// Decisions on the case as a whole: opening it, taking in victims, notes and contacts, closing
// and reopening it. Values are checked with the kernel's check.*; the rules are the case's.
import { check } from '@haven/platform/domain';
import {
  CASE_CLOSURE_REASONS,
  CASE_REOPENING_REASONS,
  COUNTRIES,
  FORMS_OF_EXPLOITATION,
  GUARDIAN_CONTACT_KINDS,
  PLACES_OF_EXPLOITATION,
  protectionCaseIdForNotification,
  type ProtectionCaseEvent,
} from '@haven/protection/contracts';
import { COUNTRY_CODES, SEXES } from '@haven/vocabulary';
import { BeneficiaryNotFound } from '../beneficiary/errors';
import { sealed } from '../checks';
import type {
  AddInvestigationNote,
  AddVictimToCase,
  CloseProtectionCase,
  OpenProtectionCase,
  RecordGuardianContact,
  ReopenProtectionCase,
} from './commands';
import {
  GuardianContactRequired,
  InvalidProtectionCaseData,
  ProtectionCaseAlreadyOpened,
  ProtectionCaseIsClosed,
  ProtectionCaseNotClosed,
  VictimAlreadyInCase,
} from './errors';
import {
  alreadyRecorded,
  dayOfFact,
  lacksContact,
  open,
  opened,
  optionalLabel,
  recordedAt,
  victimOf,
} from './rules';
import type { ProtectionCaseState } from './state';

export function decideOpen(
  { data, metadata }: OpenProtectionCase,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const caseId = check.uuid(data.caseId, 'caseId');
  const country = check.oneOf(COUNTRIES, data.country, 'country');
  const province = optionalLabel(data.province, 'province');
  if (typeof data.abroad !== 'boolean') {
    throw new InvalidProtectionCaseData('abroad', 'must be true or false.');
  }
  const formOfExploitation = check.oneOf(
    FORMS_OF_EXPLOITATION,
    data.formOfExploitation,
    'formOfExploitation',
  );
  const placeOfExploitation = check.optionalOneOf(
    PLACES_OF_EXPLOITATION,
    data.placeOfExploitation,
    'placeOfExploitation',
  );
  const sourceNotificationId = check.optionalUuid(
    data.sourceNotificationId,
    'sourceNotificationId',
  );
  // One case per referral, found again from the notification id alone.
  if (
    sourceNotificationId !== null &&
    caseId !== protectionCaseIdForNotification(sourceNotificationId)
  ) {
    throw new InvalidProtectionCaseData(
      'caseId',
      'must be the one derived from the source notification id.',
    );
  }
  const openedAt = recordedAt(metadata);
  const openedOn = dayOfFact(data.openedOn, 'openedOn', metadata);
  const intercepted = interceptedOf(data.intercepted);
  if (intercepted && placeOfExploitation !== null) {
    throw new InvalidProtectionCaseData(
      'placeOfExploitation',
      'is not for an interception: its victims were stopped before anyone exploited them.',
    );
  }
  const destination = check.optionalOneOf(COUNTRY_CODES, data.destination, 'destination');
  if (destination !== null && !data.abroad && !intercepted) {
    throw new InvalidProtectionCaseData(
      'destination',
      'is only for a case abroad, or for an interception (where its victims were being taken).',
    );
  }
  if (state.status !== 'NONE') {
    // A replayed opening is its opener's retry only; anyone else is told the same, whatever the
    // facts, so that a case id reveals nothing of the case.
    const opener = state.openedBy;
    const sameOpener =
      opener === undefined ||
      (opener.actorId === metadata.actorId &&
        opener.organisationId === (metadata.organisationId ?? null));
    const same =
      sameOpener &&
      state.country === country &&
      state.province === province &&
      state.abroad === data.abroad &&
      state.intercepted === intercepted &&
      state.formOfExploitation === formOfExploitation &&
      state.placeOfExploitation === placeOfExploitation &&
      state.sourceNotificationId === sourceNotificationId;
    if (same) return [];
    throw new ProtectionCaseAlreadyOpened();
  }
  return [
    {
      type: 'ProtectionCaseOpened',
      schemaVersion: 4,
      data: {
        caseId,
        country,
        province,
        abroad: data.abroad,
        destination,
        intercepted,
        formOfExploitation,
        placeOfExploitation,
        sourceNotificationId,
        openedOn,
        openedAt,
      },
    },
  ];
}

function interceptedOf(value: boolean | null | undefined): boolean {
  if (value == null) return false;
  if (typeof value !== 'boolean') {
    throw new InvalidProtectionCaseData('intercepted', 'must be true or false.');
  }
  return value;
}

export function decideAddVictim(
  { data, metadata }: AddVictimToCase,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const current = open(state);
  const beneficiaryId = check.uuid(data.beneficiaryId, 'beneficiaryId');
  const formOfExploitation =
    data.formOfExploitation === null
      ? current.formOfExploitation
      : check.oneOf(FORMS_OF_EXPLOITATION, data.formOfExploitation, 'formOfExploitation');
  if (typeof data.minor !== 'boolean') {
    throw new InvalidProtectionCaseData('minor', 'must be true or false.');
  }
  const addedAt = recordedAt(metadata);
  const addedOn = dayOfFact(data.addedOn, 'addedOn', metadata);
  const sex = data.sex == null ? null : check.oneOf(SEXES, data.sex, 'sex');
  const nationality =
    data.nationality == null ? null : check.oneOf(COUNTRY_CODES, data.nationality, 'nationality');
  const ageYears =
    data.ageYears == null
      ? null
      : check.wholeNumber(data.ageYears, 'ageYears', { min: 0, max: 120 });
  if (!data.beneficiaryRegistered) throw new BeneficiaryNotFound();
  if (current.victims[beneficiaryId]) throw new VictimAlreadyInCase();
  return [
    {
      type: 'VictimAddedToCase',
      schemaVersion: 2,
      data: {
        caseId: current.caseId,
        beneficiaryId,
        formOfExploitation,
        minor: data.minor,
        sex,
        nationality,
        ageYears,
        addedOn,
        addedAt,
      },
    },
  ];
}

export function decideNote(
  { data, metadata }: AddInvestigationNote,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const current = open(state);
  const noteId = check.uuid(data.noteId, 'noteId');
  const text = sealed(data.text, 'text');
  const addedAt = recordedAt(metadata);
  // The text is sealed anew on every try, so a retry is known by its note id alone.
  if (alreadyRecorded(current, 'noteId', noteId, { kind: 'note' })) return [];
  return [
    {
      type: 'InvestigationNoteAdded',
      data: { caseId: current.caseId, noteId, text, addedAt },
    },
  ];
}

export function decideGuardianContact(
  { data, metadata }: RecordGuardianContact,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const current = open(state);
  const beneficiaryId = check.optionalUuid(data.beneficiaryId, 'beneficiaryId');
  const kind = check.oneOf(GUARDIAN_CONTACT_KINDS, data.kind, 'kind');
  const details = sealed(data.details, 'details');
  const contactedOn = dayOfFact(data.contactedOn, 'contactedOn', metadata);
  if (beneficiaryId !== null) victimOf(current, beneficiaryId);
  return [
    {
      type: 'GuardianContactRecorded',
      schemaVersion: 3,
      data: {
        caseId: current.caseId,
        beneficiaryId,
        kind,
        details,
        contactedOn,
        recordedAt: recordedAt(metadata),
      },
    },
  ];
}

export function decideClose(
  { data, metadata }: CloseProtectionCase,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const current = opened(state);
  const reason = check.oneOf(CASE_CLOSURE_REASONS, data.reason, 'reason');
  const closedAt = recordedAt(metadata);
  const closedOn = dayOfFact(data.closedOn, 'closedOn', metadata);
  if (current.status === 'CLOSED') {
    if (current.closureReason === reason) return [];
    throw new ProtectionCaseIsClosed();
  }
  const victims = Object.values(current.victims);
  if (victims.some((victim) => lacksContact(current, victim))) {
    throw new GuardianContactRequired();
  }
  return [
    {
      type: 'ProtectionCaseClosed',
      schemaVersion: 2,
      data: { caseId: current.caseId, reason, closedOn, closedAt },
    },
  ];
}

export function decideReopen(
  { data, metadata }: ReopenProtectionCase,
  state: ProtectionCaseState,
): ProtectionCaseEvent[] {
  const current = opened(state);
  const reason = check.oneOf(CASE_REOPENING_REASONS, data.reason, 'reason');
  const reopenedAt = recordedAt(metadata);
  const reopenedOn = dayOfFact(data.reopenedOn, 'reopenedOn', metadata);
  if (current.status !== 'CLOSED') throw new ProtectionCaseNotClosed();
  return [
    {
      type: 'ProtectionCaseReopened',
      schemaVersion: 2,
      data: { caseId: current.caseId, reason, reopenedOn, reopenedAt },
    },
  ];
}
