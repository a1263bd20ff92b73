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
import { DEFAULT_KEYS_DIR, ensureDevKeys, mintDevToken, type Role } from '@haven/platform/security';
import { seedEmpowermentDemo } from './empowerment-demo';
import { seedLegalDemo } from './legal-demo';
import {
  demoBeneficiaries,
  demoCaseNotifications,
  type CaseCountry,
  type CaseSeed,
  type NotificationSeed,
  type Outcome,
} from './demo-data';
import { MEMBER_ROLE, memberId, registerDemoMembers, type MemberCountry } from './networks-members';
import { seedReliefDemo } from './relief-demo';

const GATEWAY = process.env.HAVEN_GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
const CONCURRENCY = 4;

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
