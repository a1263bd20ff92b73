import { Inject, Injectable } from '@nestjs/common';
import type { EventMetadata, EventStore } from '@haven/platform/event-store';
import { EVENT_STORE, handleCommand, type CommandResult } from '@haven/platform/nest';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import { beneficiaryDecider, type Country, type Sex } from '@haven/protection/domain';
import { BENEFICIARY_REFERENCE_SEQUENCE } from '@haven/protection/read-models';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';

export interface RegisterBeneficiaryRequest {
  /** A client-chosen UUID makes the command idempotent; otherwise a new one. */
  beneficiaryId?: string | null;
  country: Country;
  sex: Sex;
  minor: boolean;
}

/**
 * Registers a beneficiary: a new reference number, then load, decide, append with the expected
 * version (retried on a concurrent append). No rule lives here: the decider holds them.
 * Authorisation will sit before `handle`, in the resolver.
 */
@Injectable()
export class RegisterBeneficiaryHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async handle(
    request: RegisterBeneficiaryRequest,
    metadata: EventMetadata,
  ): Promise<CommandResult & { beneficiaryId: string }> {
    const beneficiaryId = (request.beneficiaryId ?? uuidv7()).toLowerCase();
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
        },
        metadata,
      },
      metadata,
    );
    return { ...result, beneficiaryId };
  }

  /** Unique, increasing, with gaps (a number drawn by a failed or repeated command is skipped). */
  private async nextReferenceNumber(): Promise<number> {
    const [row]: Array<{ value: string }> = await this.dataSource.query(
      `SELECT nextval('${BENEFICIARY_REFERENCE_SEQUENCE}') AS value`,
    );
    return Number(row.value);
  }
}
