import {
  check,
  type CommandMetadata,
  type Decider,
  refusingAs,
  sameJson,
  unreachable,
} from '@haven/platform/domain';
import {
  AGENT_OF_CHANGE_CATEGORY,
  agentOfChangeStreamId,
  defaultResidence,
  WATCHDOG_CATEGORY,
  watchdogStreamId,
  WOMENS_GROUP_CATEGORY,
  womensGroupStreamId,
  type AgentOfChangeRegistered,
  type WatchdogRegistered,
  type WomensGroupRegistered,
} from '@haven/networks/contracts';
import { MAX_NAME_LENGTH, MAX_PLACE_LENGTH } from '../checks';
import { recorderOf, sameRecorder, type Recorder, type WithRecorder } from '../recorded-by';
import {
  AlreadyAgentOfChange,
  AlreadyRegistered,
  InvalidRegistrationData,
  UnknownBeneficiary,
} from '../errors';
import {
  COUNTRIES,
  COUNTRY_CODES,
  PARTNER_ORGANISATION_KINDS,
  WATCHDOG_KINDS,
  WATCHDOG_KINDS_ABROAD,
  type Country,
  type CountryCode,
  type PartnerOrganisationKind,
  type WatchdogKind,
} from '../vocabulary';

/**
 * The networks that notify cases and prevent them: watchdogs, agents of change, women's groups
 * and partner organisations. Each is a stream of its own (`watchdog-<uuid>`, …) holding its
 * registration. No names of persons: a member is its kind, its place and its dates.
 */
export {
  AGENT_OF_CHANGE_CATEGORY,
  agentOfChangeStreamId,
  WATCHDOG_CATEGORY,
  watchdogStreamId,
  WOMENS_GROUP_CATEGORY,
  womensGroupStreamId,
};
export const PARTNER_ORGANISATION_CATEGORY = 'partnerorganisation';

export const partnerOrganisationStreamId = (id: string) => `${PARTNER_ORGANISATION_CATEGORY}-${id}`;

// ---- Events. -----------------------------------------------------------------------------

/** The watchdogs' register is networks' contract: the report follows it on the log. */
export type { WatchdogRegistered };

/** The register's event is networks' contract: relief follows it on the log. */
export type { AgentOfChangeRegistered };

/** The register's event is networks' contract: the report follows it on the log. */
export type { WomensGroupRegistered };

/** An organisation that refers cases in and out (an organisation's name is not personal data). */
export type PartnerOrganisationRegistered = {
  type: 'PartnerOrganisationRegistered';
  data: {
    partnerOrganisationId: string;
    name: string;
    kind: PartnerOrganisationKind;
    country: Country;
    registeredAt: string;
  };
};

export type NetworkMemberEvent =
  | WatchdogRegistered
  | AgentOfChangeRegistered
  | WomensGroupRegistered
  | PartnerOrganisationRegistered;

// ---- Commands. ---------------------------------------------------------------------------

type Facts<Event extends NetworkMemberEvent> = Omit<Event['data'], 'registeredAt'>;

export type RegisterWatchdog = {
  type: 'RegisterWatchdog';
  /** `livesIn` may be left out: see `livesIn` below. */
  data: Omit<Facts<WatchdogRegistered>, 'livesIn'> & { livesIn?: CountryCode | null };
  metadata: CommandMetadata;
};

export type RegisterAgentOfChange = {
  type: 'RegisterAgentOfChange';
  data: Facts<AgentOfChangeRegistered> & {
    /**
     * What the caller found about the beneficiary: whether protection registered them in a
     * country the caller reaches (false for an unknown id and an out-of-scope one alike), and
     * the agent of change they already are, if any. The domain decides what that allows.
     */
    beneficiary: { registered: boolean; agentOfChangeId: string | null };
  };
  metadata: CommandMetadata;
};

export type RegisterWomensGroup = {
  type: 'RegisterWomensGroup';
  data: Facts<WomensGroupRegistered>;
  metadata: CommandMetadata;
};

export type RegisterPartnerOrganisation = {
  type: 'RegisterPartnerOrganisation';
  data: Facts<PartnerOrganisationRegistered>;
  metadata: CommandMetadata;
};

export type NetworkMemberCommand =
  RegisterWatchdog | RegisterAgentOfChange | RegisterWomensGroup | RegisterPartnerOrganisation;

// ---- State: the registration, to recognise a retry. ---------------------------------------

export type NetworkMemberState =
  | { status: 'NONE' }
  | {
      status: 'REGISTERED';
      type: NetworkMemberEvent['type'];
      facts: Record<string, unknown>;
      /** Who registered it (absent for an event read without its metadata). */
      registrant?: Recorder;
    };

/** A registration as the store returns it: with the metadata it was recorded with. */
export type RecordedNetworkMemberEvent = WithRecorder<NetworkMemberEvent>;

export function initialNetworkMemberState(): NetworkMemberState {
  return { status: 'NONE' };
}

// ---- Rules. ------------------------------------------------------------------------------

const id = check.uuid;
const date = check.calendarDate;
const country = (value: unknown) => check.oneOf(COUNTRIES, value, 'country');
const province = (value: unknown) => check.optionalLine(value, 'province', MAX_PLACE_LENGTH);

/**
 * Where a watchdog lives: when not said, its network's country, or unknown (null) for a kind
 * that lives abroad. A kind that lives abroad cannot live in its network's country.
 */
function livesIn(value: unknown, kind: WatchdogKind, network: Country): CountryCode | null {
  const code = check.optionalOneOf(COUNTRY_CODES, value, 'livesIn');
  if (code === null) return defaultResidence(kind, network);
  if (WATCHDOG_KINDS_ABROAD.includes(kind) && code === network) {
    throw new InvalidRegistrationData(
      'livesIn',
      'must be a country other than the network’s for a watchdog abroad.',
    );
  }
  return code;
}

function trained(value: unknown): boolean {
  if (typeof value !== 'boolean')
    throw new InvalidRegistrationData('trained', 'must be true or false.');
  return value;
}

/** The event a first registration records, its facts checked and normalised. */
function registration(command: NetworkMemberCommand): NetworkMemberEvent {
  const registeredAt = check.instant(command.metadata.occurredAt, 'occurredAt');
  switch (command.type) {
    case 'RegisterWatchdog': {
      const { data } = command;
      const kind = check.oneOf(WATCHDOG_KINDS, data.kind, 'kind');
      const network = country(data.country);
      return {
        type: 'WatchdogRegistered',
        schemaVersion: 2,
        data: {
          watchdogId: id(data.watchdogId, 'watchdogId'),
          kind,
          country: network,
          province: province(data.province),
          livesIn: livesIn(data.livesIn, kind, network),
          joinedOn: date(data.joinedOn, 'joinedOn'),
          trained: trained(data.trained),
          registeredAt,
        },
      };
    }
    case 'RegisterAgentOfChange': {
      const { data } = command;
      const agentOfChangeId = id(data.agentOfChangeId, 'agentOfChangeId');
      const beneficiaryId = id(data.beneficiaryId, 'beneficiaryId');
      if (!data.beneficiary.registered) throw new UnknownBeneficiary();
      const already = data.beneficiary.agentOfChangeId;
      if (already !== null && already !== agentOfChangeId) throw new AlreadyAgentOfChange();
      return {
        type: 'AgentOfChangeRegistered',
        data: {
          agentOfChangeId,
          beneficiaryId,
          country: country(data.country),
          province: province(data.province),
          qualifiedOn: date(data.qualifiedOn, 'qualifiedOn'),
          registeredAt,
        },
      };
    }
    case 'RegisterWomensGroup': {
      const { data } = command;
      return {
        type: 'WomensGroupRegistered',
        data: {
          womensGroupId: id(data.womensGroupId, 'womensGroupId'),
          country: country(data.country),
          province: province(data.province),
          joinedOn: date(data.joinedOn, 'joinedOn'),
          memberCount:
            data.memberCount === null
              ? null
              : check.wholeNumber(data.memberCount, 'memberCount', { min: 1, max: 100_000 }),
          registeredAt,
        },
      };
    }
    case 'RegisterPartnerOrganisation': {
      const { data } = command;
      return {
        type: 'PartnerOrganisationRegistered',
        data: {
          partnerOrganisationId: id(data.partnerOrganisationId, 'partnerOrganisationId'),
          name: check.line(data.name, 'name', MAX_NAME_LENGTH),
          kind: check.oneOf(PARTNER_ORGANISATION_KINDS, data.kind, 'kind'),
          country: country(data.country),
          registeredAt,
        },
      };
    }
    default:
      return unreachable(command, 'command');
  }
}

/** The id of the member an event registers. */
export function memberIdOf(event: NetworkMemberEvent): string {
  switch (event.type) {
    case 'WatchdogRegistered':
      return event.data.watchdogId;
    case 'AgentOfChangeRegistered':
      return event.data.agentOfChangeId;
    case 'WomensGroupRegistered':
      return event.data.womensGroupId;
    case 'PartnerOrganisationRegistered':
      return event.data.partnerOrganisationId;
  }
}

function factsOf(event: NetworkMemberEvent): Record<string, unknown> {
  const { registeredAt: _registeredAt, ...facts } = event.data;
  return facts;
}

export function decideNetworkMember(
  command: NetworkMemberCommand,
  state: NetworkMemberState,
): NetworkMemberEvent[] {
  const registered = registration(command);
  if (state.status === 'REGISTERED') {
    // The same registration again by its registrant (a client retrying with its id) changes
    // nothing. Anyone else is told the id is taken whatever the facts they send, so that an id
    // is no oracle for another's member.
    if (
      sameRecorder(state.registrant, command.metadata) &&
      state.type === registered.type &&
      sameJson(state.facts, factsOf(registered))
    ) {
      return [];
    }
    throw new AlreadyRegistered();
  }
  return [registered];
}

export function evolveNetworkMember(
  _state: NetworkMemberState,
  event: RecordedNetworkMemberEvent,
): NetworkMemberState {
  const registrant = recorderOf(event);
  const state = { status: 'REGISTERED' as const, type: event.type, facts: factsOf(event) };
  return registrant ? { ...state, registrant } : state;
}

/** The decider of every network member's registration, for the command handlers. */
export const networkMemberDecider: Decider<
  NetworkMemberCommand,
  RecordedNetworkMemberEvent,
  NetworkMemberState
> = {
  decide: (command, state) =>
    refusingAs(InvalidRegistrationData, () => decideNetworkMember(command, state)),
  evolve: evolveNetworkMember,
  initialState: initialNetworkMemberState,
};
