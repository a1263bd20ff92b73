import { Inject, Injectable } from '@nestjs/common';
import type { EventMetadata, EventStore } from '@haven/platform/event-store';
import { EVENT_STORE, handleCommand, type CommandResult } from '@haven/platform/nest';
import { PersonKeyDestroyedError, sealPersonalFields } from '@haven/platform/privacy';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import {
  BeneficiaryAlreadyErased,
  beneficiaryDecider,
  PERSONAL_FIELDS,
  type Country,
  type PersonalField,
  type SealedPersonalFields,
  type Sex,
} from '@haven/protection/domain';
import { BENEFICIARY_REFERENCE_SEQUENCE } from '@haven/protection/read-models';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import { Privacy } from '../personal-data/privacy';

export interface RegisterBeneficiaryRequest {
  /** A client-chosen UUID makes the command idempotent; otherwise a new one. */
  beneficiaryId?: string | null;
  country: Country;
  sex: Sex;
  minor: boolean;
  /** Personal fields in clear, as the client sent them: sealed here, before any event exists. */
  personal?: Partial<Record<PersonalField, string | null>> | null;
}

/**
 * Registers a beneficiary: a new reference number, the personal fields sealed with the person's
 * data key, then load, decide, append with the expected version (retried on a concurrent
 * append). No rule lives here: the decider holds them. Roles and scope are checked before
 * `handle`, in the resolver.
 */
@Injectable()
export class RegisterBeneficiaryHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Privacy) private readonly privacy: Privacy,
  ) {}

  async handle(
    request: RegisterBeneficiaryRequest,
    metadata: EventMetadata,
  ): Promise<CommandResult & { beneficiaryId: string }> {
    const beneficiaryId = (request.beneficiaryId ?? uuidv7()).toLowerCase();
    const personal = await this.seal(beneficiaryId, request.personal);
    const referenceNumber = await this.nextReferenceNumber();
    const result = await handleCommand(
      this.store,
      beneficiaryStreamId(beneficiaryId),
      beneficiaryDecider,
      {
        type: 'RegisterBeneficiary',
        data: {
          beneficiaryId,
          referenceNumber,
          country: request.country,
          sex: request.sex,
          minor: request.minor,
          ...(personal ? { personal } : {}),
        },
        metadata,
      },
      metadata,
    );
    return { ...result, beneficiaryId };
  }

  /**
   * Each given field sealed on its own. The person's key is made (and committed) here, before
   * the event, so no event ever holds data sealed with a key that does not exist.
   */
  private async seal(
    beneficiaryId: string,
    given: RegisterBeneficiaryRequest['personal'],
  ): Promise<SealedPersonalFields | undefined> {
    const fields: Partial<Record<PersonalField, string>> = {};
    for (const field of PERSONAL_FIELDS) {
      const value = given?.[field];
      if (typeof value === 'string') fields[field] = value;
    }
    if (Object.keys(fields).length === 0) return undefined;
    try {
      return await sealPersonalFields(this.privacy.keys, beneficiaryId, fields);
    } catch (error) {
      // An erased person never gets a new key, so nothing new can be recorded about them.
      if (error instanceof PersonKeyDestroyedError)
        throw new BeneficiaryAlreadyErased(beneficiaryId);
      throw error;
    }
  }

  /** Unique, increasing, with gaps (a number drawn by a failed or repeated command is skipped). */
  private async nextReferenceNumber(): Promise<number> {
    const [row]: Array<{ value: string }> = await this.dataSource.query(
      `SELECT nextval('${BENEFICIARY_REFERENCE_SEQUENCE}') AS value`,
    );
    return Number(row.value);
  }
}
