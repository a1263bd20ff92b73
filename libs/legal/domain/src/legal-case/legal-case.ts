// The legal case decider: who may be on a case, its stages, services and evidence. Offenders and
// verdicts (offender-decisions.ts) and compensation (compensation-decisions.ts) are decided
// beside it. Pure: no clock, no I/O.
import { unreachable, type Decider } from '@haven/platform/domain';
import {
  BeneficiaryAlreadyOnCase,
  BeneficiaryOutsideCaseCountry,
  CloseToCloseCase,
  DocumentAlreadyRecorded,
  DocumentNotFound,
  LegalCaseAlreadyOpened,
  LegalCaseNotClosed,
  LegalCaseNotFound,
  NoBeneficiaries,
  NoBeneficiariesConcerned,
  OccasionAlreadyRecorded,
  SameStage,
} from '../errors';
import { mayActFor, notBeforeOpening, open, party, partyIds } from './case-file-rules';
import {
  approveCompensation,
  claimCompensation,
  receiveCompensationPayment,
} from './compensation-decisions';
import { evolveLegalCase } from './evolve-legal-case';
import type { LegalCaseCommand, LegalCaseEvent, LegalCaseState, Party } from './legal-case.types';
import {
  LEGAL_CASE_LIMITS as LIMITS,
  TooManyDocuments,
  TooManyParties,
  TooManyVerifications,
} from './limits';
import {
  addOffender,
  appealVerdict,
  changeOffenderStatus,
  eraseOffenderIdentity,
  recordVerdict,
} from './offender-decisions';

export { MAX_OFFENDER_ERASURE_REASON_LENGTH } from './offender-decisions';

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
            exploitedIn: data.exploitedIn,
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
    case 'AddOffender':
      return addOffender(state, command);
    case 'ChangeOffenderStatus':
      return changeOffenderStatus(state, command);
    case 'EraseOffenderIdentity':
      return eraseOffenderIdentity(state, command);
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
    case 'RecordVerdict':
      return recordVerdict(state, command);
    case 'AppealVerdict':
      return appealVerdict(state, command);
    case 'ClaimCompensation':
      return claimCompensation(state, command);
    case 'ApproveCompensation':
      return approveCompensation(state, command);
    case 'ReceiveCompensationPayment':
      return receiveCompensationPayment(state, command);
    default:
      return unreachable(command, 'command');
  }
}

export const legalCaseDecider: Decider<LegalCaseCommand, LegalCaseEvent, LegalCaseState> = {
  decide: decideLegalCase,
  evolve: evolveLegalCase,
  initialState: () => ({ status: 'NONE' }),
};
