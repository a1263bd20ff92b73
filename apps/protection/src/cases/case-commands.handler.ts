import { Inject, Injectable } from '@nestjs/common';
import type { EventMetadata, EventStore } from '@haven/platform/event-store';
import { EVENT_STORE, handleCommand, type CommandResult } from '@haven/platform/nest';
import { sealPersonalFields } from '@haven/platform/privacy';
import { forbidden, inScope, type Principal } from '@haven/platform/security';
import {
  beneficiaryStreamId,
  protectionCaseStreamId,
  type BeneficiaryRegistered,
  type ProtectionCaseOpened,
} from '@haven/protection/contracts';
import {
  ProtectionCaseNotFound,
  protectionCaseDecider,
  type AddVictimToCase,
  type OpenProtectionCase,
  type ProtectionCaseCommand,
} from '@haven/protection/domain';
import { v7 as uuidv7 } from 'uuid';
import { Privacy } from '../personal-data/privacy';
import { wholeYearsBetween } from '../beneficiaries/register-beneficiary.handler';

/** The field names personal case data is sealed under (bound into each ciphertext). */
export const SEALED_CASE_FIELDS = {
  note: 'investigationNote',
  contact: 'guardianContact',
} as const;

/** A command's data without the case id, which `run` adds. */
type DataOf<Type extends ProtectionCaseCommand['type']> = Omit<
  Extract<ProtectionCaseCommand, { type: Type }>['data'],
  'caseId'
>;

export type CaseCommandResult = CommandResult & { caseId: string };

/** The commands that carry no personal data: nothing to look up or seal before deciding. */
export type PlainCaseCommand = Extract<
  ProtectionCaseCommand,
  {
    type:
      | 'RecordRescueOperation'
      | 'RecordVictimIdentification'
      | 'RecordShelterPlacement'
      | 'RecordRepatriationStep'
      | 'CloseProtectionCase'
      | 'ReopenProtectionCase';
  }
>;

export function outOfScope(country: string) {
  return forbidden(
    `This protection case is in ${country}, outside your countries.`,
    'OUT_OF_SCOPE',
  );
}

/**
 * The write side of cases: the caller's scope against the case's country (from its stream, the
 * source of truth), personal text sealed with the case's own key, then load, decide, append with
 * the expected version (handleCommand). No rule lives here: the decider holds them. Roles are
 * checked before, by each mutation's policy.
 */
@Injectable()
export class CaseCommandsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(Privacy) private readonly privacy: Privacy,
  ) {}

  async open(
    principal: Principal,
    metadata: EventMetadata,
    data: Omit<OpenProtectionCase['data'], 'caseId' | 'sourceNotificationId'> & {
      caseId?: string | null;
    },
  ): Promise<CaseCommandResult> {
    if (!inScope(principal, { country: data.country })) throw outOfScope(data.country);
    const caseId = (data.caseId ?? uuidv7()).toLowerCase();
    return this.decide(caseId, metadata, {
      type: 'OpenProtectionCase',
      data: { ...data, caseId, sourceNotificationId: null },
      metadata,
    });
  }

  async addVictim(
    principal: Principal,
    metadata: EventMetadata,
    givenCaseId: string,
    data: Omit<
      DataOf<'AddVictimToCase'>,
      'beneficiaryRegistered' | 'minor' | 'sex' | 'nationality' | 'ageYears'
    > & {
      minor: boolean | null;
    },
  ): Promise<CaseCommandResult> {
    const beneficiaryId = data.beneficiaryId.toLowerCase();
    return this.run(principal, metadata, givenCaseId, async (caseId) => {
      // The beneficiary's own stream says whether she exists, and her age group by default.
      const [first] = await this.store.readStream(beneficiaryStreamId(beneficiaryId), { to: 1 });
      const registration =
        first?.type === 'BeneficiaryRegistered'
          ? (first.data as BeneficiaryRegistered['data'])
          : null;
      const command: AddVictimToCase = {
        type: 'AddVictimToCase',
        data: {
          caseId,
          beneficiaryId,
          beneficiaryRegistered: registration !== null,
          formOfExploitation: data.formOfExploitation,
          minor: data.minor ?? registration?.minor ?? false,
          // Her statistical attributes from her registration, the age as of the day she is
          // taken in (ADR 15). Never an identity.
          sex: registration?.sex ?? null,
          nationality: registration?.nationality ?? null,
          ageYears: ageOn(registration, data.addedOn ?? metadata.occurredAt.slice(0, 10)),
          addedOn: data.addedOn ?? null,
        },
        metadata,
      };
      return command;
    });
  }

  addNote(
    principal: Principal,
    metadata: EventMetadata,
    givenCaseId: string,
    data: { noteId?: string | null; text: string },
  ): Promise<CaseCommandResult> {
    return this.run(principal, metadata, givenCaseId, async (caseId) => ({
      type: 'AddInvestigationNote',
      data: {
        caseId,
        noteId: (data.noteId ?? uuidv7()).toLowerCase(),
        text: await this.seal(caseId, SEALED_CASE_FIELDS.note, data.text),
      },
      metadata,
    }));
  }

  recordGuardianContact(
    principal: Principal,
    metadata: EventMetadata,
    givenCaseId: string,
    data: Omit<DataOf<'RecordGuardianContact'>, 'details'> & { details: string },
  ): Promise<CaseCommandResult> {
    return this.run(principal, metadata, givenCaseId, async (caseId) => ({
      type: 'RecordGuardianContact',
      data: {
        caseId,
        kind: data.kind,
        details: await this.seal(caseId, SEALED_CASE_FIELDS.contact, data.details),
      },
      metadata,
    }));
  }

  /** The commands that carry no personal data, as they are. */
  record(principal: Principal, command: PlainCaseCommand): Promise<CaseCommandResult> {
    return this.run(principal, command.metadata, command.data.caseId, async () => command);
  }

  /**
   * Scope first (so nothing is sealed, and no key made, for a case the caller may not touch),
   * then the command.
   */
  private async run(
    principal: Principal,
    metadata: EventMetadata,
    givenCaseId: string,
    build: (caseId: string) => Promise<ProtectionCaseCommand>,
  ): Promise<CaseCommandResult> {
    const caseId = givenCaseId.toLowerCase();
    const [first] = await this.store.readStream(protectionCaseStreamId(caseId), { to: 1 });
    if (first?.type !== 'ProtectionCaseOpened') throw new ProtectionCaseNotFound();
    // A case never changes country: its opening event says where it is for good.
    const { country } = first.data as ProtectionCaseOpened['data'];
    if (!inScope(principal, { country })) throw outOfScope(country);
    return this.decide(caseId, metadata, await build(caseId));
  }

  private async decide(
    caseId: string,
    metadata: EventMetadata,
    command: ProtectionCaseCommand,
  ): Promise<CaseCommandResult> {
    const result = await handleCommand(
      this.store,
      protectionCaseStreamId(caseId),
      protectionCaseDecider,
      command,
      metadata,
    );
    return { ...result, caseId };
  }

  /** Sealed with the case's data key (made on first use): erasing the case's key erases it. */
  private async seal(caseId: string, field: string, text: string): Promise<string> {
    const sealed = await sealPersonalFields(this.privacy.keys, caseId, { [field]: text });
    return sealed[field] as string;
  }
}

/** Whole years on `day`, from the age she had on the day she was registered; null if unknown. */
function ageOn(registration: BeneficiaryRegistered['data'] | null, day: string): number | null {
  if (!registration || registration.ageYears == null) return null;
  const registeredOn = registration.registeredAt.slice(0, 10);
  return Math.max(0, registration.ageYears + wholeYearsBetween(registeredOn, day));
}
