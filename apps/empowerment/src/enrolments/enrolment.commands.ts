import { Inject, Injectable } from '@nestjs/common';
import { enrolmentStreamId, type Setting } from '@haven/empowerment/contracts';
import {
  enrolmentDecider,
  type BeneficiaryFacts,
  type EnrolmentCommand,
  type EnrolmentEvent,
  type EnrolmentState,
} from '@haven/empowerment/domain';
import { KnownBeneficiaryRow, KnownPartnerOrganisationRow } from '@haven/empowerment/read-models';
import { defineCommand, type CommandDefinition } from '@haven/platform/nest';
import { forbidden, inScope, type Principal } from '@haven/platform/security';
import type { Country, CountryCode, Sex } from '@haven/vocabulary';
import { DataSource } from 'typeorm';
import type { SettingInput } from './enrolment.types';

/** Every empowerment command's input carries the enrolment it acts on. */
export type OnEnrolment = { enrolmentId: string };
export type EnrolmentDefinition<Input> = CommandDefinition<
  Input,
  EnrolmentCommand,
  EnrolmentEvent,
  EnrolmentState
>;

const OUT_OF_SCOPE = 'This enrolment is not in your countries.';

/** The enrolment's country must be the principal's (a stream not found says so as it stands). */
export function authoriseOnEnrolment(state: EnrolmentState, principal: Principal): void {
  if (state.status !== 'NONE' && !inScope(principal, { country: state.country })) {
    throw forbidden(OUT_OF_SCOPE, 'OUT_OF_SCOPE');
  }
}

export function toSetting(input: SettingInput): Setting {
  return {
    kind: input.kind,
    shelterName: input.shelterName ?? null,
    governmentRun: input.governmentRun ?? null,
    province: input.province ?? null,
    district: input.district ?? null,
  };
}

/**
 * What the commands read beside their stream: protection's beneficiary and networks' partner
 * organisations as empowerment's own read models of their events show them (never a call).
 */
@Injectable()
export class KnownBeneficiaries {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async facts(beneficiaryId: string): Promise<BeneficiaryFacts> {
    const row = await this.dataSource
      .getRepository(KnownBeneficiaryRow)
      .findOneBy({ id: beneficiaryId.toLowerCase() });
    return {
      known: row !== null,
      servicesConsent: row?.servicesConsent ?? false,
      erased: row?.erased ?? false,
      country: (row?.country as Country | undefined) ?? null,
      sex: (row?.sex as Sex | undefined) ?? null,
      minor: row?.minor ?? null,
      nationality: (row?.nationality as CountryCode | null | undefined) ?? null,
      ageYears: row?.ageYears ?? null,
      ageOn: row?.ageOn ?? null,
    };
  }

  /** Whether networks registered this partner organisation (as its events on the log show). */
  async partnerRegistered(partnerOrganisationId: string | null): Promise<boolean> {
    if (!partnerOrganisationId) return false;
    return this.dataSource
      .getRepository(KnownPartnerOrganisationRow)
      .existsBy({ id: partnerOrganisationId.toLowerCase() });
  }

  async erased(beneficiaryId: string): Promise<boolean> {
    return (await this.facts(beneficiaryId)).erased;
  }
}

/**
 * A command on an existing enrolment: its stream, the scope check on the folded state, and the
 * domain command built with whether the person was erased.
 */
export function onEnrolment<Input extends OnEnrolment>(
  beneficiaries: KnownBeneficiaries,
  build: (
    input: Input,
    state: EnrolmentState,
    principal: Principal,
  ) => Omit<EnrolmentCommand, 'metadata'> | Promise<Omit<EnrolmentCommand, 'metadata'>>,
): EnrolmentDefinition<Input> {
  return defineCommand({
    decider: enrolmentDecider,
    streamId: (input) => enrolmentStreamId(input.enrolmentId.toLowerCase()),
    authorise: authoriseOnEnrolment,
    async command(input, state, { principal, metadata }) {
      const erased =
        state.status === 'NONE' ? false : await beneficiaries.erased(state.beneficiaryId);
      const command = (await build(input, state, principal)) as EnrolmentCommand;
      const data = 'erased' in command.data ? { ...command.data, erased } : command.data;
      return { ...command, data, metadata } as EnrolmentCommand;
    },
  });
}

export type EnrolInput = {
  enrolmentId: string;
  beneficiaryId: string;
  setting: SettingInput;
  enrolledOn: string;
};

/** Enrolment: the person's facts from protection's log; the country must be the officer's. */
export function enrolBeneficiary(
  beneficiaries: KnownBeneficiaries,
): EnrolmentDefinition<EnrolInput> {
  return defineCommand({
    decider: enrolmentDecider,
    streamId: (input: EnrolInput) => enrolmentStreamId(input.enrolmentId),
    authorise: authoriseOnEnrolment,
    async command(input, _state, { principal, metadata }) {
      const beneficiary = await beneficiaries.facts(input.beneficiaryId);
      if (beneficiary.country && !inScope(principal, { country: beneficiary.country })) {
        throw forbidden('This beneficiary is not in your countries.', 'OUT_OF_SCOPE');
      }
      return {
        type: 'EnrolBeneficiary',
        data: {
          enrolmentId: input.enrolmentId,
          beneficiaryId: input.beneficiaryId.toLowerCase(),
          setting: toSetting(input.setting),
          enrolledOn: input.enrolledOn,
          beneficiary,
        },
        metadata,
      };
    },
  });
}
