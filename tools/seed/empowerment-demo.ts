/**
 * Empowerment's part of `npm run seed:demo`: for a share of the demo beneficiaries of TH, LA and
 * MM, their consent to services (a protection officer), an enrolment in a shelter, rehabilitation
 * and counselling, a move home to community follow-up, phone follow-ups (some not reached), a
 * small grant approved and disbursed, tuition fees and living allowances for those whose plan is
 * education, a safe accommodation for some, a job placement with a partner business (registered
 * in networks by a network coordinator) for others, and for some agent-of-change training (an
 * empowerment officer of the country). Fictional, through the public GraphQL API.
 *
 * Running it again adds nothing: every id derives from the seed's numbering, and a command sent
 * again with the same facts changes nothing; consent is recorded only when none is on record.
 */
import { v5 as uuidv5 } from 'uuid';
import type { Role } from '@haven/platform/security';
import { seedGraphql, seedTokens } from './seed-client';

const NAMESPACE = '0e9b7d3c-5a41-4f2e-8c6d-1b2a3f4e5d60';
const COUNTRIES = ['TH', 'LA', 'MM'] as const;
type Country = (typeof COUNTRIES)[number];
const CURRENCY: Record<Country, string> = { TH: 'THB', LA: 'LAK', MM: 'MMK' };
// A grant's size in each currency's minor units (about 150 USD).
const GRANT: Record<Country, number> = { TH: 500_000, LA: 300_000_000, MM: 30_000_000 };
export const SHELTERS: Record<Country, string> = {
  TH: 'Kredtrakarn Protection and Occupational Development Centre',
  LA: 'Vientiane Transit Centre',
  MM: 'Tachileik Women’s Shelter',
};
// Partner businesses that take placements (networks' partner organisations), and what they hire.
export const EMPLOYERS: Record<Country, { name: string; occupation: string }> = {
  TH: { name: 'Mae Sai Garment Cooperative', occupation: 'Sewing machine operator' },
  LA: { name: 'Bokeo Riverside Hotel', occupation: 'Housekeeping attendant' },
  MM: { name: 'Tachileik Community Bakery', occupation: 'Assistant baker' },
};
export const COLLEGES: Record<Country, string> = {
  TH: 'Chiang Rai Vocational College',
  LA: 'Bokeo Technical and Vocational School',
  MM: 'Tachileik Government Technical High School',
};
// A term's tuition and a month's allowance, in minor units (about 350 and 60 USD).
const TUITION: Record<Country, number> = { TH: 1_250_000, LA: 700_000_000, MM: 75_000_000 };
const ALLOWANCE: Record<Country, number> = { TH: 200_000, LA: 120_000_000, MM: 12_000_000 };
export const PROVINCES: Record<Country, string[]> = {
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
  const mint = seedTokens();
  const token = (role: Role, country: Country) =>
    mint(role, `seed-${role.split('_')[0]}-${country.toLowerCase()}`, country);
  const graphql = <Data>(who: Promise<string>, query: string, variables: object) =>
    seedGraphql<Data>(gateway, 'seed-demo', who, query, variables);

  const chosen = beneficiaries
    .filter((b): b is EmpowermentSeedBeneficiary & { country: Country } =>
      (COUNTRIES as readonly string[]).includes(b.country),
    )
    .filter((_, i) => i % 3 === 0);
  // Each country's partner business, registered once (a second run finds it registered).
  const employers = new Map<Country, string>();
  for (const country of COUNTRIES) {
    const employerId = uuidv5(`employer:${country}`, NAMESPACE);
    await graphql(
      token('network_coordinator', country),
      `
        mutation ($input: RegisterPartnerOrganisationInput!) {
          registerPartnerOrganisation(input: $input) {
            partnerOrganisationId
          }
        }
      `,
      { input: { id: employerId, name: EMPLOYERS[country].name, kind: 'BUSINESS', country } },
    ).catch((error: Error) => {
      if (!error.message.startsWith('CONFLICT')) throw error;
    });
    employers.set(country, employerId);
  }
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
    if (i % 3 === 2) {
      // A safe house for the weeks before she goes home (its place is sealed with her key).
      await record('recordEmpowermentService', {
        serviceId: id('safe-accommodation'),
        kind: 'SAFE_ACCOMMODATION',
        place: `Transit house ${1 + (i % 4)}, ${PROVINCES[country][i % 3]}`,
        period: { from: plusDays(start, 30), to: plusDays(start, 59) },
        providedOn: plusDays(start, 30),
      });
    }
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
    if (i % 2 === 1) {
      // Her plan is education: a term's tuition at a vocational college, and a month's allowance.
      const term = { from: plusDays(home, 50), to: plusDays(home, 170) };
      const support = (kind: string, amountMinor: number) =>
        record('recordEmpowermentService', {
          serviceId: id(kind.toLowerCase()),
          kind,
          institution: COLLEGES[country],
          period: kind === 'TUITION_FEES' ? term : { from: term.from, to: plusDays(term.from, 30) },
          amount: { amountMinor, currency: CURRENCY[country] },
          providedOn: plusDays(home, 48),
        });
      await support('TUITION_FEES', TUITION[country]);
      await support('LIVING_ALLOWANCE', ALLOWANCE[country]);
    } else if (i % 4 === 2) {
      // Placed with the country's partner business, which empowerment learns of on the log.
      for (let attempt = 0; ; attempt++) {
        try {
          await record('recordEmpowermentService', {
            serviceId: id('job-placement'),
            kind: 'JOB_PLACEMENT',
            partnerOrganisationId: employers.get(country),
            occupation: EMPLOYERS[country].occupation,
            outcome: 'COMPLETED',
            providedOn: plusDays(home, 55),
          });
          break;
        } catch (error) {
          if (attempt >= 50 || !(error as Error).message.startsWith('NOT_FOUND')) throw error;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    }
    if (i % 6 === 0)
      await record('completeAgentOfChangeTraining', { completedOn: plusDays(home, 100) });
    enrolled++;
  }
  return `${chosen.length} enrolments (${enrolled} back home with follow-ups)`;
}
