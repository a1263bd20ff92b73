/**
 * Relief's part of `npm run seed:demo`: a COVID-19 response in TH, LA and MM (a relief
 * coordinator of the country), where an agent of change (the first networks registered in the
 * country) and a volunteer, each with a field-worker token, record relief recipients with minimal
 * data and a fictional alias (sealed by relief), necessity bags for single mothers, goods for
 * families and for some registered beneficiaries, micro-project grants, people at risk, families
 * who migrated for work, and potential victims of forced marriage; the coordinator turns one
 * detection a country into a case notification for networks, and links one relief recipient to
 * a registered beneficiary. Fictional, through the public GraphQL API.
 *
 * Running it again adds nothing: every id derives from the seed's numbering, the same facts again
 * change nothing, and a detection already notified is left as it is.
 */
import { v5 as uuidv5 } from 'uuid';
import { SeedCallError, seedGraphql, seedTokens } from './seed-client';
import { memberId } from './networks-members';

const NAMESPACE = '5c1e9a7b-2d4f-4b8e-9a3c-7e6d5f4a3b21';
const COUNTRIES = ['TH', 'LA', 'MM'] as const;
type Country = (typeof COUNTRIES)[number];
const CURRENCY: Record<Country, string> = { TH: 'THB', LA: 'LAK', MM: 'MMK' };
// A micro-project grant in each currency's minor units (about 100 USD).
const GRANT: Record<Country, number> = { TH: 350_000, LA: 200_000_000, MM: 20_000_000 };
export const DISTRICTS: Record<Country, string[]> = {
  TH: ['Mueang Chiang Rai', 'Mae Sai', 'Pattaya'],
  LA: ['Xaythany', 'Sikhottabong', 'Houayxay'],
  MM: ['Lashio', 'Muse', 'Tachileik'],
};
const DESTINATION: Record<Country, string> = { TH: 'MY', LA: 'TH', MM: 'CN' };
const RISKS = ['LOST_WORK_IN_TOURISM', 'LOST_WORK_IN_PROSTITUTION', 'SINGLE_MOTHER', 'OTHER'];
const BANDS = ['AGE_18_24', 'AGE_25_39', 'AGE_40_59', 'AGE_12_17'];
// What the field calls a household: fictional nicknames, sealed with the recipient's own key.
export const ALIASES: Record<Country, string[]> = {
  TH: ['Mae Noi', 'Pa Kham', 'Nong Fah', 'Mae Ploy', 'Ta Somchai', 'Yai Bua'],
  LA: ['Mae Bounmy', 'Nang Kham', 'Pa Vanh', 'Mae Dao', 'Thao Somphone', 'Nang Noy'],
  MM: ['Daw Mya', 'Ma Hla', 'Daw Khin', 'Ma Nu', 'U Tun', 'Daw Aye'],
};
// Relief learns networks' agents of change from the log: the seed waits for it a little.
const AGENT_RETRIES = 40;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ReliefSeedBeneficiary {
  id: string;
  country: string;
}

const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedReliefDemo(
  gateway: string,
  beneficiaries: readonly ReliefSeedBeneficiary[],
): Promise<string> {
  const token = seedTokens();
  async function graphql(
    auth: Promise<string>,
    query: string,
    input: object,
    tolerate?: string,
  ): Promise<void> {
    try {
      await seedGraphql(gateway, 'seed-demo-relief', auth, query, { input });
    } catch (error) {
      if (
        !(error instanceof SeedCallError) ||
        tolerate === undefined ||
        error.reason !== tolerate
      ) {
        throw error;
      }
    }
  }
  /** The same, while relief has not read the agent of change from networks' log yet. */
  async function asFieldWorker(auth: Promise<string>, query: string, input: object) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await graphql(auth, query, input);
      } catch (error) {
        const unknown = (error as Error).message.startsWith('NOT_FOUND: No agent of change');
        if (!unknown || attempt >= AGENT_RETRIES) throw error;
        await sleep(250);
      }
    }
  }
  const mutation = (name: string, type: string) =>
    `mutation ($input: ${type}!) { ${name}(input: $input) { id } }`;
  const id = (...parts: Array<string | number>) => uuidv5(parts.join(':'), NAMESPACE);

  let distributions = 0;
  let detections = 0;
  for (const country of COUNTRIES) {
    const coordinator = token(
      'relief_coordinator',
      `seed-relief-${country.toLowerCase()}`,
      country,
    );
    const agent = token('field_worker', `seed-aoc-${country.toLowerCase()}`, country);
    const volunteer = token('field_worker', `seed-volunteer-${country.toLowerCase()}`, country);
    const workers = [
      {
        auth: agent,
        // Registered by the networks seed, from a beneficiary who completed the programme.
        fieldWorker: {
          kind: 'AGENT_OF_CHANGE',
          agentOfChangeId: memberId('AGENT_OF_CHANGE', country, 1),
        },
      },
      { auth: volunteer, fieldWorker: { kind: 'VOLUNTEER' } },
    ];
    const responseId = id(country, 'response');
    await graphql(coordinator, mutation('openReliefResponse', 'OpenReliefResponseInput'), {
      id: responseId,
      name: 'COVID-19 2020',
      country,
      startsOn: '2020-04-01',
      endsOn: '2020-12-31',
      funder: 'Alliance emergency fund',
    });
    const districts = DISTRICTS[country];
    for (let i = 0; i < 24; i += 1) {
      const { auth, fieldWorker } = workers[i % 2];
      const day = plusDays('2020-04-15', i * 3);
      const recipientId = id(country, 'recipient', i);
      const singleMother = i % 3 === 0;
      await asFieldWorker(auth, mutation('recordReliefRecipient', 'RecordReliefRecipientInput'), {
        id: recipientId,
        responseId,
        fieldWorker,
        alias: ALIASES[country][i % ALIASES[country].length],
        ageBand: BANDS[i % 3],
        sex: i % 5 === 4 ? 'MALE' : 'FEMALE',
        district: districts[i % districts.length],
        householdSize: 2 + (i % 5),
        singleMotherHead: singleMother,
        riskReason: singleMother ? 'SINGLE_MOTHER' : RISKS[i % 2],
        registeredOn: day,
      });
      const grant = i % 8 === 7;
      await graphql(auth, mutation('recordDistribution', 'RecordDistributionInput'), {
        id: id(country, 'distribution', i),
        responseId,
        recipient: { recipientId },
        country,
        distributedOn: day,
        fieldWorker,
        kind: grant ? 'MICRO_PROJECT_GRANT' : singleMother ? 'NECESSITY_BAG' : 'GOODS',
        ...(grant ? { grant: { amountMinor: GRANT[country], currency: CURRENCY[country] } } : {}),
      });
      distributions += 1;
      if (grant) {
        const projectId = id(country, 'project', i);
        await graphql(coordinator, mutation('startMicroProject', 'StartMicroProjectInput'), {
          id: projectId,
          responseId,
          recipient: { recipientId },
          kind: ['FOOD_VENDING', 'SMALL_SHOP', 'LIVESTOCK'][i % 3],
          grant: { amountMinor: GRANT[country], currency: CURRENCY[country] },
          marketCheckDone: true,
          startedOn: day,
        });
        await graphql(coordinator, mutation('followUpMicroProject', 'FollowUpMicroProjectInput'), {
          id: id(country, 'follow-up', i),
          responseId,
          projectId,
          followedUpOn: plusDays(day, 30),
          status: 'RUNNING',
        });
      }
    }
    // Goods for a few beneficiaries protection registered in the country.
    const registered = beneficiaries.filter((b) => b.country === country).slice(0, 4);
    for (const [n, beneficiary] of registered.entries()) {
      await graphql(coordinator, mutation('recordDistribution', 'RecordDistributionInput'), {
        id: id(country, 'beneficiary-goods', n),
        responseId,
        recipient: { beneficiaryId: beneficiary.id },
        country,
        distributedOn: plusDays('2020-05-01', n),
        fieldWorker: { kind: 'STAFF' },
        kind: 'GOODS',
      });
      distributions += 1;
    }
    // A coordinator's decision: the first relief recipient is the first of these beneficiaries
    // (again on a second run is no change).
    if (registered[0]) {
      await graphql(coordinator, mutation('linkReliefRecipient', 'LinkReliefRecipientInput'), {
        responseId,
        recipientId: id(country, 'recipient', 0),
        beneficiaryId: registered[0].id,
      });
    }
    for (let i = 0; i < 10; i += 1) {
      const { auth, fieldWorker } = workers[i % 2];
      await graphql(auth, mutation('recordPersonAtRisk', 'RecordPersonAtRiskInput'), {
        id: id(country, 'at-risk', i),
        responseId,
        fieldWorker,
        reason: RISKS[i % RISKS.length],
        sex: 'FEMALE',
        ageBand: BANDS[i % BANDS.length],
        district: districts[i % districts.length],
        foundOn: plusDays('2020-05-10', i * 4),
      });
    }
    for (let i = 0; i < 3; i += 1) {
      const { auth, fieldWorker } = workers[i % 2];
      await graphql(auth, mutation('recordMigratedFamilies', 'RecordMigratedFamiliesInput'), {
        id: id(country, 'migrated', i),
        responseId,
        fieldWorker,
        families: 2 + i,
        destination: DESTINATION[country],
        district: districts[i],
        recordedOn: plusDays('2020-06-01', i * 10),
      });
    }
    for (let i = 0; i < 2; i += 1) {
      const { auth, fieldWorker } = workers[i % 2];
      const detectionId = id(country, 'detection', i);
      await graphql(auth, mutation('recordPotentialVictim', 'RecordPotentialVictimInput'), {
        id: detectionId,
        responseId,
        fieldWorker,
        formOfExploitation: 'FORCED_MARRIAGE',
        place: districts[i],
        sex: 'FEMALE',
        ageBand: i === 0 ? 'AGE_12_17' : 'AGE_18_24',
        detectedOn: plusDays('2020-07-01', i * 7),
      });
      detections += 1;
      if (i === 0) {
        await graphql(
          coordinator,
          'mutation ($input: NotifyDetectionInput!) { notifyDetection(input: $input) { id } }',
          { responseId, detectionId },
          'DETECTION_ALREADY_NOTIFIED',
        );
      }
    }
  }
  return (
    `3 COVID-19 relief responses (TH, LA, MM) with ${distributions} distributions, ` +
    `${detections} potential victims detected, ${COUNTRIES.length} turned into case notifications`
  );
}
