/**
 * `npm run seed:demo`: loads a fictional demo data set into a running Haven through the public
 * GraphQL API (never by writing tables), with progress bars: beneficiaries; case notifications in
 * Thailand, Laos and Myanmar, validated and referred, rejected, marked duplicates or waiting; and
 * the cases protection opens from the referrals, worked as an officer would: victims (fictional
 * people), rescues, identifications, shelter placements, returns home and closures.
 *
 * Each step is taken with a token of the role that takes it: a watchdog submits, the country's
 * network coordinator decides and refers, its protection officer registers the victims and works
 * the case; an admin registers the beneficiaries, who span five countries.
 *
 * Running it again adds nothing: ids derive from the seed's own numbering, every mutation that
 * takes a client id gets one, and the others are sent only when the record's state shows them
 * not done yet.
 *
 * HAVEN_GATEWAY_URL (default http://127.0.0.1:4000/graphql) says where Haven runs. Tokens come
 * from the development issuer (as `npm run token` makes them), or HAVEN_TOKEN, when set, is used
 * for every step (an installation with a real identity provider: an admin's token).
 */
import { v5 as uuidv5 } from 'uuid';
import { DEFAULT_KEYS_DIR, ensureDevKeys, mintDevToken, type Role } from '@haven/platform/security';
import { seededRandom } from '@haven/platform/testing';
import type { PlaceOfExploitation } from '@haven/vocabulary';
import { seedEmpowermentDemo } from './empowerment-demo';
import { seedLegalDemo } from './legal-demo';
import {
  MEMBER_ROLE,
  MEMBERS_PER_KIND,
  memberId,
  registerDemoMembers,
  type MemberCountry,
} from './networks-members';
import { seedReliefDemo } from './relief-demo';

const GATEWAY = process.env.HAVEN_GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
const NAMESPACE = '6f1c8a52-3c1e-4e7a-9a35-0c7c2b1d9e40';
const CONCURRENCY = 4;

type Country = 'TH' | 'LA' | 'MM' | 'VN' | 'OTHER';
type Sex = 'FEMALE' | 'MALE' | 'OTHER' | 'UNKNOWN';
interface BeneficiarySeed {
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

type CaseCountry = 'TH' | 'LA' | 'MM';
type FormOfExploitation =
  | 'SEX_TRAFFICKING'
  | 'ONLINE_SEXUAL_EXPLOITATION'
  | 'FORCED_MARRIAGE'
  | 'FORCED_SURROGACY'
  | 'SEXUAL_ABUSE'
  | 'OTHER';
type Outcome = 'SUBMITTED' | 'VALIDATED' | 'REJECTED' | 'DUPLICATE' | 'REFERRED';
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

// ---- Talking to Haven. ----------------------------------------------------------------------

const REGISTER = `mutation Register($input: RegisterBeneficiaryInput!) {
  registerBeneficiary(input: $input) { beneficiaryId beneficiary { referenceCode } }
}`;
const SUBMIT = `mutation Submit($input: SubmitCaseNotificationInput!) {
  submitCaseNotification(input: $input) { notificationId status }
}`;
const NOTIFICATION_STATUS = `query Status($id: ID!) { caseNotification(id: $id) { status } }`;
const notificationDecision = (mutation: string, input: string) =>
  `mutation Decide($input: ${input}!) { ${mutation}(input: $input) { status } }`;
const CASE_FOR_NOTIFICATION = `query CaseFor($id: ID!) {
  protectionCaseForNotification(notificationId: $id) {
    id
    status
    victims { beneficiaryId identification { outcome date authority } }
    rescueOperations { id rescuedBeneficiaryIds }
    shelterPlacements { id }
    repatriationSteps { beneficiaryId step date }
    guardianOrShelterContact { kind }
  }
}`;
const caseMutation = (mutation: string) =>
  `mutation Work($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) {
    ${mutation}(input: $input) { streamVersion }
  }`;

interface CaseState {
  id: string;
  status: 'OPEN' | 'CLOSED';
  victims: Array<{
    beneficiaryId: string;
    identification: { outcome: string; date: string; authority: string | null } | null;
  }>;
  rescueOperations: Array<{ id: string; rescuedBeneficiaryIds: string[] }>;
  shelterPlacements: Array<{ id: string }>;
  repatriationSteps: Array<{ beneficiaryId: string; step: string; date: string }>;
  guardianOrShelterContact: { kind: string } | null;
}

const tokens = new Map<string, Promise<string>>();
/**
 * A token for one role (in one country), from the development issuer; HAVEN_TOKEN for every
 * step when set (a real identity provider's admin token).
 */
function tokenFor(role: Role, subject: string, country?: CaseCountry): Promise<string> {
  if (process.env.HAVEN_TOKEN) return Promise.resolve(process.env.HAVEN_TOKEN);
  const key = `${role}/${subject}/${country ?? ''}`;
  let token = tokens.get(key);
  if (!token) {
    token = mintDevToken(ensureDevKeys(process.env.HAVEN_KEYS_DIR || DEFAULT_KEYS_DIR), {
      role,
      subject,
      ...(country ? { countries: [country] } : {}),
      ttlSeconds: 3600,
    });
    tokens.set(key, token);
  }
  return token;
}
const admin = () => tokenFor('admin', 'seed-demo');
const coordinator = (country: CaseCountry) =>
  tokenFor('network_coordinator', `seed-coordinator-${country.toLowerCase()}`, country);
const officer = (country: CaseCountry) =>
  tokenFor('protection_officer', `seed-officer-${country.toLowerCase()}`, country);

async function graphql<Data = unknown>(
  token: Promise<string>,
  query: string,
  variables: object,
): Promise<Data> {
  const response = await fetch(GATEWAY, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-correlation-id': 'seed-demo',
      authorization: `Bearer ${await token}`,
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

/** Submits a notification and takes the coordinator's decisions it does not have yet. */
async function notify(seed: NotificationSeed): Promise<void> {
  const { id, country } = seed.input;
  const submitted = await graphql<{ submitCaseNotification: { status: Outcome | null } }>(
    // The member's own token: its subject is its record's id.
    tokenFor(
      MEMBER_ROLE[seed.input.reportedBy],
      memberId(seed.input.reportedBy, country, seed.submitter),
    ),
    SUBMIT,
    { input: seed.input },
  );
  const decide = async (mutation: string, input: string, extra: object = {}) =>
    (
      await graphql<Record<string, { status: Outcome | null }>>(
        coordinator(country),
        notificationDecision(mutation, input),
        { input: { notificationId: id, ...extra } },
      )
    )[mutation].status;
  let status: Outcome | null =
    submitted.submitCaseNotification.status ??
    (
      await graphql<{ caseNotification: { status: Outcome } }>(
        coordinator(country),
        NOTIFICATION_STATUS,
        { id },
      )
    ).caseNotification.status;
  if (status === 'SUBMITTED') {
    switch (seed.outcome) {
      case 'SUBMITTED':
        break;
      case 'REJECTED':
        status = await decide('rejectCaseNotification', 'RejectCaseNotificationInput', {
          reason: seed.rejectionReason,
        });
        break;
      case 'DUPLICATE':
        status = await decide(
          'markCaseNotificationDuplicate',
          'MarkCaseNotificationDuplicateInput',
          { duplicateOf: seed.duplicateOf },
        );
        break;
      case 'VALIDATED':
      case 'REFERRED':
        status = await decide('validateCaseNotification', 'CaseNotificationIdInput');
        break;
    }
  }
  if (seed.outcome === 'REFERRED' && status === 'VALIDATED') {
    await decide('referCaseNotification', 'CaseNotificationIdInput');
  }
}

const CASE_WAIT_MS = 30_000;

/** The case protection opened from a referral: it follows the log, usually within a second. */
async function caseFor(seed: NotificationSeed): Promise<CaseState> {
  const deadline = Date.now() + CASE_WAIT_MS;
  for (;;) {
    const { protectionCaseForNotification: found } = await graphql<{
      protectionCaseForNotification: CaseState | null;
    }>(officer(seed.input.country), CASE_FOR_NOTIFICATION, { id: seed.input.id });
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(
        `protection opened no case for the referred notification ${seed.input.id} within ${CASE_WAIT_MS / 1000} s: is it running?`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Works a case as its country's protection officer: each step the case's state does not show
 * yet, in the order the rules need (the guardian contact before a minor's return,
 * identification or shelter before the escorted journey). As in a raid, the rescue is recorded
 * first with how many it rescued, and each victim attached to it once added to the case.
 */
async function workCase(seed: NotificationSeed, plan: CaseSeed): Promise<void> {
  const country = seed.input.country;
  const state = await caseFor(seed);
  // A closed case takes nothing new: an earlier run worked it to the end.
  if (state.status === 'CLOSED') return;
  const caseId = state.id;
  const record = (mutation: string, input: object) =>
    graphql(officer(country), caseMutation(mutation), { input: { caseId, ...input } });
  const rescue = plan.rescue;
  const recorded = rescue && state.rescueOperations.find((op) => op.id === rescue.operationId);
  if (rescue && !recorded) {
    await record('recordRescueOperation', {
      ...rescue,
      personsRescued: plan.victims.length,
      rescuedBeneficiaryIds: [],
    });
  }
  const added = new Set(state.victims.map((victim) => victim.beneficiaryId));
  for (const victim of plan.victims) {
    if (!added.has(victim.id)) {
      await record('addVictimToCase', { beneficiaryId: victim.id, minor: victim.minor });
    }
    if (rescue && !recorded?.rescuedBeneficiaryIds.includes(victim.id)) {
      await record('attachRescuedVictim', {
        operationId: rescue.operationId,
        beneficiaryId: victim.id,
      });
    }
  }
  // Each recording replaces the contact: record it only once.
  if (plan.guardianContact && !state.guardianOrShelterContact) {
    await record('recordGuardianContact', plan.guardianContact);
  }
  for (const victim of plan.victims) {
    const known = state.victims.find((v) => v.beneficiaryId === victim.id)?.identification;
    const wanted = victim.identification;
    if (
      wanted &&
      !(
        known?.outcome === wanted.outcome &&
        known.date === wanted.date &&
        known.authority === wanted.authority
      )
    ) {
      await record('recordVictimIdentification', { beneficiaryId: victim.id, ...wanted });
    }
    const placement = victim.placement;
    if (placement && !state.shelterPlacements.some((p) => p.id === placement.placementId)) {
      await record('recordShelterPlacement', { beneficiaryId: victim.id, ...placement });
    }
    for (const { step, date } of victim.repatriation) {
      const done = state.repatriationSteps.some(
        (s) => s.beneficiaryId === victim.id && s.step === step && s.date === date,
      );
      if (!done) await record('recordRepatriationStep', { beneficiaryId: victim.id, step, date });
    }
  }
  if (plan.closure) await record('closeProtectionCase', { reason: plan.closure });
}

// ---- Output and plumbing. ---------------------------------------------------------------------

function progress(label: string, total: number) {
  const started = Date.now();
  let done = 0;
  let lastPrinted = -1;
  const render = () => {
    const ratio = done / total;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(ratio * width);
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`,
      );
    } else if (Math.floor(ratio * 10) !== lastPrinted) {
      lastPrinted = Math.floor(ratio * 10);
      process.stderr.write(`${label}: ${done}/${total}\n`);
    }
  };
  render();
  return {
    tick() {
      done++;
      render();
    },
    finish() {
      if (process.stderr.isTTY) process.stderr.write('\n');
      process.stderr.write(
        `${label}: ${done} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    },
  };
}

async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

async function main(): Promise<void> {
  try {
    await fetch(GATEWAY.replace(/\/graphql$/, '/health/live'));
  } catch {
    console.error(
      `Haven does not answer at ${GATEWAY}. Start it first with \`npm start\`, or set HAVEN_GATEWAY_URL.`,
    );
    process.exit(2);
  }
  // Beneficiaries in five countries: an admin registers them.
  const beneficiaries = demoBeneficiaries();
  let bar = progress('beneficiaries', beneficiaries.length);
  await inParallel(beneficiaries, async (input) => {
    await graphql(admin(), REGISTER, { input });
    bar.tick();
  });
  bar.finish();

  // The watchdogs, women's groups and agents of change who submit the notifications. Agents of
  // change are beneficiaries the empowerment seed does not enrol (it takes every third).
  const unenrolled = beneficiaries
    .filter((b) => b.country === 'TH' || b.country === 'LA' || b.country === 'MM')
    .filter((_, i) => i % 3 === 1);
  const agentsOfChange = Object.fromEntries(
    (['TH', 'LA', 'MM'] as const).map((country) => [
      country,
      unenrolled.filter((b) => b.country === country).map((b) => b.id),
    ]),
  ) as Record<MemberCountry, string[]>;
  const members = await registerDemoMembers(graphql, coordinator, agentsOfChange);
  console.log(`Networks: ${members} watchdogs, women's groups and agents of change.`);

  // Originals before duplicates, since a duplicate names its original.
  const notifications = demoCaseNotifications();
  bar = progress('case notifications', notifications.length);
  for (const duplicates of [false, true]) {
    await inParallel(
      notifications.filter((seed) => (seed.outcome === 'DUPLICATE') === duplicates),
      async (seed) => {
        await notify(seed);
        bar.tick();
      },
    );
  }
  bar.finish();

  const cases = notifications.flatMap((seed) =>
    seed.protectionCase ? [{ seed, plan: seed.protectionCase }] : [],
  );
  const victims = cases.flatMap(({ seed, plan }) =>
    plan.victims.map((victim) => ({ country: seed.input.country, victim })),
  );
  bar = progress('victims', victims.length);
  await inParallel(victims, async ({ country, victim }) => {
    await graphql(officer(country), REGISTER, {
      input: {
        id: victim.id,
        country,
        sex: 'FEMALE',
        minor: victim.minor,
        personal: victim.personal,
      },
    });
    bar.tick();
  });
  bar.finish();

  bar = progress('protection cases', cases.length);
  await inParallel(cases, async ({ seed, plan }) => {
    await workCase(seed, plan);
    bar.tick();
  });
  bar.finish();

  console.log(`Empowerment: ${await seedEmpowermentDemo(GATEWAY, beneficiaries)}.`);
  console.log(`Relief: ${await seedReliefDemo(GATEWAY, beneficiaries)}.`);
  console.log(`Legal: ${await seedLegalDemo(GATEWAY, beneficiaries)}.`);
  const count = (outcome: Outcome) => notifications.filter((n) => n.outcome === outcome).length;
  const closed = cases.filter(({ plan }) => plan.closure).length;
  console.log(
    `Demo data loaded through ${GATEWAY}: ${beneficiaries.length} beneficiaries; ` +
      `${notifications.length} case notifications (${count('REFERRED')} referred, ` +
      `${count('VALIDATED')} validated, ${count('REJECTED')} rejected, ${count('DUPLICATE')} ` +
      `duplicates, ${count('SUBMITTED')} waiting); ${cases.length} protection cases with ` +
      `${victims.length} victims, ${closed} of them closed.`,
  );
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(`\nSeeding stopped: ${error.message}`);
    process.exit(1);
  });
}
