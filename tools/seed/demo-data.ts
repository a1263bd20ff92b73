// The demo's fictional data set, as plain values: the beneficiaries, the case notifications and
// the cases protection opens from them. \`npm run seed:demo\` (demo.ts) sends it to Haven.
import { v5 as uuidv5 } from 'uuid';
import { seededRandom } from '@haven/platform/testing';
import type { PlaceOfExploitation } from '@haven/vocabulary';
import { MEMBERS_PER_KIND } from './networks-members';

const NAMESPACE = '6f1c8a52-3c1e-4e7a-9a35-0c7c2b1d9e40';

type Country = 'TH' | 'LA' | 'MM' | 'VN' | 'OTHER';
type Sex = 'FEMALE' | 'MALE' | 'OTHER' | 'UNKNOWN';
export interface BeneficiarySeed {
  id: string;
  country: Country;
  sex: Sex;
  minor: boolean;
}

/**
 * Shaped like the alliance's published year: most people protected are Thai or Lao, a smaller
 * share from Shan State, a few Vietnamese; almost all women and girls, many of them minors.
 */
export function demoBeneficiaries(count = 240): BeneficiarySeed[] {
  const countries: Array<[Country, number]> = [
    ['TH', 0.46],
    ['LA', 0.34],
    ['MM', 0.16],
    ['VN', 0.03],
    ['OTHER', 0.01],
  ];
  const random = seededRandom(20201231);
  const pick = <T>(weights: Array<[T, number]>): T => {
    let r = random();
    for (const [value, weight] of weights) if ((r -= weight) < 0) return value;
    return weights[0][0];
  };
  return Array.from({ length: count }, (_, i) => ({
    id: uuidv5(`beneficiary-${i}`, NAMESPACE),
    country: pick(countries),
    sex: pick<Sex>([
      ['FEMALE', 0.94],
      ['MALE', 0.02],
      ['OTHER', 0.01],
      ['UNKNOWN', 0.03],
    ]),
    minor: random() < 0.38,
  }));
}

// ---- Case notifications and the cases protection opens from them. -----------------------------

export type CaseCountry = 'TH' | 'LA' | 'MM';
type FormOfExploitation =
  | 'SEX_TRAFFICKING'
  | 'ONLINE_SEXUAL_EXPLOITATION'
  | 'FORCED_MARRIAGE'
  | 'FORCED_SURROGACY'
  | 'SEXUAL_ABUSE'
  | 'OTHER';
export type Outcome = 'SUBMITTED' | 'VALIDATED' | 'REJECTED' | 'DUPLICATE' | 'REFERRED';
type RejectionReason =
  'NOT_A_CASE' | 'INSUFFICIENT_INFORMATION' | 'NOT_VERIFIABLE' | 'OUTSIDE_MANDATE';
type RepatriationStep =
  'FAMILY_TRACING' | 'DOCUMENTS' | 'ESCORTED_JOURNEY' | 'RECEPTION' | 'FOLLOW_UP';
/** How far protection has worked a case. */
type Stage =
  | 'NEW'
  | 'RESCUED'
  | 'SHELTERED'
  | 'RETURNING'
  | 'RETURNED'
  | 'SAFE_IN_COUNTRY'
  | 'NO_VICTIM_FOUND';

export interface VictimSeed {
  id: string;
  minor: boolean;
  /** Obviously fictional: the family name of every demo victim is "Fictional". */
  personal: { givenName: string; familyName: string; dateOfBirth: string; notes: string };
  identification: {
    outcome: 'OFFICIALLY_IDENTIFIED' | 'NOT_IDENTIFIED';
    date: string;
    authority: string;
  } | null;
  placement: { placementId: string; shelterName: string; from: string; to: string | null } | null;
  repatriation: Array<{ step: RepatriationStep; date: string }>;
}

export interface CaseSeed {
  stage: Stage;
  victims: VictimSeed[];
  rescue: { operationId: string; date: string; place: string; partnerAgencies: string[] } | null;
  guardianContact: { kind: 'GUARDIAN' | 'SHELTER'; details: string } | null;
  closure: 'VICTIMS_RETURNED' | 'VICTIMS_SAFE_IN_COUNTRY' | 'NO_VICTIM_FOUND' | null;
}

export interface NotificationSeed {
  /** Which of its country's members of the reporter's kind submits it (1 to 3). */
  submitter: number;
  input: {
    id: string;
    reportedBy: 'WATCHDOG' | 'WOMENS_GROUP' | 'AGENT_OF_CHANGE';
    formOfExploitation: FormOfExploitation;
    placeOfExploitation: PlaceOfExploitation;
    country: CaseCountry;
    province: string;
    possibleVictims: number;
    minors: number;
  };
  outcome: Outcome;
  rejectionReason: RejectionReason | null;
  duplicateOf: string | null;
  /** What protection does with the case the referral opens (REFERRED only). */
  protectionCase: CaseSeed | null;
}

/** Border and transit towns where the alliance's cases arise, by province. */
const PLACES: Record<CaseCountry, Array<{ province: string; town: string }>> = {
  TH: [
    { province: 'Chiang Rai', town: 'Mae Sai' },
    { province: 'Tak', town: 'Mae Sot' },
    { province: 'Chiang Mai', town: 'Fang' },
    { province: 'Bangkok', town: 'Bangkok' },
    { province: 'Nong Khai', town: 'Nong Khai' },
    { province: 'Songkhla', town: 'Hat Yai' },
  ],
  LA: [
    { province: 'Bokeo', town: 'Ton Pheung' },
    { province: 'Vientiane Capital', town: 'Vientiane' },
    { province: 'Savannakhet', town: 'Kaysone Phomvihane' },
    { province: 'Champasak', town: 'Pakse' },
    { province: 'Luang Namtha', town: 'Boten' },
  ],
  MM: [
    { province: 'Shan State', town: 'Tachileik' },
    { province: 'Kayin State', town: 'Myawaddy' },
    { province: 'Mon State', town: 'Mawlamyine' },
    { province: 'Yangon Region', town: 'Yangon' },
    { province: 'Tanintharyi Region', town: 'Kawthaung' },
  ],
};
const AGENCIES: Record<CaseCountry, string[]> = {
  TH: ['Provincial police', 'Provincial social development office', 'Immigration police'],
  LA: ['Provincial police', "Provincial Lao Women's Union", 'Border police'],
  MM: ['Anti-trafficking police task force', 'Township social welfare office', 'Border police'],
};
const AUTHORITIES: Record<CaseCountry, string> = {
  TH: 'Provincial multidisciplinary team',
  LA: 'Provincial anti-trafficking committee',
  MM: 'Anti-trafficking police task force',
};
/** Invented shelter names. */
const SHELTERS: Record<CaseCountry, string[]> = {
  TH: ['Lotus House, Chiang Rai', 'Frangipani House, Bangkok'],
  LA: ['Jasmine House, Vientiane', 'Champa House, Pakse'],
  MM: ['Orchid House, Tachileik', 'Padauk House, Yangon'],
};
const GIVEN_NAMES: Record<CaseCountry, string[]> = {
  TH: ['Mali', 'Dao', 'Ploy', 'Nok', 'Lamai', 'Pim'],
  LA: ['Noy', 'Kham', 'Vanh', 'Bua', 'Phet', 'Souk'],
  MM: ['Aye', 'Hla', 'Mya', 'Su', 'Nang', 'Thiri'],
};
const REPATRIATION: readonly RepatriationStep[] = [
  'FAMILY_TRACING',
  'DOCUMENTS',
  'ESCORTED_JOURNEY',
  'RECEPTION',
  'FOLLOW_UP',
];

/** A calendar day `days` after `date` (YYYY-MM-DD). */
/** Where a form of exploitation happens, in the alliance's reports, most often first. */
const PLACES_BY_FORM: Record<FormOfExploitation, PlaceOfExploitation[]> = {
  SEX_TRAFFICKING: ['HIDDEN_BROTHEL', 'ENTERTAINMENT_VENUE', 'HIDDEN_BROTHEL', 'MASSAGE_PARLOUR'],
  ONLINE_SEXUAL_EXPLOITATION: ['ONLINE'],
  FORCED_MARRIAGE: ['FOREIGN_HUSBANDS_HOUSE'],
  SEXUAL_ABUSE: ['PRIVATE_HOUSE', 'OTHER'],
  FORCED_SURROGACY: ['PRIVATE_HOUSE'],
  OTHER: ['OTHER', 'ENTERTAINMENT_VENUE'],
};

function placeOf(form: FormOfExploitation, i: number): PlaceOfExploitation {
  const places = PLACES_BY_FORM[form];
  return places[i % places.length];
}

function plusDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * Case notifications over about sixteen months of 2025–2026, most in Thailand, then Laos and
 * Myanmar: three in four validated and referred, the others rejected, duplicates of an earlier
 * one, or still waiting. Protection has worked the older cases further: most of them are closed,
 * the victims returned home or safe in the country; the recent ones are still in the shelter, or
 * just rescued. Dates are fixed (all in the past), so that a second run sends the same facts.
 */
export function demoCaseNotifications(count = 40): NotificationSeed[] {
  const random = seededRandom(20250106);
  const pick = <T>(weights: Array<[T, number]>): T => {
    let r = random();
    for (const [value, weight] of weights) if ((r -= weight) < 0) return value;
    return weights[0][0];
  };
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const oneOf = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];

  const shares: Array<[Outcome, number]> = [
    ['REJECTED', 0.1],
    ['DUPLICATE', 0.08],
    ['VALIDATED', 0.05],
    ['SUBMITTED', 0.03],
  ];
  const outcomes: Outcome[] = shares.flatMap(([outcome, share]) =>
    Array.from({ length: Math.round(count * share) }, () => outcome),
  );
  while (outcomes.length < count) outcomes.push('REFERRED');
  outcomes.length = count;
  for (let i = outcomes.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [outcomes[i], outcomes[j]] = [outcomes[j], outcomes[i]];
  }
  // A duplicate needs an earlier notification to be the duplicate of.
  if (outcomes[0] === 'DUPLICATE') {
    const swap = outcomes.indexOf('REFERRED');
    [outcomes[0], outcomes[swap]] = [outcomes[swap], outcomes[0]];
  }

  const seeds: NotificationSeed[] = [];
  outcomes.forEach((outcome, i) => {
    const id = uuidv5(`case-notification-${i}`, NAMESPACE);
    const reportedBy = pick<NotificationSeed['input']['reportedBy']>([
      ['WATCHDOG', 0.7],
      ['WOMENS_GROUP', 0.15],
      ['AGENT_OF_CHANGE', 0.15],
    ]);
    let facts: Omit<NotificationSeed['input'], 'id' | 'reportedBy'>;
    let duplicateOf: string | null = null;
    if (outcome === 'DUPLICATE') {
      // Someone else reported the same case: the same facts as an earlier notification.
      const original = oneOf(seeds.filter((seed) => seed.outcome !== 'DUPLICATE'));
      const { id: originalId, reportedBy: _reportedBy, ...originalFacts } = original.input;
      facts = originalFacts;
      duplicateOf = originalId;
    } else {
      const country = pick<CaseCountry>([
        ['TH', 0.45],
        ['LA', 0.3],
        ['MM', 0.25],
      ]);
      const possibleVictims = pick([
        [1, 0.5],
        [2, 0.3],
        [3, 0.2],
      ]);
      const formOfExploitation = pick<FormOfExploitation>([
        ['SEX_TRAFFICKING', 0.45],
        ['ONLINE_SEXUAL_EXPLOITATION', 0.2],
        ['FORCED_MARRIAGE', 0.15],
        ['SEXUAL_ABUSE', 0.1],
        ['FORCED_SURROGACY', 0.05],
        ['OTHER', 0.05],
      ]);
      facts = {
        formOfExploitation,
        // Taken from the form and the index, not the random sequence, so that the rest of the
        // demo is what it was before places were recorded.
        placeOfExploitation: placeOf(formOfExploitation, i),
        country,
        province: oneOf(PLACES[country]).province,
        possibleVictims,
        minors: between(0, possibleVictims),
      };
    }
    const reported = plusDays('2025-01-06', Math.round((i * 470) / count));
    seeds.push({
      submitter: 1 + (i % MEMBERS_PER_KIND),
      input: { id, reportedBy, ...facts },
      outcome,
      rejectionReason:
        outcome === 'REJECTED'
          ? oneOf<RejectionReason>([
              'NOT_A_CASE',
              'INSUFFICIENT_INFORMATION',
              'NOT_VERIFIABLE',
              'OUTSIDE_MANDATE',
            ])
          : null,
      duplicateOf,
      protectionCase:
        outcome === 'REFERRED'
          ? demoCase(`case-notification-${i}`, facts, reported, i / count)
          : null,
    });
  });
  return seeds;

  function demoCase(
    name: string,
    facts: Omit<NotificationSeed['input'], 'id' | 'reportedBy'>,
    reported: string,
    age: number,
  ): CaseSeed {
    const country = facts.country;
    const stage: Stage =
      random() < 0.08
        ? 'NO_VICTIM_FOUND'
        : age > 0.85
          ? pick<Stage>([
              ['NEW', 0.3],
              ['RESCUED', 0.35],
              ['SHELTERED', 0.35],
            ])
          : age > 0.6
            ? pick<Stage>([
                ['SHELTERED', 0.3],
                ['RETURNING', 0.4],
                ['RETURNED', 0.3],
              ])
            : pick<Stage>([
                ['RETURNED', 0.55],
                ['SAFE_IN_COUNTRY', 0.25],
                ['RETURNING', 0.2],
              ]);
    const rescued = plusDays(reported, between(2, 6));
    const town =
      PLACES[country].find((place) => place.province === facts.province)?.town ?? facts.province;
    const rescue =
      stage === 'NEW'
        ? null
        : {
            operationId: uuidv5(`${name}-rescue`, NAMESPACE),
            date: rescued,
            place: town,
            partnerAgencies: AGENCIES[country].slice(0, between(1, 3)),
          };
    const worked = !['NEW', 'RESCUED', 'NO_VICTIM_FOUND'].includes(stage);
    const names = GIVEN_NAMES[country];
    const firstName = Math.floor(random() * names.length);
    const victims: VictimSeed[] =
      stage === 'NEW' || stage === 'NO_VICTIM_FOUND'
        ? []
        : Array.from({ length: facts.possibleVictims }, (_, v) => {
            const minor = v < facts.minors;
            const identified = plusDays(rescued, between(1, 3));
            const sheltered = plusDays(rescued, 1);
            const tracing = plusDays(sheltered, between(10, 20));
            const documents = plusDays(tracing, between(15, 30));
            const journey = plusDays(documents, between(5, 15));
            const followUp = plusDays(journey, between(30, 60));
            const dates = [tracing, documents, journey, journey, followUp];
            const steps = stage === 'RETURNED' ? 5 : stage === 'RETURNING' ? oneOf([2, 2, 4]) : 0;
            const repatriation = REPATRIATION.slice(0, steps).map((step, k) => ({
              step,
              date: dates[k],
            }));
            const left =
              steps > 2
                ? journey
                : stage === 'SAFE_IN_COUNTRY'
                  ? plusDays(sheltered, between(30, 90))
                  : null;
            return {
              id: uuidv5(`${name}-victim-${v}`, NAMESPACE),
              minor,
              personal: {
                // Sisters or friends rescued together: never two of the same name.
                givenName: names[(firstName + v) % names.length],
                familyName: 'Fictional',
                dateOfBirth: `${minor ? between(2009, 2012) : between(1994, 2005)}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`,
                notes: 'A fictional person of the demo data set.',
              },
              identification: worked
                ? {
                    outcome: random() < 0.85 ? 'OFFICIALLY_IDENTIFIED' : 'NOT_IDENTIFIED',
                    date: identified,
                    authority: AUTHORITIES[country],
                  }
                : null,
              placement: worked
                ? {
                    placementId: uuidv5(`${name}-victim-${v}-placement`, NAMESPACE),
                    shelterName: oneOf(SHELTERS[country]),
                    from: sheltered,
                    to: left,
                  }
                : null,
              repatriation,
            };
          });
    // Whoever answers for minors must be on the case before a return or a closure.
    const shelter = victims.find((victim) => victim.placement)?.placement?.shelterName;
    const guardianContact = victims.some((victim) => victim.minor)
      ? shelter && random() < 0.6
        ? {
            kind: 'SHELTER' as const,
            details: `Duty phone of ${shelter} (fictional): +00 000 0000`,
          }
        : {
            kind: 'GUARDIAN' as const,
            details: 'An aunt (fictional), reached through the village head: +00 000 0000',
          }
      : null;
    const closure =
      stage === 'RETURNED'
        ? 'VICTIMS_RETURNED'
        : stage === 'SAFE_IN_COUNTRY'
          ? 'VICTIMS_SAFE_IN_COUNTRY'
          : stage === 'NO_VICTIM_FOUND'
            ? 'NO_VICTIM_FOUND'
            : null;
    return { stage, victims, rescue, guardianContact, closure };
  }
}
