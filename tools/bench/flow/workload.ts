// What is timed: a referral, from the moment it returns until protection shows the case it opens,
// and the baseline, a plain read-your-write (registerBeneficiary); and the runs that take turns
// between the two.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Actors } from './actors';
import { COUNTRIES, POLL_MS, progress, TIMEOUT_MS } from './settings';

const PROVINCES: Record<(typeof COUNTRIES)[number], string> = {
  TH: 'Chiang Rai',
  LA: 'Bokeo',
  MM: 'Shan State',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const SUBMIT = `mutation Submit($input: SubmitCaseNotificationInput!) {
  submitCaseNotification(input: $input) { notificationId status }
}`;
const VALIDATE = `mutation Validate($id: ID!) {
  validateCaseNotification(input: { notificationId: $id }) { status }
}`;
const REFER = `mutation Refer($id: ID!) {
  referCaseNotification(input: { notificationId: $id }) { status }
}`;
const CASE_FOR_NOTIFICATION = `query CaseFor($id: ID!) {
  protectionCaseForNotification(notificationId: $id) { id }
}`;
const REGISTER = `mutation Register($input: RegisterBeneficiaryInput!) {
  registerBeneficiary(input: $input) { beneficiaryId beneficiary { id } }
}`;

/**
 * Calls `found` every POLL_MS (start to start; at once again when a call took longer) until it
 * answers true: the milliseconds from `since` to that answer, or null after TIMEOUT_MS.
 */
async function pollUntil(
  since: number,
  found: () => Promise<boolean>,
): Promise<{ ms: number | null; polls: number }> {
  let polls = 0;
  for (;;) {
    const started = performance.now();
    polls++;
    if (await found()) return { ms: performance.now() - since, polls };
    if (performance.now() - since > TIMEOUT_MS) return { ms: null, polls };
    await sleep(Math.max(0, POLL_MS - (performance.now() - started)));
  }
}

export interface ReferralSample {
  /** Referral returned → the gateway returns the case. */
  gateway: number | null;
  gatewayPolls: number;
  /** Referral returned → the row is in protection.protection_cases. */
  sql: number | null;
  sqlPolls: number;
  /** The referral mutation itself, sent → returned. */
  referRoundTrip: number;
  /** Referral sent → the row is in protection.protection_cases (the whole way, as an upper bound). */
  sentToRow: number | null;
}

async function referral(actors: Actors, i: number): Promise<ReferralSample> {
  const country = COUNTRIES[i % COUNTRIES.length];
  const { submitCaseNotification } = await actors.watchdog.request<{
    submitCaseNotification: { notificationId: string };
  }>(SUBMIT, {
    input: {
      id: randomUUID(),
      formOfExploitation: 'SEX_TRAFFICKING',
      country,
      province: PROVINCES[country],
      possibleVictims: 1 + (i % 3),
      minors: i % 2,
    },
  });
  const id = submitCaseNotification.notificationId;
  await actors.coordinator.request(VALIDATE, { id });
  const caseRowExists = async () =>
    (
      await actors.sql.query(
        'SELECT 1 FROM protection.protection_cases WHERE source_notification_id = $1',
        [id],
      )
    ).rowCount === 1;
  const sent = performance.now();
  const wholeWay = pollUntil(sent, caseRowExists);
  await actors.coordinator.request(REFER, { id });
  const returned = performance.now();
  const [gateway, sql, sentToRow] = await Promise.all([
    pollUntil(returned, async () => {
      const data = await actors.officer.request<{
        protectionCaseForNotification: { id: string } | null;
      }>(CASE_FOR_NOTIFICATION, { id });
      return data.protectionCaseForNotification !== null;
    }),
    pollUntil(returned, caseRowExists),
    wholeWay,
  ]);
  return {
    gateway: gateway.ms,
    gatewayPolls: gateway.polls,
    sql: sql.ms,
    sqlPolls: sql.polls,
    referRoundTrip: returned - sent,
    sentToRow: sentToRow.ms,
  };
}

export interface BaselineSample {
  /** registerBeneficiary sent → returned with the row read back. */
  gateway: number | null;
  /** registerBeneficiary sent → the row is in protection.beneficiaries. */
  sql: number | null;
}

async function baseline(actors: Actors, i: number): Promise<BaselineSample> {
  const id = randomUUID();
  const sent = performance.now();
  const [gateway, sql] = await Promise.all([
    actors.officer
      .request<{ registerBeneficiary: { beneficiary: { id: string } | null } }>(REGISTER, {
        input: { id, country: COUNTRIES[i % COUNTRIES.length], sex: 'FEMALE', minor: i % 2 === 0 },
      })
      .then((data) => (data.registerBeneficiary.beneficiary ? performance.now() - sent : null)),
    pollUntil(
      sent,
      async () =>
        (await actors.sql.query('SELECT 1 FROM protection.beneficiaries WHERE id = $1', [id]))
          .rowCount === 1,
    ),
  ]);
  return { gateway, sql: sql.ms };
}

export interface Run {
  name: string;
  concurrency: number;
  n: number;
  seconds: number;
  referrals: ReferralSample[];
  baselines: BaselineSample[];
}

/**
 * `n` referrals and `n` baseline writes, `concurrency` at a time; each worker alternates which
 * of the two comes first, so that a burst of noise hits both alike.
 */
export async function run(
  actors: Actors,
  name: string,
  n: number,
  concurrency: number,
): Promise<Run> {
  const referrals: ReferralSample[] = [];
  const baselines: BaselineSample[] = [];
  const started = performance.now();
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        if (i % 2 === 0) {
          referrals.push(await referral(actors, i));
          baselines.push(await baseline(actors, i));
        } else {
          baselines.push(await baseline(actors, i));
          referrals.push(await referral(actors, i));
        }
        if (++done % 25 === 0) progress(`${name}: ${done}/${n}`);
      }
    }),
  );
  return {
    name,
    concurrency,
    n,
    seconds: (performance.now() - started) / 1000,
    referrals,
    baselines,
  };
}
