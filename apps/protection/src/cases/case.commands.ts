import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@haven/platform/event-store';
import { check, refusingAs } from '@haven/platform/domain';
import { defineCommand, EVENT_STORE } from '@haven/platform/nest';
import { sealPersonalFields } from '@haven/platform/privacy';
import { forbidden, inScope, type Principal } from '@haven/platform/security';
import {
  beneficiaryStreamId,
  protectionCaseStreamId,
  type BeneficiaryRegistered,
  type GuardianContactKind,
} from '@haven/protection/contracts';
import {
  InvalidProtectionCaseData,
  ProtectionCaseNotFound,
  protectionCaseDecider,
  type AddVictimToCase,
  type AttachRescuedVictim,
  type CloseProtectionCase,
  type OpenProtectionCase,
  type ProtectionCaseState,
  type RecordRepatriationStep,
  type RecordRescueOperation,
  type RecordShelterPlacement,
  type RecordVictimIdentification,
  type ReopenProtectionCase,
} from '@haven/protection/domain';
import { wholeYearsBetween } from '../beneficiaries/ages';
import { Privacy } from '../personal-data/privacy';

/** The field names personal case data is sealed under (bound into each ciphertext). */
export const SEALED_CASE_FIELDS = {
  note: 'investigationNote',
  contact: 'guardianContact',
} as const;

/** Refuses a country outside the caller's (the message names no country: ids tell nothing). */
export function outOfScope(_country?: string) {
  return forbidden('This protection case is outside your countries.', 'OUT_OF_SCOPE');
}

/**
 * A command on an existing case: the case must exist, in the caller's countries. A case out of
 * scope answers exactly as one that does not exist (ADR 23). A case never changes country: its
 * opening says where it is for good.
 */
function mayWorkOn(state: ProtectionCaseState, principal: Principal): void {
  if (state.status === 'NONE' || !inScope(principal, { country: state.country })) {
    throw new ProtectionCaseNotFound();
  }
}

/**
 * A beneficiary's registration, when she is within the caller's scope; null when she is not
 * registered or out of scope, which the decider answers alike (BENEFICIARY_NOT_FOUND).
 */
function registrationInScope(
  first: RecordedEvent | undefined,
  principal: Principal,
): BeneficiaryRegistered['data'] | null {
  if (first?.type !== 'BeneficiaryRegistered') return null;
  const registration = first.data as BeneficiaryRegistered['data'];
  const organisationId = (first.metadata as { organisationId?: string | null }).organisationId;
  return inScope(principal, { country: registration.country, organisationId })
    ? registration
    : null;
}

/** The commands that carry no personal data, as the resolver gives them (ids lower-cased). */
export type PlainCaseInput =
  | Pick<RecordRescueOperation, 'type' | 'data'>
  | Pick<AttachRescuedVictim, 'type' | 'data'>
  | Pick<RecordVictimIdentification, 'type' | 'data'>
  | Pick<RecordShelterPlacement, 'type' | 'data'>
  | Pick<RecordRepatriationStep, 'type' | 'data'>
  | Pick<CloseProtectionCase, 'type' | 'data'>
  | Pick<ReopenProtectionCase, 'type' | 'data'>;

export type OpenCaseInput = Omit<OpenProtectionCase['data'], 'sourceNotificationId'>;

export type AddVictimInput = Omit<
  AddVictimToCase['data'],
  'beneficiaryRegistered' | 'minor' | 'sex' | 'nationality' | 'ageYears'
> & { minor: boolean | null };

/** Personal text in clear, sealed with the case's key once the caller is authorised. */
export type SealedTextInput =
  | { caseId: string; noteId: string; text: string }
  | {
      caseId: string;
      beneficiaryId: string | null;
      kind: GuardianContactKind;
      details: string;
      contactedOn: string | null;
    };

/**
 * The commands on protection cases, each declared once for the CommandRunner: one load of the
 * case's stream, the caller's scope checked against its country as folded (so nothing is
 * sealed, and no key made, for a case the caller may not touch), then what the domain needs
 * (the victim's registration, sealed text) and the decider decides. Roles are checked before,
 * by each mutation's policy.
 */
@Injectable()
export class CaseCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(Privacy) private readonly privacy: Privacy,
  ) {}

  readonly open = defineCommand({
    decider: protectionCaseDecider,
    streamId: (input: OpenCaseInput) => protectionCaseStreamId(input.caseId),
    authorise(_state, principal, input) {
      if (!inScope(principal, { country: input.country })) throw outOfScope(input.country);
    },
    command: (input, _state, { metadata }): OpenProtectionCase => ({
      type: 'OpenProtectionCase',
      data: { ...input, sourceNotificationId: null },
      metadata,
    }),
  });

  readonly addVictim = defineCommand({
    decider: protectionCaseDecider,
    streamId: (input: AddVictimInput) => protectionCaseStreamId(input.caseId),
    authorise: mayWorkOn,
    command: async (input, _state, { metadata, principal }): Promise<AddVictimToCase> => {
      // The beneficiary's own stream says whether she exists, and her age group by default; one
      // out of the caller's scope is not theirs to name, nor to learn of.
      const [first] = await this.store.readStream(beneficiaryStreamId(input.beneficiaryId), {
        to: 1,
      });
      const registration = registrationInScope(first, principal);
      return {
        type: 'AddVictimToCase',
        data: {
          ...input,
          beneficiaryRegistered: registration !== null,
          minor: input.minor ?? registration?.minor ?? false,
          // Her statistical attributes from her registration, the age as of the day she is
          // taken in (ADR 21). Never an identity.
          sex: registration?.sex ?? null,
          nationality: registration?.nationality ?? null,
          ageYears: ageOn(registration, input.addedOn ?? metadata.occurredAt.slice(0, 10)),
        },
        metadata,
      };
    },
  });

  /** An investigation note or a guardian contact: text sealed with the case's key. */
  readonly sealedText = defineCommand({
    decider: protectionCaseDecider,
    streamId: (input: SealedTextInput) => protectionCaseStreamId(input.caseId),
    authorise: mayWorkOn,
    command: async (input, _state, { metadata }) => {
      // The day is checked before anything is sealed: a refused contact makes no key.
      if ('contactedOn' in input && input.contactedOn != null) {
        const { contactedOn } = input;
        refusingAs(InvalidProtectionCaseData, () =>
          check.dateOfFact(contactedOn, 'contactedOn', metadata.occurredAt),
        );
      }
      return 'noteId' in input
        ? {
            type: 'AddInvestigationNote' as const,
            data: {
              caseId: input.caseId,
              noteId: input.noteId,
              text: await this.seal(input.caseId, SEALED_CASE_FIELDS.note, input.text),
            },
            metadata,
          }
        : {
            type: 'RecordGuardianContact' as const,
            data: {
              caseId: input.caseId,
              beneficiaryId: input.beneficiaryId,
              kind: input.kind,
              details: await this.seal(input.caseId, SEALED_CASE_FIELDS.contact, input.details),
              contactedOn: input.contactedOn,
            },
            metadata,
          };
    },
  });

  /** The commands that carry no personal data, as they are. */
  readonly plain = defineCommand({
    decider: protectionCaseDecider,
    streamId: (input: PlainCaseInput) => protectionCaseStreamId(input.data.caseId),
    authorise: mayWorkOn,
    command: (input, _state, { metadata }) => ({ ...input, metadata }),
  });

  /** Sealed with the case's data key (made on first use): erasing the case's key erases it. */
  private async seal(caseId: string, field: string, text: string): Promise<string> {
    const sealed = await sealPersonalFields(this.privacy.keys, caseId, { [field]: text });
    return sealed[field] as string;
  }
}

/** Whole years on `day`, from the age she had on the day she was registered; null if unknown. */
function ageOn(registration: BeneficiaryRegistered['data'] | null, day: string): number | null {
  if (!registration || registration.ageYears == null) return null;
  // Absent before registrations took their day (read without the upcaster): the recording day.
  const registeredOn = registration.registeredOn ?? registration.registeredAt.slice(0, 10);
  return Math.max(0, registration.ageYears + wholeYearsBetween(registeredOn, day));
}
