// The decisions on a case's offenders: adding one, moving their status through proceedings,
// recording and appealing a verdict, and erasing an offender's identity.
import { check } from '@haven/platform/domain';
import type { Sentence } from '@haven/legal/contracts';
import {
  AlreadyAppealed,
  AppealWithoutVerdict,
  CompanyNotDetained,
  ConvictionWithoutSentence,
  CurrencyMismatch,
  FinalSentenceExceedsPronounced,
  JuvenileDetentionForMinorsOnly,
  LegalCaseNotFound,
  OffenderAlreadyAdded,
  OffenderNotFound,
  OffenderStatusNotAllowed,
  SentenceWithoutConviction,
  StatusNeedsVerdict,
  VerdictAlreadyRecorded,
} from '../errors';
import { notBeforeOpening, open, partyIds, type CommandOf } from './case-file-rules';
import { LEGAL_CASE_LIMITS as LIMITS, TooManyOffenders, TooManyStatusChanges } from './limits';
import { OFFENDER_TRANSITIONS, statusFits, VERDICT_STATUSES } from './offender-status';
import type { CaseFile, LegalCaseEvent, LegalCaseState, OffenderState } from './legal-case.types';

/** An erasure's reason, in clear for the record (a ticket, a legal ground): one line. */
export const MAX_OFFENDER_ERASURE_REASON_LENGTH = 500;

function offender(state: CaseFile, offenderId: string): OffenderState {
  const found = state.offenders[offenderId];
  if (!found) throw new OffenderNotFound();
  return found;
}

function statusEvent(
  state: CaseFile,
  offenderId: string,
  from: OffenderState | null,
  kind: OffenderState['kind'],
  nationality: string | null,
  to: OffenderState['status'],
  on: string,
): LegalCaseEvent {
  const fits = statusFits(kind, to);
  if (fits === 'company') throw new CompanyNotDetained();
  if (fits === 'adult') throw new JuvenileDetentionForMinorsOnly();
  if (from && !OFFENDER_TRANSITIONS[from.status].includes(to)) {
    throw new OffenderStatusNotAllowed();
  }
  return {
    type: 'OffenderStatusChanged',
    data: {
      caseId: state.caseId,
      offenderId,
      country: state.country,
      beneficiaryIds: partyIds(state),
      offenderKind: kind,
      nationality,
      from: from?.status ?? null,
      to,
      on,
    },
  };
}

const months = (sentence: Sentence) => sentence.termYears * 12 + sentence.termMonths;

function checkSentences(pronounced: Sentence, final: Sentence | null): void {
  if (months(pronounced) === 0 && !pronounced.fine) throw new ConvictionWithoutSentence();
  if (!final) return;
  if (months(final) > months(pronounced)) throw new FinalSentenceExceedsPronounced();
  if (final.fine && !pronounced.fine) throw new FinalSentenceExceedsPronounced();
  if (final.fine && pronounced.fine) {
    if (final.fine.currency !== pronounced.fine.currency) throw new CurrencyMismatch('final.fine');
    if (final.fine.amountMinor > pronounced.fine.amountMinor) {
      throw new FinalSentenceExceedsPronounced();
    }
  }
}

/** An offender joins the case with a first status that needs no verdict. */
export function addOffender(
  state: LegalCaseState,
  command: CommandOf<'AddOffender'>,
): LegalCaseEvent[] {
  const current = open(state);
  const { data } = command;
  const { caseId, offenderId, kind, nationality, identity, on } = data;
  if (data.offenderId in current.offenders) throw new OffenderAlreadyAdded();
  if (Object.keys(current.offenders).length >= LIMITS.offenders) throw new TooManyOffenders();
  if (VERDICT_STATUSES.includes(data.status)) throw new StatusNeedsVerdict();
  notBeforeOpening(current, data.on);
  return [
    { type: 'OffenderAdded', data: { caseId, offenderId, kind, nationality, identity, on } },
    statusEvent(current, data.offenderId, null, data.kind, data.nationality, data.status, data.on),
  ];
}

/** A status along the offender's allowed transitions; a verdict's statuses come with the verdict. */
export function changeOffenderStatus(
  state: LegalCaseState,
  command: CommandOf<'ChangeOffenderStatus'>,
): LegalCaseEvent[] {
  const current = open(state);
  const { offenderId, status, on } = command.data;
  const found = offender(current, offenderId);
  if (VERDICT_STATUSES.includes(status)) throw new StatusNeedsVerdict();
  // One change stays free for the verdict's, which is never refused for room.
  const room = LIMITS.statusChanges - (found.verdict ? 0 : 1);
  if (found.statusChanges >= room) throw new TooManyStatusChanges();
  notBeforeOpening(current, on);
  return [statusEvent(current, offenderId, found, found.kind, found.nationality, status, on)];
}

/** The offender's identity erased, once; the case's facts about them stay. */
export function eraseOffenderIdentity(
  state: LegalCaseState,
  command: CommandOf<'EraseOffenderIdentity'>,
): LegalCaseEvent[] {
  // Not a new fact of the case: a closed case's offender is erased too.
  if (state.status === 'NONE') throw new LegalCaseNotFound();
  const { offenderId, reason } = command.data;
  const found = offender(state, offenderId);
  if (found.identityErased) return [];
  const text = check.line(reason, 'reason', MAX_OFFENDER_ERASURE_REASON_LENGTH);
  return [
    {
      type: 'OffenderIdentityErased',
      data: { caseId: state.caseId, offenderId, reason: text },
    },
  ];
}

/** An offender's one verdict; its sentence sets the offender's status. */
export function recordVerdict(
  state: LegalCaseState,
  command: CommandOf<'RecordVerdict'>,
): LegalCaseEvent[] {
  const current = open(state);
  const { offenderId, outcome, pronounced, final, on } = command.data;
  const found = offender(current, offenderId);
  if (found.verdict) throw new VerdictAlreadyRecorded();
  if (outcome === 'ACQUITTED' && (pronounced || final)) throw new SentenceWithoutConviction();
  if (outcome === 'CONVICTED') {
    if (!pronounced) throw new ConvictionWithoutSentence();
    checkSentences(pronounced, final);
  }
  notBeforeOpening(current, on);
  const imposed = final ?? pronounced;
  const to =
    outcome === 'ACQUITTED' ? 'ACQUITTED' : imposed && months(imposed) > 0 ? 'SENTENCED' : 'FINED';
  return [
    {
      type: 'VerdictRecorded',
      data: {
        caseId: current.caseId,
        offenderId,
        country: current.country,
        beneficiaryIds: partyIds(current),
        outcome,
        pronounced,
        final,
        on,
      },
    },
    statusEvent(current, offenderId, found, found.kind, found.nationality, to, on),
  ];
}

/** One appeal of an offender's verdict. */
export function appealVerdict(
  state: LegalCaseState,
  command: CommandOf<'AppealVerdict'>,
): LegalCaseEvent[] {
  const current = open(state);
  const found = offender(current, command.data.offenderId);
  if (!found.verdict) throw new AppealWithoutVerdict();
  if (found.appealed) throw new AlreadyAppealed();
  notBeforeOpening(current, command.data.on);
  return [
    {
      type: 'VerdictAppealed',
      data: { ...command.data, country: current.country, beneficiaryIds: partyIds(current) },
    },
  ];
}
