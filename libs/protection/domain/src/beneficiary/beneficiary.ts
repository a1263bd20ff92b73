import {
  COUNTRIES,
  SEXES,
  type BeneficiaryEvent,
  type BeneficiaryRegistered,
  type Country,
  type Sex,
} from '@haven/protection/contracts';
import type { CommandMetadata } from '../command-metadata';
import { BeneficiaryAlreadyRegistered, InvalidBeneficiaryData } from './errors';

export type { BeneficiaryEvent, BeneficiaryRegistered, Country, Sex };
export { COUNTRIES, SEXES };

// ---- Commands: intentions. ---------------------------------------------------------------

/** Register a person as a beneficiary. `referenceNumber` is unique, allocated by the caller. */
export type RegisterBeneficiary = {
  type: 'RegisterBeneficiary';
  data: {
    beneficiaryId: string;
    referenceNumber: number;
    country: Country;
    sex: Sex;
    minor: boolean;
  };
  metadata: CommandMetadata;
};

export type BeneficiaryCommand = RegisterBeneficiary;

// ---- State: only what decisions need. ----------------------------------------------------

export type BeneficiaryState =
  { status: 'Unregistered' } | { status: 'Registered'; country: Country; sex: Sex; minor: boolean };

export function initialState(): BeneficiaryState {
  return { status: 'Unregistered' };
}

// ---- Rules. ------------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** `BEN-<country>-<number, at least 6 digits>`, e.g. `BEN-TH-000123`. */
export function referenceCode(country: Country, referenceNumber: number): string {
  return `BEN-${country}-${String(referenceNumber).padStart(6, '0')}`;
}

function checkRegistration({ data, metadata }: RegisterBeneficiary): void {
  if (!UUID.test(data.beneficiaryId)) {
    throw new InvalidBeneficiaryData('beneficiaryId', 'must be a lower-case UUID.');
  }
  if (!Number.isSafeInteger(data.referenceNumber) || data.referenceNumber < 1) {
    throw new InvalidBeneficiaryData('referenceNumber', 'must be a positive integer.');
  }
  if (!COUNTRIES.includes(data.country)) {
    throw new InvalidBeneficiaryData('country', `must be one of ${COUNTRIES.join(', ')}.`);
  }
  if (!SEXES.includes(data.sex)) {
    throw new InvalidBeneficiaryData('sex', `must be one of ${SEXES.join(', ')}.`);
  }
  if (typeof data.minor !== 'boolean') {
    throw new InvalidBeneficiaryData('minor', 'must be true or false.');
  }
  if (!ISO_INSTANT.test(metadata.occurredAt) || Number.isNaN(Date.parse(metadata.occurredAt))) {
    throw new InvalidBeneficiaryData('occurredAt', 'must be an ISO 8601 instant.');
  }
}

function register(command: RegisterBeneficiary, state: BeneficiaryState): BeneficiaryEvent[] {
  const { data, metadata } = command;
  if (state.status === 'Registered') {
    // The same registration again (a client retrying with its id) changes nothing.
    const same =
      state.country === data.country && state.sex === data.sex && state.minor === data.minor;
    if (same) return [];
    throw new BeneficiaryAlreadyRegistered(data.beneficiaryId);
  }
  checkRegistration(command);
  const registered: BeneficiaryRegistered = {
    type: 'BeneficiaryRegistered',
    data: {
      beneficiaryId: data.beneficiaryId,
      referenceCode: referenceCode(data.country, data.referenceNumber),
      country: data.country,
      sex: data.sex,
      minor: data.minor,
      registeredAt: new Date(metadata.occurredAt).toISOString(),
    },
  };
  return [registered];
}

export function decide(command: BeneficiaryCommand, state: BeneficiaryState): BeneficiaryEvent[] {
  switch (command.type) {
    case 'RegisterBeneficiary':
      return register(command, state);
    default: {
      // Exhaustive: a new command type fails to compile here until it is decided.
      const unknown: never = command.type;
      throw new Error(`Unknown command ${String(unknown)}`);
    }
  }
}

export function evolve(state: BeneficiaryState, event: BeneficiaryEvent): BeneficiaryState {
  switch (event.type) {
    case 'BeneficiaryRegistered': {
      const { country, sex, minor } = event.data;
      return { status: 'Registered', country, sex, minor };
    }
    default: {
      const unknown: never = event.type;
      throw new Error(`Unknown event ${String(unknown)}`);
    }
  }
}

/** The beneficiary decider, for the command handler. */
export const beneficiaryDecider = { decide, evolve, initialState };
