/**
 * Empowerment's part of `npm run seed:demo`: for a share of the demo beneficiaries of TH, LA and
 * MM, their consent to services (a protection officer), an enrolment in a shelter, rehabilitation
 * and counselling, a move home to community follow-up, phone follow-ups (some not reached), a
 * small grant approved and disbursed, and for some agent-of-change training (an empowerment
 * officer of the country). Fictional, through the public GraphQL API.
 *
 * Running it again adds nothing: every id derives from the seed's numbering, and a command sent
 * again with the same facts changes nothing; consent is recorded only when none is on record.
 */
import { v5 as uuidv5 } from 'uuid';
import { DEFAULT_KEYS_DIR, ensureDevKeys, mintDevToken, type Role } from '@haven/platform/security';

const NAMESPACE = '0e9b7d3c-5a41-4f2e-8c6d-1b2a3f4e5d60';
const COUNTRIES = ['TH', 'LA', 'MM'] as const;
type Country = (typeof COUNTRIES)[number];
const CURRENCY: Record<Country, string> = { TH: 'THB', LA: 'LAK', MM: 'MMK' };
// A grant's size in each currency's minor units (about 150 USD).
const GRANT: Record<Country, number> = { TH: 500_000, LA: 300_000_000, MM: 30_000_000 };
const SHELTERS: Record<Country, string> = {
  TH: 'Kredtrakarn Protection and Occupational Development Centre',
  LA: 'Vientiane Transit Centre',
  MM: 'Tachileik Women’s Shelter',
};
const PROVINCES: Record<Country, string[]> = {
  TH: ['Chiang Rai', 'Chiang Mai', 'Phayao'],
  LA: ['Bokeo', 'Luang Namtha', 'Savannakhet'],
  MM: ['Shan', 'Kayin', 'Mon'],
};

export interface EmpowermentSeedBeneficiary {
  id: string;
  country: string;
  minor: boolean;
}

const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedEmpowermentDemo(
  gateway: string,
  beneficiaries: readonly EmpowermentSeedBeneficiary[],
): Promise<string> {
  const tokens = new Map<string, Promise<string>>();
  const token = (role: Role, country: Country) => {
    if (process.env.HAVEN_TOKEN) return Promise.resolve(process.env.HAVEN_TOKEN);
    const key = `${role}/${country}`;
    let minted = tokens.get(key);
    if (!minted) {
      minted = mintDevToken(ensureDevKeys(process.env.HAVEN_KEYS_DIR || DEFAULT_KEYS_DIR), {
        role,
        subject: `seed-${role.split('_')[0]}-${country.toLowerCase()}`,
        countries: [country],
        ttlSeconds: 3600,
      });
      tokens.set(key, minted);
    }
    return minted;
  };
  async function graphql<Data>(
    who: Promise<string>,
    query: string,
    variables: object,
  ): Promise<Data> {
    const response = await fetch(gateway, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-correlation-id': 'seed-demo',
        authorization: `Bearer ${await who}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: Data;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
    if (body.errors?.length) {
      const [first] = body.errors;
      throw new Error(`${first.extensions?.code ?? 'ERROR'}: ${first.message}`);
    }
    return body.data as Data;
  }

  const chosen = beneficiaries
    .filter((b): b is EmpowermentSeedBeneficiary & { country: Country } =>
      (COUNTRIES as readonly string[]).includes(b.country),
    )
    .filter((_, i) => i % 3 === 0);
  let enrolled = 0;
  for (const [i, person] of chosen.entries()) {
    const { country } = person;
    const officer = token('empowerment_officer', country);
    const id = (what: string) => uuidv5(`${person.id}:${what}`, NAMESPACE);
    const { beneficiary } = await graphql<{
      beneficiary: { consents: Array<{ kind: string; given: boolean }> } | null;
    }>(
      token('protection_officer', country),
      `
        query ($id: ID!) {
          beneficiary(id: $id) {
            consents {
              kind
              given
            }
          }
        }
      `,
      {
        id: person.id,
      },
    );
    if (!beneficiary) continue;
    if (!beneficiary.consents.some((consent) => consent.kind === 'SERVICES')) {
      await graphql(
        token('protection_officer', country),
        `
          mutation ($input: RecordConsentInput!) {
            recordConsent(input: $input) {
              streamVersion
            }
          }
        `,
        {
          input: {
            beneficiaryId: person.id,
            kind: 'SERVICES',
            given: true,
            recordedOn: '2026-01-05',
          },
        },
      );
    }
    const enrolmentId = id('enrolment');
    const start = plusDays('2026-01-10', i % 60);
    const enrol = {
      enrolmentId,
      beneficiaryId: person.id,
      setting: { kind: 'SHELTER', shelterName: SHELTERS[country], governmentRun: i % 2 === 0 },
      enrolledOn: start,
    };
    // Empowerment reads the consent on the log a moment after protection records it.
    for (let attempt = 0; ; attempt++) {
      try {
        await graphql(
          officer,
          `
            mutation ($input: EnrolBeneficiaryInput!) {
              enrolBeneficiary(input: $input) {
                id
              }
            }
          `,
          { input: enrol },
        );
        break;
      } catch (error) {
        if (attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    const record = (mutation: string, input: object) =>
      graphql(
        officer,
        `mutation ($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id } }`,
        { input: { enrolmentId, ...input } },
      );
    await record('agreeReintegrationPlan', {
      goals: i % 2 ? ['EDUCATION', 'FAMILY_REUNIFICATION'] : ['EMPLOYMENT', 'OWN_BUSINESS'],
      followUpRhythm: 'MONTHLY',
      reviewDates: [plusDays(start, 90), plusDays(start, 180)],
      agreedOn: plusDays(start, 2),
    });
    const activities = [
      'RECREATIONAL',
      'ART_THERAPY',
      'SELF_REFLECTION_WRITING',
      'FUTURE_PLANNING',
    ];
    await record('recordEmpowermentService', {
      serviceId: id('rehabilitation'),
      kind: 'REHABILITATION',
      mode: 'GROUP',
      activity: activities[i % activities.length],
      outcome: 'COMPLETED',
      providedOn: plusDays(start, 3),
    });
    await record('recordEmpowermentService', {
      serviceId: id('counselling'),
      kind: 'COUNSELLING',
      mode: 'INDIVIDUAL',
      providedOn: plusDays(start, 5),
    });
    if (i % 4 === 3) continue; // still in the shelter
    const home = plusDays(start, 60);
    await record('changeEnrolmentSetting', {
      setting: { kind: 'COMMUNITY', province: PROVINCES[country][i % 3] },
      changedOn: home,
    }).catch((error: Error) => {
      // Seeded before: she is home already (a move carries no id to retry it by).
      if (!error.message.startsWith('CONFLICT: The enrolment is already in this setting')) {
        throw error;
      }
    });
    for (let n = 1; n <= 3; n++) {
      await record('recordFollowUp', {
        followUpId: id(`follow-up-${n}`),
        channel: n === 2 ? 'ONLINE' : 'PHONE',
        // Some are hard to reach: the work list's not-reached list has them.
        reached: i % 5 === 0 ? false : n !== 2,
        followedUpOn: plusDays(home, 30 * n),
        nextFollowUpOn: plusDays(home, 30 * (n + 1)),
      });
    }
    if (i % 2 === 0) {
      const grantId = id('grant');
      const amount = { amountMinor: GRANT[country], currency: CURRENCY[country] };
      await record('approveSmallGrant', {
        grantId,
        purpose: i % 4 === 0 ? 'SMALL_BUSINESS' : 'LIVESTOCK',
        amount,
        approvedOn: plusDays(home, 40),
      });
      await record('disburseSmallGrant', { grantId, amount, disbursedOn: plusDays(home, 45) });
    }
    if (i % 6 === 0)
      await record('completeAgentOfChangeTraining', { completedOn: plusDays(home, 100) });
    enrolled++;
  }
  return `${chosen.length} enrolments (${enrolled} back home with follow-ups)`;
}
