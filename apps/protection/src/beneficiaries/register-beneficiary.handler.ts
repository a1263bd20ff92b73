import { Inject, Injectable } from '@nestjs/common';
import type { EventMetadata } from '@haven/platform/event-store';
import {
  handleCommandInTransaction,
  ServiceDatabase,
  type CommandResult,
} from '@haven/platform/nest';
import { PersonKeyDestroyedError, sealPersonalFields } from '@haven/platform/privacy';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import {
  BeneficiaryAlreadyErased,
  beneficiaryDecider,
  PERSONAL_FIELDS,
  type Country,
  type DuplicateReason,
  type PersonalField,
  type SealedPersonalFields,
  type Sex,
} from '@haven/protection/domain';
import {
  BENEFICIARY_MATCH_KEYS_TABLE,
  BENEFICIARY_REFERENCE_SEQUENCE,
} from '@haven/protection/read-models';
import type { CountryCode } from '@haven/vocabulary';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import { Privacy } from '../personal-data/privacy';
import { matchKeysOf, type MatchKey } from './match-keys';
import { encodePersonalValue, type PersonalValues } from '../personal-data/personal-values';

export interface RegisterBeneficiaryRequest {
  /** A client-chosen UUID makes the command idempotent; otherwise a new one. */
  beneficiaryId?: string | null;
  country: Country;
  sex: Sex;
  minor: boolean;
  /** ISO 3166-1 nationality, in clear for statistics (ADR 15). */
  nationality?: CountryCode | null;
  /** Personal fields in clear, as the client sent them: sealed here, before any event exists. */
  personal?: Partial<PersonalValues> | null;
}

/**
 * Registers a beneficiary: a new reference number, the personal fields sealed with the person's
 * data key, then load, decide, append with the expected version (retried on a concurrent
 * append). No rule lives here: the decider holds them. Roles and scope are checked before
 * `handle`, in the resolver.
 *
 * Duplicate detection: the blind match keys of the clear name and birth date (match-keys.ts)
 * are compared with those of the country's other beneficiaries; equal ones are passed to the
 * decider, which flags them. The keys are written to `protection.beneficiary_match_keys` in the
 * append's transaction and nowhere else (no event holds them). Two registrations of the same
 * person at the very same moment may miss each other: a flag is an aid, not a guarantee.
 */
@Injectable()
export class RegisterBeneficiaryHandler {
  constructor(
    @Inject(ServiceDatabase) private readonly database: ServiceDatabase,
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
    const keys = matchKeysOf(this.privacy.matchKey, request.personal ?? {});
    const possibleDuplicates = await this.candidates(beneficiaryId, request.country, keys);
    const result = await handleCommandInTransaction(
      this.database.eventStore,
      () => this.privacy.connect(),
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
          nationality: request.nationality ?? null,
          ageYears: statisticalAge(request.personal, metadata.occurredAt),
          ...(personal ? { personal } : {}),
          ...(possibleDuplicates ? { possibleDuplicates } : {}),
        },
        metadata,
      },
      metadata,
      async (client) => {
        for (const { kind, key } of keys) {
          await client.query(
            `INSERT INTO ${BENEFICIARY_MATCH_KEYS_TABLE} (beneficiary_id, country, kind, match_key)
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
            [beneficiaryId, request.country, kind, key],
          );
        }
      },
    );
    return { ...result, beneficiaryId };
  }

  /** Other beneficiaries of the country with an equal match key, and which keys matched. */
  private async candidates(
    beneficiaryId: string,
    country: Country,
    keys: readonly MatchKey[],
  ): Promise<{ candidateIds: string[]; reasons: DuplicateReason[] } | undefined> {
    if (!keys.length) return undefined;
    const rows: Array<{ beneficiary_id: string; kind: DuplicateReason }> =
      await this.dataSource.query(
        `SELECT beneficiary_id, kind FROM ${BENEFICIARY_MATCH_KEYS_TABLE}
          WHERE country = $1 AND beneficiary_id <> $2
            AND (kind, match_key) IN (SELECT * FROM unnest($3::text[], $4::bytea[]))`,
        [country, beneficiaryId, keys.map((k) => k.kind), keys.map((k) => k.key)],
      );
    if (!rows.length) return undefined;
    return {
      candidateIds: [...new Set(rows.map((row) => row.beneficiary_id))],
      reasons: [...new Set(rows.map((row) => row.kind))],
    };
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
      const value = encodePersonalValue(field, given?.[field]);
      if (value !== undefined) fields[field] = value;
    }
    if (Object.keys(fields).length === 0) return undefined;
    try {
      return await sealPersonalFields(this.privacy.keys, beneficiaryId, fields);
    } catch (error) {
      // An erased person never gets a new key, so nothing new can be recorded about them.
      if (error instanceof PersonKeyDestroyedError) throw new BeneficiaryAlreadyErased();
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

/**
 * Age in whole years on the day of registration, for statistics (ADR 15): from the date of birth
 * when given, else the assessed age (it corrects falsified documents), else the documented one.
 */
export function statisticalAge(
  personal: Partial<PersonalValues> | null | undefined,
  occurredAt: string,
): number | null {
  if (personal?.dateOfBirth)
    return wholeYearsBetween(personal.dateOfBirth, occurredAt.slice(0, 10));
  return personal?.assessedAge ?? personal?.documentedAge ?? null;
}

/** Whole years from one YYYY-MM-DD day to a later one (birthdays counted on the day). */
export function wholeYearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}
