// The legal case commands, declared once each: stream, authorisation over the folded state, and
// the domain command (dates checked against the command's time, facts about beneficiaries looked
// up, identities and contents sealed). Rules are the decider's.
import { Inject, Injectable } from '@nestjs/common';
import { legalCaseStreamId, type MoneyAmount, type Sentence } from '@haven/legal/contracts';
import {
  LegalCaseNotFound,
  legalCaseDecider,
  type LegalCaseCommand,
  type LegalCaseState,
} from '@haven/legal/domain';
import { check, type CommandMetadata } from '@haven/platform/domain';
import {
  type CommandContext,
  defineCommand,
  type MoneyInput,
  PersonalData,
} from '@haven/platform/nest';
import { sealPersonalFields } from '@haven/platform/privacy';
import { forbidden, inScope, type Principal } from '@haven/platform/security';
import { COUNTRY_CODES, CURRENCIES } from '@haven/vocabulary';
import { KnownBeneficiaries } from '../known-beneficiaries';
import type {
  AddBeneficiaryToLegalCaseInput,
  AddOffenderInput,
  AppealVerdictInput,
  ApproveCompensationInput,
  AssignLawyersInput,
  ChangeLegalCaseStageInput,
  ChangeOffenderStatusInput,
  ClaimCompensationInput,
  CloseLegalCaseInput,
  OpenLegalCaseInput,
  ReceiveCompensationPaymentInput,
  RecordEvidenceDocumentInput,
  RecordServiceOccasionInput,
  RecordVerdictInput,
  SentenceInput,
  VerifyEvidenceDocumentInput,
} from './legal-case.inputs';
import { LIMITS } from './legal-case.inputs';

/** Ids the resolver made for the records a command creates (so that a retry reuses them). */
type WithId<Input, Key extends string> = Input & { [K in Key]: string };
export type OpenInput = WithId<OpenLegalCaseInput, 'caseId'>;
export type AddOffenderCommandInput = WithId<AddOffenderInput, 'offenderId'>;
export type OccasionInput = WithId<RecordServiceOccasionInput, 'occasionId'>;
export type DocumentInput = WithId<RecordEvidenceDocumentInput, 'documentId'>;
export type ClaimInput = WithId<ClaimCompensationInput, 'claimId'>;
export type PaymentInput = WithId<ReceiveCompensationPaymentInput, 'paymentId'>;

const day = (value: string, field: string, metadata: CommandMetadata) =>
  check.dateOfFact(value, field, metadata.occurredAt);
const money = (value: MoneyInput, field: string): MoneyAmount =>
  check.money(value, field, CURRENCIES);
const sentence = (value: SentenceInput | null | undefined, field: string): Sentence | null =>
  value
    ? {
        termYears: value.termYears,
        termMonths: value.termMonths,
        fine: value.fine ? money(value.fine, `${field}.fine`) : null,
      }
    : null;

/** The case's country must be one of the principal's (admins: all). */
function mayWork(principal: Principal, country: string): void {
  if (!inScope(principal, { country })) {
    throw forbidden('This legal case is outside your countries.', 'OUT_OF_SCOPE');
  }
}

/** An existing case in the principal's countries. */
function authoriseOnCase(state: LegalCaseState, principal: Principal): void {
  if (state.status === 'NONE') throw new LegalCaseNotFound();
  mayWork(principal, state.country);
}

function caseCommand<Input extends { caseId: string }>(
  build: (input: Input, context: CommandContext) => LegalCaseCommand | Promise<LegalCaseCommand>,
) {
  return defineCommand({
    decider: legalCaseDecider,
    streamId: (input: Input) => legalCaseStreamId(input.caseId),
    authorise: (state, principal) => authoriseOnCase(state, principal),
    command: (input, _state, context) => build(input, context),
  });
}

@Injectable()
export class LegalCaseCommands {
  constructor(
    @Inject(KnownBeneficiaries) private readonly beneficiaries: KnownBeneficiaries,
    @Inject(PersonalData) private readonly privacy: PersonalData,
  ) {}

  private async one(beneficiaryId: string) {
    const [facts] = await this.beneficiaries.facts([beneficiaryId]);
    return facts;
  }

  readonly open = defineCommand({
    decider: legalCaseDecider,
    streamId: (input: OpenInput) => legalCaseStreamId(input.caseId),
    authorise: (_state, principal, input) => mayWork(principal, input.country),
    command: async (input, _state, { metadata }): Promise<LegalCaseCommand> => {
      const facts = await this.beneficiaries.facts(input.parties.map((p) => p.beneficiaryId));
      return {
        type: 'OpenLegalCase',
        metadata,
        data: {
          caseId: input.caseId,
          kind: input.kind,
          country: input.country,
          province: check.optionalLine(input.province, 'province', LIMITS.place),
          court: check.optionalLine(input.court, 'court', LIMITS.place),
          sourceProtectionCaseId: input.sourceProtectionCaseId?.toLowerCase() ?? null,
          exploitedIn: check.optionalOneOf(COUNTRY_CODES, input.exploitedIn, 'exploitedIn'),
          stage: input.stage,
          openedOn: day(input.openedOn, 'openedOn', metadata),
          staffLawyerIds: input.staffLawyerIds.map((id, i) =>
            check.line(id, `staffLawyerIds.${i}`, 200),
          ),
          lawFirmId: input.lawFirmId?.toLowerCase() ?? null,
          parties: input.parties.map((party, i) => ({ facts: facts[i], role: party.role })),
        },
      };
    },
  });

  readonly addBeneficiary = caseCommand<AddBeneficiaryToLegalCaseInput>(
    async (input, { metadata }) => ({
      type: 'AddBeneficiaryToLegalCase',
      metadata,
      data: {
        caseId: input.caseId,
        party: { facts: await this.one(input.party.beneficiaryId), role: input.party.role },
        joinedOn: day(input.joinedOn, 'joinedOn', metadata),
      },
    }),
  );

  readonly assignLawyers = caseCommand<AssignLawyersInput>((input, { metadata }) => ({
    type: 'AssignLawyers',
    metadata,
    data: {
      caseId: input.caseId,
      staffLawyerIds: input.staffLawyerIds.map((id, i) =>
        check.line(id, `staffLawyerIds.${i}`, 200),
      ),
      lawFirmId: input.lawFirmId?.toLowerCase() ?? null,
      on: day(input.on, 'on', metadata),
    },
  }));

  readonly changeStage = caseCommand<ChangeLegalCaseStageInput>((input, { metadata }) => ({
    type: 'ChangeLegalCaseStage',
    metadata,
    data: { caseId: input.caseId, stage: input.stage, on: day(input.on, 'on', metadata) },
  }));

  readonly close = caseCommand<CloseLegalCaseInput>((input, { metadata }) => ({
    type: 'CloseLegalCase',
    metadata,
    data: { caseId: input.caseId, on: day(input.on, 'on', metadata) },
  }));

  readonly reopen = caseCommand<ChangeLegalCaseStageInput>((input, { metadata }) => ({
    type: 'ReopenLegalCase',
    metadata,
    data: { caseId: input.caseId, stage: input.stage, on: day(input.on, 'on', metadata) },
  }));

  readonly addOffender = caseCommand<AddOffenderCommandInput>(async (input, { metadata }) => {
    const identity = {
      names: check.optionalLine(input.identity?.names, 'identity.names', LIMITS.names),
      aliases: check.optionalLine(input.identity?.aliases, 'identity.aliases', LIMITS.names),
      notes: check.optionalText(input.identity?.notes, 'identity.notes', LIMITS.notes),
    };
    const on = day(input.on, 'on', metadata);
    return {
      type: 'AddOffender',
      metadata,
      data: {
        caseId: input.caseId,
        offenderId: input.offenderId,
        kind: input.kind,
        nationality: input.nationality ?? null,
        status: input.status,
        // The offender is a data subject with a key of their own: erasure shreds all of it.
        identity: await sealPersonalFields(this.privacy.keys, input.offenderId, identity),
        on,
      },
    };
  });

  readonly changeOffenderStatus = caseCommand<ChangeOffenderStatusInput>((input, { metadata }) => ({
    type: 'ChangeOffenderStatus',
    metadata,
    data: {
      caseId: input.caseId,
      offenderId: input.offenderId.toLowerCase(),
      status: input.status,
      on: day(input.on, 'on', metadata),
    },
  }));

  readonly recordOccasion = caseCommand<OccasionInput>(async (input, { metadata }) => ({
    type: 'RecordServiceOccasion',
    metadata,
    data: {
      caseId: input.caseId,
      occasionId: input.occasionId,
      kind: input.kind,
      on: day(input.on, 'on', metadata),
      concerned: await this.beneficiaries.facts([
        ...new Set(input.beneficiaryIds.map((id) => id.toLowerCase())),
      ]),
    },
  }));

  readonly recordDocument = caseCommand<DocumentInput>(async (input, { metadata }) => {
    const beneficiaryId = input.beneficiaryId.toLowerCase();
    const content = check.optionalText(input.content, 'content', LIMITS.content);
    const on = day(input.on, 'on', metadata);
    const beneficiary = await this.one(beneficiaryId);
    // Sealed with her key only when the rules can let it in (no key is made for a refusal).
    const sealed =
      content && beneficiary.known && !beneficiary.erased && beneficiary.legalActionConsent
        ? (
            await sealPersonalFields(this.privacy.keys, beneficiaryId, {
              legalDocumentContent: content,
            })
          ).legalDocumentContent
        : null;
    return {
      type: 'RecordEvidenceDocument',
      metadata,
      data: {
        caseId: input.caseId,
        documentId: input.documentId,
        beneficiary,
        kind: input.kind,
        issuingCountry: input.issuingCountry,
        content: sealed,
        on,
      },
    };
  });

  readonly verifyDocument = caseCommand<VerifyEvidenceDocumentInput>((input, { metadata }) => ({
    type: 'VerifyEvidenceDocument',
    metadata,
    data: {
      caseId: input.caseId,
      documentId: input.documentId.toLowerCase(),
      verifiedBy: input.verifiedBy,
      finding: input.finding,
      on: day(input.on, 'on', metadata),
    },
  }));

  readonly recordVerdict = caseCommand<RecordVerdictInput>((input, { metadata }) => ({
    type: 'RecordVerdict',
    metadata,
    data: {
      caseId: input.caseId,
      offenderId: input.offenderId.toLowerCase(),
      outcome: input.outcome,
      pronounced: sentence(input.pronounced, 'pronounced'),
      final: sentence(input.final, 'final'),
      on: day(input.on, 'on', metadata),
    },
  }));

  readonly appealVerdict = caseCommand<AppealVerdictInput>((input, { metadata }) => ({
    type: 'AppealVerdict',
    metadata,
    data: {
      caseId: input.caseId,
      offenderId: input.offenderId.toLowerCase(),
      on: day(input.on, 'on', metadata),
    },
  }));

  readonly claimCompensation = caseCommand<ClaimInput>(async (input, { metadata }) => ({
    type: 'ClaimCompensation',
    metadata,
    data: {
      caseId: input.caseId,
      claimId: input.claimId,
      beneficiary: await this.one(input.beneficiaryId.toLowerCase()),
      source: input.source,
      claimed: money(input.claimed, 'claimed'),
      on: day(input.on, 'on', metadata),
    },
  }));

  readonly approveCompensation = caseCommand<ApproveCompensationInput>((input, { metadata }) => ({
    type: 'ApproveCompensation',
    metadata,
    data: {
      caseId: input.caseId,
      claimId: input.claimId.toLowerCase(),
      approved: money(input.approved, 'approved'),
      on: day(input.on, 'on', metadata),
    },
  }));

  readonly receivePayment = caseCommand<PaymentInput>((input, { metadata }) => ({
    type: 'ReceiveCompensationPayment',
    metadata,
    data: {
      caseId: input.caseId,
      claimId: input.claimId.toLowerCase(),
      paymentId: input.paymentId,
      amount: money(input.amount, 'amount'),
      on: day(input.on, 'on', metadata),
    },
  }));
}
