import { deciderSpecification } from '@haven/platform/decider-testing';
import {
  AlreadyAgentOfChange,
  AlreadyRegistered,
  InvalidRegistrationData,
  UnknownBeneficiary,
} from '../errors';
import {
  networkMemberDecider,
  type NetworkMemberEvent,
  type RecordedNetworkMemberEvent,
  type RegisterAgentOfChange,
  type RegisterPartnerOrganisation,
  type RegisterWatchdog,
  type RegisterWomensGroup,
} from './network-members';

const spec = deciderSpecification(networkMemberDecider);
const id = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c21';
const beneficiaryId = '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c55';
const metadata = {
  actorId: 'coordinator-3',
  role: 'network_coordinator',
  organisationId: null,
  correlationId: 'correlation-1',
  causationId: null,
  occurredAt: '2026-11-20T08:30:00.000Z',
};
const registeredAt = '2026-11-20T08:30:00.000Z';

function watchdog(data: Partial<RegisterWatchdog['data']> = {}): RegisterWatchdog {
  return {
    type: 'RegisterWatchdog',
    data: {
      watchdogId: id,
      kind: 'COMMUNITY_GROUP',
      country: 'TH',
      province: 'Udon Thani',
      joinedOn: '2020-09-14',
      trained: true,
      ...data,
    },
    metadata,
  };
}
const watchdogRegistered: NetworkMemberEvent = {
  type: 'WatchdogRegistered',
  schemaVersion: 2,
  data: {
    watchdogId: id,
    kind: 'COMMUNITY_GROUP',
    country: 'TH',
    province: 'Udon Thani',
    livesIn: 'TH',
    joinedOn: '2020-09-14',
    trained: true,
    registeredAt,
  },
};

function agentOfChange(data: Partial<RegisterAgentOfChange['data']> = {}): RegisterAgentOfChange {
  return {
    type: 'RegisterAgentOfChange',
    data: {
      agentOfChangeId: id,
      beneficiaryId,
      country: 'LA',
      province: null,
      qualifiedOn: '2020-03-01',
      beneficiary: { registered: true, agentOfChangeId: null },
      ...data,
    },
    metadata,
  };
}

const womensGroup = (data: Partial<RegisterWomensGroup['data']> = {}): RegisterWomensGroup => ({
  type: 'RegisterWomensGroup',
  data: {
    womensGroupId: id,
    country: 'LA',
    province: 'Bokeo',
    joinedOn: '2019-05-20',
    memberCount: 12,
    ...data,
  },
  metadata,
});

const partner = (
  data: Partial<RegisterPartnerOrganisation['data']> = {},
): RegisterPartnerOrganisation => ({
  type: 'RegisterPartnerOrganisation',
  data: {
    partnerOrganisationId: id,
    name: '  Friends of Women ',
    kind: 'NGO',
    country: 'TH',
    ...data,
  },
  metadata,
});

describe('Network member decider: watchdogs', () => {
  it('given no events, when a watchdog is registered, then it is registered with its kind, place, dates and training', () => {
    spec.given([]).when(watchdog()).then([watchdogRegistered]);
  });

  it('given a registered watchdog, when the same registration arrives again (a retry), then nothing happens', () => {
    spec.given([watchdogRegistered]).when(watchdog()).then([]);
    spec
      .given([watchdogRegistered])
      .when(watchdog({ livesIn: 'TH' }))
      .then([]);
  });

  it('given no events, when a community across the border or a volunteer abroad is registered with where it lives, then it lives there', () => {
    spec
      .given([])
      .when(watchdog({ country: 'MM', province: 'Yunnan', livesIn: 'CN' }))
      .then([
        {
          ...watchdogRegistered,
          data: { ...watchdogRegistered.data, country: 'MM', province: 'Yunnan', livesIn: 'CN' },
        },
      ]);
    spec
      .given([])
      .when(watchdog({ kind: 'VOLUNTEER_ABROAD', province: null }))
      .then([
        {
          ...watchdogRegistered,
          data: {
            ...watchdogRegistered.data,
            kind: 'VOLUNTEER_ABROAD',
            province: null,
            livesIn: null,
          },
        },
      ]);
  });

  it('given no events, when a watchdog abroad is said to live in its network’s country, or anywhere not an ISO code, then it is refused', () => {
    for (const data of [
      { kind: 'ORGANISATION_ABROAD' as const, livesIn: 'TH' as const },
      { livesIn: 'Atlantis' as 'TH' },
    ]) {
      spec
        .given([])
        .when(watchdog(data))
        .thenThrows(InvalidRegistrationData, (error) =>
          expect((error as InvalidRegistrationData).message).toMatch(/livesIn/),
        );
    }
  });

  it('given a registered watchdog, when its id is registered with other facts, or as another kind of member, then it fails as already registered', () => {
    spec
      .given([watchdogRegistered])
      .when(watchdog({ trained: false }))
      .thenThrows(AlreadyRegistered, (error) =>
        expect((error as AlreadyRegistered).code).toBe('ALREADY_REGISTERED'),
      );
    spec
      .given([watchdogRegistered])
      .when(womensGroup({ country: 'TH', province: 'Udon Thani' }))
      .thenThrows(AlreadyRegistered);
  });

  describe('given a watchdog recorded with its registrant', () => {
    const recorded = {
      ...watchdogRegistered,
      metadata: { actorId: 'coordinator-3', organisationId: null },
    } as RecordedNetworkMemberEvent;
    const by = (actorId: string, organisationId: string | null): RegisterWatchdog => ({
      ...watchdog(),
      metadata: { ...metadata, actorId, organisationId },
    });

    it('when its registrant sends the same registration again, then nothing happens', () => {
      spec.given([recorded]).when(by('coordinator-3', null)).then([]);
    });

    it.each([
      ['another registrar', 'coordinator-4', null],
      ['the same registrar for another organisation', 'coordinator-3', 'ngo-b'],
    ])(
      'when %s sends the same facts, then it fails as already registered, as with other facts',
      (_case, actorId, organisationId) => {
        spec.given([recorded]).when(by(actorId, organisationId)).thenThrows(AlreadyRegistered);
        spec
          .given([recorded])
          .when({ ...by(actorId, organisationId), data: { ...watchdog().data, trained: false } })
          .thenThrows(AlreadyRegistered);
      },
    );
  });

  it.each([
    ['watchdogId', { watchdogId: 'W-1' }],
    ['kind', { kind: 'POLICE' as never }],
    ['country', { country: 'CN' as never }],
    ['province', { province: 'x'.repeat(101) }],
    ['joinedOn', { joinedOn: '2020-02-30' }],
    ['joinedOn', { joinedOn: '14/09/2020' }],
    ['trained', { trained: 'yes' as never }],
  ])('given no events, when %s is invalid, then it fails naming that field', (field, data) => {
    spec
      .given([])
      .when(watchdog(data))
      .thenThrows(InvalidRegistrationData, (error) => {
        expect((error as InvalidRegistrationData).field).toBe(field);
        expect((error as InvalidRegistrationData).code).toBe('INVALID_REGISTRATION_DATA');
      });
  });
});

describe('Network member decider: agents of change', () => {
  const registered: NetworkMemberEvent = {
    type: 'AgentOfChangeRegistered',
    data: {
      agentOfChangeId: id,
      beneficiaryId,
      country: 'LA',
      province: null,
      qualifiedOn: '2020-03-01',
      registeredAt,
    },
  };

  it('given no events, when a registered beneficiary becomes an agent of change, then only its beneficiary id is kept', () => {
    spec.given([]).when(agentOfChange()).then([registered]);
  });

  it('given no events, when the beneficiary is not registered in protection, then it fails naming beneficiaryId', () => {
    spec
      .given([])
      .when(agentOfChange({ beneficiary: { registered: false, agentOfChangeId: null } }))
      .thenThrows(UnknownBeneficiary, (error) => {
        expect((error as UnknownBeneficiary).field).toBe('beneficiaryId');
        expect((error as UnknownBeneficiary).code).toBe('UNKNOWN_BENEFICIARY');
      });
  });

  it('given no events, when the beneficiary already is another agent of change, then it fails', () => {
    spec
      .given([])
      .when(
        agentOfChange({
          beneficiary: {
            registered: true,
            agentOfChangeId: '0193a5c2-7f1e-7d3a-9b4c-2e8f6a1d0c99',
          },
        }),
      )
      .thenThrows(AlreadyAgentOfChange, (error) =>
        expect((error as AlreadyAgentOfChange).code).toBe('ALREADY_AGENT_OF_CHANGE'),
      );
  });

  it('given a registered agent of change, when the same registration is retried (the beneficiary now points at it), then nothing happens', () => {
    spec
      .given([registered])
      .when(agentOfChange({ beneficiary: { registered: true, agentOfChangeId: id } }))
      .then([]);
  });
});

describe("Network member decider: women's groups and partner organisations", () => {
  it("given no events, when a women's group is registered, then it is registered with its member count", () => {
    spec
      .given([])
      .when(womensGroup())
      .then([
        {
          type: 'WomensGroupRegistered',
          data: {
            womensGroupId: id,
            country: 'LA',
            province: 'Bokeo',
            joinedOn: '2019-05-20',
            memberCount: 12,
            registeredAt,
          },
        },
      ]);
  });

  it("given no events, when a women's group counts no member, then it fails naming memberCount", () => {
    spec
      .given([])
      .when(womensGroup({ memberCount: 0 }))
      .thenThrows(InvalidRegistrationData, (error) =>
        expect((error as InvalidRegistrationData).field).toBe('memberCount'),
      );
  });

  it('given no events, when a partner organisation is registered, then its name is kept trimmed', () => {
    spec
      .given([])
      .when(partner())
      .then([
        {
          type: 'PartnerOrganisationRegistered',
          data: {
            partnerOrganisationId: id,
            name: 'Friends of Women',
            kind: 'NGO',
            country: 'TH',
            registeredAt,
          },
        },
      ]);
  });

  it.each([
    ['name', { name: '   ' }],
    ['name', { name: 'x'.repeat(201) }],
    ['kind', { kind: 'CHURCH' as never }],
  ])(
    'given no events, when a partner organisation %s is invalid, then it fails naming it',
    (field, data) => {
      spec
        .given([])
        .when(partner(data))
        .thenThrows(InvalidRegistrationData, (error) =>
          expect((error as InvalidRegistrationData).field).toBe(field),
        );
    },
  );
});
