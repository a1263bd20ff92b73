// The legal case decider: who may be on a case, how offenders move through proceedings, what a
// verdict holds, and how compensation is paid. Pure: no clock, no I/O.
import { check, unreachable, type Decider } from '@haven/platform/domain';
import type { MoneyAmount, Sentence } from '@haven/legal/contracts';
import {
  AlreadyAppealed,
  AppealWithoutVerdict,
  BeneficiaryAlreadyOnCase,
  BeneficiaryErased,
  BeneficiaryNotOnCase,
  BeneficiaryOutsideCaseCountry,
  ClaimAlreadyApproved,
  ClaimAlreadyRecorded,
  ClaimNotApproved,
  ClaimNotFound,
  CloseToCloseCase,
  CompanyNotDetained,
  ConvictionWithoutSentence,
  CurrencyMismatch,
  DocumentAlreadyRecorded,
  DocumentNotFound,
  FactBeforeCaseOpened,
  FinalSentenceExceedsPronounced,
  JuvenileDetentionForMinorsOnly,
  LegalCaseAlreadyOpened,
  LegalCaseIsClosed,
  LegalCaseNotClosed,
  LegalCaseNotFound,
  NoBeneficiaries,
  NoBeneficiariesConcerned,
  NoLegalActionConsent,
  OccasionAlreadyRecorded,
  OffenderAlreadyAdded,
  OffenderNotFound,
  OffenderStatusNotAllowed,
  PaymentAlreadyRecorded,
  PaymentExceedsApproved,
  SameStage,
  SentenceWithoutConviction,
  StatusNeedsVerdict,
  UnknownBeneficiary,
  VerdictAlreadyRecorded,
} from '../errors';
import {
  LEGAL_CASE_LIMITS as LIMITS,
  TooManyClaims,
  TooManyDocuments,
  TooManyOffenders,
  TooManyParties,
  TooManyPayments,
  TooManyStatusChanges,
  TooManyVerifications,
} from './limits';
import { OFFENDER_TRANSITIONS, statusFits, VERDICT_STATUSES } from './offender-status';
import { evolveLegalCase } from './evolve-legal-case';
import type {
  BeneficiaryFacts,
  CaseFile,
  LegalCaseCommand,
  LegalCaseEvent,
  LegalCaseState,
  OffenderState,
  Party,
} from './legal-case.types';

/** An erasure's reason, in clear for the record (a ticket, a legal ground): one line. */
export const MAX_OFFENDER_ERASURE_REASON_LENGTH = 500;

type Open = Extract<LegalCaseState, { status: 'OPEN' }>;

/** A case that exists and is open: anything new needs one. */
function open(state: LegalCaseState): Open {
  if (state.status === 'NONE') throw new LegalCaseNotFound();
  if (state.status === 'CLOSED') throw new LegalCaseIsClosed();
  return state;
}

const partyIds = (state: CaseFile) => Object.keys(state.parties);

function notBeforeOpening(state: CaseFile, on: string): void {
  if (on < state.openedOn) throw new FactBeforeCaseOpened('on');
}

/** A new action for a beneficiary: she is known, not erased, and consents to legal action. */
function mayActFor(facts: BeneficiaryFacts): void {
  if (!facts.known) throw new UnknownBeneficiary();
  if (facts.erased) throw new BeneficiaryErased();
  if (!facts.legalActionConsent) throw new NoLegalActionConsent();
}

function party(state: CaseFile, facts: BeneficiaryFacts): void {
  if (!(facts.beneficiaryId in state.parties)) throw new BeneficiaryNotOnCase();
  mayActFor(facts);
}

function joined(caseId: string, country: string, { facts, role }: Party, joinedOn: string) {
  mayActFor(facts);
  if (country !== 'OTHER' && facts.country !== country) throw new BeneficiaryOutsideCaseCountry();
  return {
    type: 'LegalCaseBeneficiaryJoined' as const,
    data: {
      caseId,
      beneficiaryId: facts.beneficiaryId,
      role,
      country,
      sex: facts.sex ?? 'UNKNOWN',
      minor: facts.minor ?? false,
      joinedOn,
    },
  };
}

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

function sameCurrency(expected: string, amount: MoneyAmount, field: string): void {
  if (amount.currency !== expected) throw new CurrencyMismatch(field);
}

export function decideLegalCase(
  command: LegalCaseCommand,
  state: LegalCaseState,
): LegalCaseEvent[] {
  switch (command.type) {
    case 'OpenLegalCase': {
      const { data } = command;
      if (state.status !== 'NONE') throw new LegalCaseAlreadyOpened();
      if (data.parties.length === 0) throw new NoBeneficiaries();
      if (data.parties.length > LIMITS.parties) throw new TooManyParties();
      const ids = new Set(data.parties.map((p) => p.facts.beneficiaryId));
      if (ids.size !== data.parties.length) throw new BeneficiaryAlreadyOnCase();
      if (data.stage === 'CLOSED') throw new CloseToCloseCase('stage');
      const joinedEvents = data.parties.map((p) =>
        joined(data.caseId, data.country, p, data.openedOn),
      );
      const lawyers: LegalCaseEvent[] =
        data.staffLawyerIds.length || data.lawFirmId
          ? [
              {
                type: 'LawyersAssigned',
                data: {
                  caseId: data.caseId,
                  staffLawyerIds: data.staffLawyerIds,
                  lawFirmId: data.lawFirmId,
                  on: data.openedOn,
                },
              },
            ]
          : [];
      return [
        {
          type: 'LegalCaseOpened',
          data: {
            caseId: data.caseId,
            kind: data.kind,
            country: data.country,
            province: data.province,
            court: data.court,
            sourceProtectionCaseId: data.sourceProtectionCaseId,
            stage: data.stage,
            openedOn: data.openedOn,
            beneficiaryIds: [...ids],
          },
        },
        ...joinedEvents,
        ...lawyers,
      ];
    }
    case 'AddBeneficiaryToLegalCase': {
      const current = open(state);
      const { data } = command;
      if (data.party.facts.beneficiaryId in current.parties) throw new BeneficiaryAlreadyOnCase();
      if (partyIds(current).length >= LIMITS.parties) throw new TooManyParties();
      notBeforeOpening(current, data.joinedOn);
      return [joined(current.caseId, current.country, data.party, data.joinedOn)];
    }
    case 'AssignLawyers': {
      const current = open(state);
      notBeforeOpening(current, command.data.on);
      return [{ type: 'LawyersAssigned', data: command.data }];
    }
    case 'ChangeLegalCaseStage': {
      const current = open(state);
      const { stage, on } = command.data;
      if (stage === 'CLOSED') throw new CloseToCloseCase('stage');
      if (stage === current.stage) throw new SameStage();
      notBeforeOpening(current, on);
      return [
        {
          type: 'LegalCaseStageChanged',
          data: {
            caseId: current.caseId,
            country: current.country,
            beneficiaryIds: partyIds(current),
            from: current.stage,
            to: stage,
            on,
          },
        },
      ];
    }
    case 'CloseLegalCase': {
      const current = open(state);
      notBeforeOpening(current, command.data.on);
      return [
        {
          type: 'LegalCaseClosed',
          data: {
            caseId: current.caseId,
            country: current.country,
            beneficiaryIds: partyIds(current),
            on: command.data.on,
          },
        },
      ];
    }
    case 'ReopenLegalCase': {
      if (state.status === 'NONE') throw new LegalCaseNotFound();
      if (state.status !== 'CLOSED') throw new LegalCaseNotClosed();
      if (command.data.stage === 'CLOSED') throw new CloseToCloseCase('stage');
      notBeforeOpening(state, command.data.on);
      return [
        {
          type: 'LegalCaseReopened',
          data: {
            caseId: state.caseId,
            country: state.country,
            beneficiaryIds: partyIds(state),
            stage: command.data.stage,
            on: command.data.on,
          },
        },
      ];
    }
    case 'AddOffender': {
      const current = open(state);
      const { data } = command;
      const { caseId, offenderId, kind, nationality, identity, on } = data;
      if (data.offenderId in current.offenders) throw new OffenderAlreadyAdded();
      if (Object.keys(current.offenders).length >= LIMITS.offenders) throw new TooManyOffenders();
      if (VERDICT_STATUSES.includes(data.status)) throw new StatusNeedsVerdict();
      notBeforeOpening(current, data.on);
      return [
        { type: 'OffenderAdded', data: { caseId, offenderId, kind, nationality, identity, on } },
        statusEvent(
          current,
          data.offenderId,
          null,
          data.kind,
          data.nationality,
          data.status,
          data.on,
        ),
      ];
    }
    case 'ChangeOffenderStatus': {
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
    case 'EraseOffenderIdentity': {
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
    case 'RecordServiceOccasion': {
      const current = open(state);
      const { data } = command;
      if (current.occasions.includes(data.occasionId)) throw new OccasionAlreadyRecorded();
      if (data.concerned.length === 0) throw new NoBeneficiariesConcerned();
      data.concerned.forEach((facts) => party(current, facts));
      notBeforeOpening(current, data.on);
      return [
        {
          type: 'LegalServiceOccasionRecorded',
          data: {
            caseId: current.caseId,
            occasionId: data.occasionId,
            country: current.country,
            kind: data.kind,
            beneficiaryIds: data.concerned.map((facts) => facts.beneficiaryId),
            on: data.on,
          },
        },
      ];
    }
    case 'RecordEvidenceDocument': {
      const current = open(state);
      const { beneficiary, ...data } = command.data;
      if (data.documentId in current.documents) throw new DocumentAlreadyRecorded();
      if (Object.keys(current.documents).length >= LIMITS.documents) throw new TooManyDocuments();
      party(current, beneficiary);
      return [
        {
          type: 'EvidenceDocumentRecorded',
          data: { ...data, beneficiaryId: beneficiary.beneficiaryId },
        },
      ];
    }
    case 'VerifyEvidenceDocument': {
      const current = open(state);
      const { documentId, verifiedBy, finding, on } = command.data;
      const document = current.documents[documentId];
      if (!document) throw new DocumentNotFound();
      if (document.verifications >= LIMITS.verifications) throw new TooManyVerifications();
      return [
        {
          type: 'EvidenceVerified',
          data: {
            caseId: current.caseId,
            documentId,
            beneficiaryId: document.beneficiaryId,
            country: current.country,
            documentKind: document.kind,
            issuingCountry: document.issuingCountry,
            verifiedBy,
            finding,
            on,
          },
        },
      ];
    }
    case 'RecordVerdict': {
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
        outcome === 'ACQUITTED'
          ? 'ACQUITTED'
          : imposed && months(imposed) > 0
            ? 'SENTENCED'
            : 'FINED';
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
    case 'AppealVerdict': {
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
    case 'ClaimCompensation': {
      const current = open(state);
      const { beneficiary, ...data } = command.data;
      if (data.claimId in current.claims) throw new ClaimAlreadyRecorded();
      if (Object.keys(current.claims).length >= LIMITS.claims) throw new TooManyClaims();
      party(current, beneficiary);
      notBeforeOpening(current, data.on);
      return [
        {
          type: 'CompensationClaimed',
          data: { ...data, beneficiaryId: beneficiary.beneficiaryId, country: current.country },
        },
      ];
    }
    case 'ApproveCompensation': {
      const current = open(state);
      const { claimId, approved, on } = command.data;
      const claim = current.claims[claimId];
      if (!claim) throw new ClaimNotFound();
      if (claim.approved !== null) throw new ClaimAlreadyApproved();
      sameCurrency(claim.currency, approved, 'approved.currency');
      notBeforeOpening(current, on);
      return [
        {
          type: 'CompensationApproved',
          data: {
            caseId: current.caseId,
            claimId,
            beneficiaryId: claim.beneficiaryId,
            country: current.country,
            source: claim.source,
            approved,
            on,
          },
        },
      ];
    }
    case 'ReceiveCompensationPayment': {
      const current = open(state);
      const { claimId, paymentId, amount, on } = command.data;
      const claim = current.claims[claimId];
      if (!claim) throw new ClaimNotFound();
      if (claim.payments.includes(paymentId)) throw new PaymentAlreadyRecorded();
      if (claim.payments.length >= LIMITS.payments) throw new TooManyPayments();
      if (claim.approved === null) throw new ClaimNotApproved();
      sameCurrency(claim.currency, amount, 'amount.currency');
      if (claim.paid + amount.amountMinor > claim.approved) throw new PaymentExceedsApproved();
      notBeforeOpening(current, on);
      return [
        {
          type: 'CompensationPaymentReceived',
          data: {
            caseId: current.caseId,
            claimId,
            paymentId,
            beneficiaryId: claim.beneficiaryId,
            country: current.country,
            source: claim.source,
            amount,
            on,
          },
        },
      ];
    }
    default:
      return unreachable(command, 'command');
  }
}

export const legalCaseDecider: Decider<LegalCaseCommand, LegalCaseEvent, LegalCaseState> = {
  decide: decideLegalCase,
  evolve: evolveLegalCase,
  initialState: () => ({ status: 'NONE' }),
};
