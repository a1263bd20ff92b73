import { Inject, Injectable } from '@nestjs/common';
import { check, refusingAs } from '@haven/platform/domain';
import { defineCommand } from '@haven/platform/nest';
import { PersonKeyDestroyedError, sealPersonalFields } from '@haven/platform/privacy';
import { forbidden, inScope, type Principal } from '@haven/platform/security';
import { beneficiaryStreamId } from '@haven/protection/contracts';
import {
  assertRegistrant,
  BeneficiaryAlreadyErased,
  BeneficiaryNotFound,
  beneficiaryDecider,
  InvalidBeneficiaryData,
  PERSONAL_FIELDS,
  type BeneficiaryState,
  type Country,
  type DuplicateReason,
  type PersonalField,
  type RecordConsent,
  type RegisterBeneficiary,
  type ResolvePossibleDuplicate,
  type SealedPersonalFields,
  type Sex,
} from '@haven/protection/domain';
import {
  BENEFICIARY_MATCH_KEYS_TABLE,
  BENEFICIARY_REFERENCE_SEQUENCE,
} from '@haven/protection/read-models';
import type { CountryCode } from '@haven/vocabulary';
import { DataSource } from 'typeorm';
import { encodePersonalValue, type PersonalValues } from '../personal-data/personal-values';
import { Privacy } from '../personal-data/privacy';
import { statisticalAge } from './ages';
import { matchKeysOf, type MatchKey } from './match-keys';

/**
 * A command on a registered beneficiary: it must exist, in the caller's own scope (its country,
 * or a partner's own organisation; break-glass is for reading, never writing). A record out of
 * scope answers exactly as one that does not exist: whether it exists is itself not the caller's
 * to learn (ADR 23).
 */
export function mayWriteOn(state: BeneficiaryState, principal: Principal): void {
  if (state.status === 'Unregistered') throw new BeneficiaryNotFound();
  const record = { country: state.country, organisationId: state.registrant?.organisationId };
  if (!inScope(principal, record)) throw new BeneficiaryNotFound();
}

/** A registration as the resolver gives it: the id checked and lower-cased. */
export interface RegisterInput {
  beneficiaryId: string;
  country: Country;
  sex: Sex;
  minor: boolean;
  /** ISO 3166-1 nationality, in clear for statistics (ADR 21). */
  nationality: CountryCode | null;
  /** The day she was registered on the ground; null: the day of the command. */
  registeredOn: string | null;
  /** Personal fields in clear, as the client sent them: sealed before any event exists. */
  personal?: Partial<PersonalValues> | null;
}

export type ConsentInput = RecordConsent['data'];
export type DuplicateDecisionInput = ResolvePossibleDuplicate['data'];

/**
 * The commands on beneficiaries, each declared once for the CommandRunner (one load of the
 * beneficiary's stream, authorised against it as folded; the rules are the decider's).
 *
 * Registration: a new reference number, the personal fields sealed with the person's data key,
 * and duplicate detection: the blind match keys of the clear name and birth date (match-keys.ts)
 * are compared with those of the country's other beneficiaries; equal ones are passed to the
 * decider, which flags them. The keys are written to `protection.beneficiary_match_keys` in the
 * append's transaction and nowhere else (no event holds them). Two registrations of the same
 * person at the very same moment may miss each other: a flag is an aid, not a guarantee.
 */
@Injectable()
export class BeneficiaryCommands {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Privacy) private readonly privacy: Privacy,
  ) {}

  readonly register = defineCommand({
    decider: beneficiaryDecider,
    streamId: (input: RegisterInput) => beneficiaryStreamId(input.beneficiaryId),
    authorise(_state, principal, input) {
      // Partners register for their own organisation, anywhere; staff in their countries.
      if (principal.role !== 'partner' && !inScope(principal, { country: input.country })) {
        throw forbidden(
          `You may register beneficiaries only in your own countries, not in ${input.country}.`,
          'OUT_OF_SCOPE',
        );
      }
    },
    command: async (input, state, { metadata }): Promise<RegisterBeneficiary> => {
      // A replay of a registered id by anyone but its registrant is refused before anything is
      // sealed or drawn: an erased person's missing key must not tell it apart.
      if (state.status !== 'Unregistered') assertRegistrant(state, metadata);
      // So is a day she cannot have been registered on: a refusal makes no key.
      const { registeredOn } = input;
      if (registeredOn != null) {
        refusingAs(InvalidBeneficiaryData, () =>
          check.dateOfFact(registeredOn, 'registeredOn', metadata.occurredAt),
        );
      }
      const personal = await this.seal(input.beneficiaryId, input.personal);
      const possibleDuplicates = await this.candidates(
        input.beneficiaryId,
        input.country,
        this.matchKeys(input),
      );
      return {
        type: 'RegisterBeneficiary',
        data: {
          beneficiaryId: input.beneficiaryId,
          referenceNumber: await this.nextReferenceNumber(),
          country: input.country,
          sex: input.sex,
          minor: input.minor,
          nationality: input.nationality,
          registeredOn: input.registeredOn,
          // Her age on the day she was registered, not on the day it was entered.
          ageYears: statisticalAge(input.personal, input.registeredOn ?? metadata.occurredAt),
          ...(personal ? { personal } : {}),
          ...(possibleDuplicates ? { possibleDuplicates } : {}),
        },
        metadata,
      };
    },
    alongside: async (client, _events, input) => {
      for (const { kind, key } of this.matchKeys(input)) {
        await client.query(
          `INSERT INTO ${BENEFICIARY_MATCH_KEYS_TABLE} (beneficiary_id, country, kind, match_key)
           VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
          [input.beneficiaryId, input.country, kind, key],
        );
      }
    },
  });

  readonly recordConsent = defineCommand({
    decider: beneficiaryDecider,
    streamId: (input: ConsentInput) => beneficiaryStreamId(input.beneficiaryId),
    authorise: mayWriteOn,
    command: (data, _state, { metadata }): RecordConsent => ({
      type: 'RecordConsent',
      data,
      metadata,
    }),
  });

  readonly resolvePossibleDuplicate = defineCommand({
    decider: beneficiaryDecider,
    streamId: (input: DuplicateDecisionInput) => beneficiaryStreamId(input.beneficiaryId),
    authorise: mayWriteOn,
    command: (data, _state, { metadata }): ResolvePossibleDuplicate => ({
      type: 'ResolvePossibleDuplicate',
      data,
      metadata,
    }),
  });

  private matchKeys(input: RegisterInput): MatchKey[] {
    return matchKeysOf(this.privacy.matchKey, input.personal ?? {});
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
    given: RegisterInput['personal'],
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
