// The networks members who submit the demo's case notifications. A member's token is bound to its
// record (its subject is the member's id), so each is registered first, under an id derived from
// its kind, country and number: running the seed again registers nothing new.
import { v5 as uuidv5 } from 'uuid';

const NAMESPACE = '9d2e4b6a-1f3c-4a5e-8b7d-2c4e6f8a0b13';

export type MemberKind = 'WATCHDOG' | 'WOMENS_GROUP' | 'AGENT_OF_CHANGE';
export type MemberCountry = 'TH' | 'LA' | 'MM';

/** The role of a member's token, by the kind of member. */
export const MEMBER_ROLE = {
  WATCHDOG: 'watchdog',
  WOMENS_GROUP: 'womens_group',
  AGENT_OF_CHANGE: 'agent_of_change',
} as const;

/** How many members of each kind each country has in the demo. */
export const MEMBERS_PER_KIND = 3;

export function memberId(kind: MemberKind, country: MemberCountry, n: number): string {
  return uuidv5(`${kind}-${country}-${n}`, NAMESPACE);
}

type Graphql = (token: Promise<string>, query: string, variables: object) => Promise<unknown>;

const PROVINCE: Record<MemberCountry, string> = { TH: 'Chiang Rai', LA: 'Bokeo', MM: 'Shan' };

/**
 * Registers the demo's watchdogs, women's groups and agents of change, each by its country's
 * coordinator. An agent of change is a beneficiary who completed the programme: the demo takes
 * beneficiaries the empowerment seed does not enrol (it trains its own agents of change).
 */
export async function registerDemoMembers(
  graphql: Graphql,
  coordinator: (country: MemberCountry) => Promise<string>,
  agentsOfChange: Record<MemberCountry, string[]>,
): Promise<number> {
  let registered = 0;
  for (const country of ['TH', 'LA', 'MM'] as const) {
    for (let n = 1; n <= MEMBERS_PER_KIND; n++) {
      const place = { country, province: PROVINCE[country] };
      await graphql(
        coordinator(country),
        'mutation ($input: RegisterWatchdogInput!) { registerWatchdog(input: $input) { watchdogId } }',
        {
          input: {
            id: memberId('WATCHDOG', country, n),
            kind: n === 1 ? 'COMMUNITY_GROUP' : 'INDIVIDUAL',
            ...place,
            joinedOn: '2019-06-01',
            trained: true,
          },
        },
      );
      await graphql(
        coordinator(country),
        'mutation ($input: RegisterWomensGroupInput!) { registerWomensGroup(input: $input) { womensGroupId } }',
        {
          input: {
            id: memberId('WOMENS_GROUP', country, n),
            ...place,
            joinedOn: '2020-02-01',
            memberCount: 8 + n * 4,
          },
        },
      );
      const beneficiaryId = agentsOfChange[country][n - 1];
      if (beneficiaryId) {
        await graphql(
          coordinator(country),
          'mutation ($input: RegisterAgentOfChangeInput!) { registerAgentOfChange(input: $input) { agentOfChangeId } }',
          {
            input: {
              id: memberId('AGENT_OF_CHANGE', country, n),
              beneficiaryId,
              ...place,
              qualifiedOn: '2024-06-30',
            },
          },
        );
      }
      registered += beneficiaryId ? 3 : 2;
    }
  }
  // Thailand's network reaches its nationals abroad: a volunteer in Belgium, and Myanmar's a
  // community across the border in Yunnan.
  for (const [country, kind, province, livesIn] of [
    ['TH', 'VOLUNTEER_ABROAD', null, 'BE'],
    ['MM', 'COMMUNITY_GROUP', 'Yunnan', 'CN'],
  ] as const) {
    await graphql(
      coordinator(country),
      'mutation ($input: RegisterWatchdogInput!) { registerWatchdog(input: $input) { watchdogId } }',
      {
        input: {
          id: memberId('WATCHDOG', country, MEMBERS_PER_KIND + 1),
          kind,
          country,
          province,
          livesIn,
          joinedOn: '2020-10-01',
          trained: true,
        },
      },
    );
    registered += 1;
  }
  return registered;
}
