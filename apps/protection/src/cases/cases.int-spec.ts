// Protection cases through the service's GraphQL API, on a real PostgreSQL: the referral that opens
// a case, the casework, the rules, who may do what, personal notes and the timelines.
import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@haven/platform/event-store';
import { ServiceDatabase } from '@haven/platform/nest';
import { startTestService, type TestService } from '@haven/platform/nest/testing';
import type { Principal } from '@haven/platform/security';
import { findClearText } from '@haven/platform/testing';
import {
  caseNotificationStreamId,
  type CaseNotificationEvent,
  type CaseNotificationReferred,
} from '@haven/networks/contracts';
import {
  protectionCaseIdForNotification,
  protectionCaseStreamId,
} from '@haven/protection/contracts';
import { PROTECTION_MIGRATIONS } from '@haven/protection/read-models';
import { Client } from 'pg';
import { AppModule } from '../app.module';
import { admin, auditor, officer, partner, registerBeneficiary } from '../testing/fixtures';

let service: TestService;
let sql: Client;

beforeAll(async () => {
  service = await startTestService(AppModule, { migrations: [PROTECTION_MIGRATIONS] });
  sql = new Client({ connectionString: service.db.url });
  await sql.connect();
});

afterAll(async () => {
  await sql?.end();
  await service?.close();
});

const thOfficer = officer(['TH'], 'officer-th');
const laOfficer = officer(['LA'], 'officer-la');
const watchdog: Principal = {
  subject: 'watchdog-1',
  role: 'watchdog',
  countries: [],
  organisationId: 'village-network',
};
const legalOfficer: Principal = {
  subject: 'legal-th',
  role: 'legal_officer',
  countries: ['TH'],
  organisationId: 'alliance',
};
const networkCoordinator: Principal = {
  subject: 'coordinator-th',
  role: 'network_coordinator',
  countries: ['TH'],
  organisationId: 'alliance',
};

const CASE_FIELDS = `
  id country province abroad formOfExploitation status sourceNotificationId openedAt closedAt
  closureReason hasMinors streamVersion investigationNoteCount
  victims {
    beneficiaryId formOfExploitation minor rescuedIn repatriationStepsDone
    identification { outcome date authority }
    shelterPlacement { shelterName from to }
  }
  rescueOperations { id date place partnerAgencies rescuedBeneficiaryIds }
  shelterPlacements { beneficiaryId shelterName from to }
  repatriationSteps { beneficiaryId step date }
  guardianOrShelterContact { kind }`;

interface CaseView {
  id: string;
  country: string;
  status: string;
  streamVersion: number;
  hasMinors: boolean;
  sourceNotificationId: string | null;
  victims: Array<Record<string, unknown>>;
  rescueOperations: Array<Record<string, unknown>>;
  [field: string]: unknown;
}

interface Payload {
  caseId: string;
  streamVersion: number;
  protectionCase: CaseView | null;
}

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;

/** Runs a case mutation (`name(input: $input)`) and returns its payload or its errors. */
async function mutate(
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  as: Principal = thOfficer,
): Promise<{ payload: Payload | null; errors?: Errors }> {
  const response = await service.graphql<Record<string, Payload>>(
    `mutation ($input: ${inputType}!) {
       ${name}(input: $input) { caseId streamVersion protectionCase { ${CASE_FIELDS} } }
     }`,
    { input },
    {},
    { as },
  );
  return { payload: response.body.data?.[name] ?? null, errors: response.body.errors };
}

async function ok(
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  as: Principal = thOfficer,
): Promise<Payload> {
  const { payload, errors } = await mutate(name, inputType, input, as);
  if (errors) throw new Error(`${name} failed: ${JSON.stringify(errors)}`);
  return payload!;
}

const openCase = (input: Record<string, unknown>, as?: Principal) =>
  ok(
    'openProtectionCase',
    'OpenProtectionCaseInput',
    { formOfExploitation: 'SEX_TRAFFICKING', ...input },
    as,
  );
const addVictim = (input: Record<string, unknown>, as?: Principal) =>
  ok('addVictimToCase', 'AddVictimToCaseInput', input, as);

async function eventsOf(caseId: string): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM event_store.events WHERE stream_id = $1',
    [protectionCaseStreamId(caseId)],
  );
  return rows[0].n;
}

function codes(errors: Errors | undefined) {
  return (errors ?? []).map((error) => ({
    code: error.extensions?.code,
    reason: error.extensions?.reason,
  }));
}

async function waitFor<T>(read: () => Promise<T | null>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('not there in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const referralMetadata: EventMetadata = {
  actorId: 'coordinator-th',
  role: 'network_coordinator',
  organisationId: 'alliance',
  correlationId: 'referral-1',
  causationId: null,
  occurredAt: '2026-11-19T09:00:00.000Z',
};

/** What networks records before a referral: the notification, and its validation. */
async function notify(notificationId: string): Promise<void> {
  const events: CaseNotificationEvent[] = [
    {
      type: 'CaseNotificationSubmitted',
      data: {
        notificationId,
        reportedBy: 'WOMENS_GROUP',
        reporterReference: null,
        formOfExploitation: 'FORCED_MARRIAGE',
        country: 'TH',
        province: 'Chiang Rai',
        abroad: false,
        possibleVictims: 2,
        minors: 1,
        submittedAt: '2026-11-18T09:00:00.000Z',
      },
    },
    {
      type: 'CaseNotificationValidated',
      data: { notificationId, validatedAt: '2026-11-19T08:00:00.000Z' },
    },
  ];
  await service.app.get(ServiceDatabase).eventStore.append(
    caseNotificationStreamId(notificationId),
    events.map((event) => ({ ...event, metadata: referralMetadata })),
    'no_stream',
  );
}

/** A referral as networks' contract shapes it, appended to the log directly. */
async function refer(notificationId: string, country = 'TH'): Promise<void> {
  const referral: CaseNotificationReferred = {
    type: 'CaseNotificationReferred',
    data: {
      notificationId,
      country,
      province: 'Chiang Rai',
      abroad: false,
      formOfExploitation: 'FORCED_MARRIAGE',
      possibleVictims: 2,
      minors: 1,
      reportedBy: 'WOMENS_GROUP',
      referredAt: '2026-11-19T09:00:00.000Z',
    },
  };
  await service.app
    .get(ServiceDatabase)
    .eventStore.append(
      caseNotificationStreamId(notificationId),
      [{ ...referral, metadata: referralMetadata }],
      'any',
    );
}

const SUMMARY = `country province abroad formOfExploitation possibleVictims minors reportedBy
  beneficiaryId minor noteId operationId date victimsRescued outcome step kind reason`;

/** A summary with these facts, every other one null. */
function summary(facts: Record<string, unknown>): Record<string, unknown> {
  const names = SUMMARY.split(/\s+/).filter(Boolean);
  return { ...Object.fromEntries(names.map((name) => [name, null])), ...facts };
}

const FOR_NOTIFICATION = `
  query ($id: ID!) {
    protectionCaseForNotification(notificationId: $id) {
      id country province formOfExploitation status sourceNotificationId
      timeline { edges { node { type actorId role caseId notificationId summary { ${SUMMARY} } } } }
    }
  }`;

function timelineOf(view: CaseView): Array<Record<string, unknown>> {
  return (view.timeline as { edges: Array<{ node: Record<string, unknown> }> }).edges.map(
    (edge) => edge.node,
  );
}

describe('a referral opens a case', () => {
  it('given a CaseNotificationReferred on the log, then protection opens exactly one case, found by the notification id, whose timeline starts with networks’ events about the notification', async () => {
    const notificationId = randomUUID();
    await notify(notificationId);
    await refer(notificationId);
    const found = await waitFor(async () => {
      const response = await service.graphql<{ protectionCaseForNotification: CaseView | null }>(
        FOR_NOTIFICATION,
        { id: notificationId },
        {},
        { as: thOfficer },
      );
      expect(response.body.errors).toBeUndefined();
      const view = response.body.data!.protectionCaseForNotification;
      // The timeline is a projection of its own, which may catch up after the case's.
      const opened =
        view && timelineOf(view).some((entry) => entry.type === 'ProtectionCaseOpened');
      return opened ? view : null;
    });
    expect(found).toMatchObject({
      id: protectionCaseIdForNotification(notificationId),
      country: 'TH',
      province: 'Chiang Rai',
      formOfExploitation: 'FORCED_MARRIAGE',
      status: 'OPEN',
      sourceNotificationId: notificationId,
    });
    const timeline = timelineOf(found);
    expect(timeline.map((entry) => entry.type)).toEqual([
      'CaseNotificationSubmitted',
      'CaseNotificationValidated',
      'CaseNotificationReferred',
      'ProtectionCaseOpened',
    ]);
    expect(timeline.slice(2)).toEqual([
      {
        type: 'CaseNotificationReferred',
        actorId: 'coordinator-th',
        role: 'network_coordinator',
        caseId: null,
        notificationId,
        summary: summary({
          country: 'TH',
          province: 'Chiang Rai',
          abroad: false,
          formOfExploitation: 'FORCED_MARRIAGE',
          possibleVictims: 2,
          minors: 1,
          reportedBy: 'WOMENS_GROUP',
        }),
      },
      expect.objectContaining({
        type: 'ProtectionCaseOpened',
        actorId: 'protection.case-opener',
        role: 'system',
        caseId: found.id,
      }),
    ]);

    // Referred again (networks retried): still one case, one opening.
    await refer(notificationId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await eventsOf(found.id)).toBe(1);
  });

  it('given no referral for a notification yet, then protectionCaseForNotification is null', async () => {
    const response = await service.graphql(
      FOR_NOTIFICATION,
      { id: randomUUID() },
      {},
      { as: thOfficer },
    );
    expect(response.body).toEqual({ data: { protectionCaseForNotification: null } });
  });
});

describe('working a case, from rescue to a safe return', () => {
  let caseId: string;
  let girl: string;
  let woman: string;
  const note = `Brothel owner keeps passports in the safe ${randomUUID().slice(0, 8)}`;
  const guardian = `Aunt Noy, +66 81 ${String(Date.now()).slice(-7)}`;

  beforeAll(async () => {
    girl = await registerBeneficiary(service, { country: 'TH', sex: 'FEMALE', minor: true });
    // A Lao woman taken in by the Thai programme: registered in TH (her scope), of Lao nationality.
    woman = await registerBeneficiary(service, {
      country: 'TH',
      nationalityCode: 'LA',
      sex: 'FEMALE',
      minor: false,
    });
  });

  it('opens a case, returning its stream version and the case as queries show it', async () => {
    const payload = await openCase({ country: 'TH', province: 'Rayong' });
    caseId = payload.caseId;
    expect(payload.streamVersion).toBe(1);
    expect(payload.protectionCase).toMatchObject({
      id: caseId,
      country: 'TH',
      province: 'Rayong',
      abroad: false,
      status: 'OPEN',
      sourceNotificationId: null,
      hasMinors: false,
      streamVersion: 1,
      victims: [],
    });
  });

  it('adds victims (her record says whether she is a minor), once each', async () => {
    await addVictim({ caseId, beneficiaryId: girl });
    const payload = await addVictim({ caseId, beneficiaryId: woman });
    expect(payload.streamVersion).toBe(3);
    expect(payload.protectionCase!.hasMinors).toBe(true);
    expect(payload.protectionCase!.victims).toEqual([
      expect.objectContaining({ beneficiaryId: girl, minor: true }),
      expect.objectContaining({ beneficiaryId: woman, minor: false }),
    ]);

    const again = await mutate('addVictimToCase', 'AddVictimToCaseInput', {
      caseId,
      beneficiaryId: girl,
    });
    expect(codes(again.errors)).toEqual([{ code: 'CONFLICT', reason: 'VICTIM_ALREADY_IN_CASE' }]);
    const unknown = await mutate('addVictimToCase', 'AddVictimToCaseInput', {
      caseId,
      beneficiaryId: randomUUID(),
    });
    expect(codes(unknown.errors)).toEqual([{ code: 'NOT_FOUND', reason: 'BENEFICIARY_NOT_FOUND' }]);
  });

  it('records a rescue of the case’s victims, and refuses one that names someone else', async () => {
    const payload = await ok('recordRescueOperation', 'RecordRescueOperationInput', {
      caseId,
      date: '2026-01-17',
      place: 'Karaoke bar, Mueang Rayong',
      partnerAgencies: ['Royal Thai Police', 'DSI'],
      rescuedBeneficiaryIds: [girl, woman],
    });
    expect(payload.protectionCase!.rescueOperations).toEqual([
      {
        id: expect.any(String),
        date: '2026-01-17',
        place: 'Karaoke bar, Mueang Rayong',
        partnerAgencies: ['Royal Thai Police', 'DSI'],
        rescuedBeneficiaryIds: [girl, woman],
      },
    ]);
    const before = await eventsOf(caseId);
    const stranger = await registerBeneficiary(service, {
      country: 'TH',
      sex: 'FEMALE',
      minor: false,
    });
    const refused = await mutate('recordRescueOperation', 'RecordRescueOperationInput', {
      caseId,
      date: '2026-01-18',
      place: 'Massage parlour',
      rescuedBeneficiaryIds: [stranger],
    });
    expect(codes(refused.errors)).toEqual([{ code: 'CONFLICT', reason: 'VICTIM_NOT_IN_CASE' }]);
    expect(await eventsOf(caseId)).toBe(before);
  });

  it('refuses the escorted journey before identification or placement, then follows the return step by step', async () => {
    const early = await mutate('recordRepatriationStep', 'RecordRepatriationStepInput', {
      caseId,
      beneficiaryId: woman,
      step: 'ESCORTED_JOURNEY',
      date: '2026-01-20',
    });
    expect(codes(early.errors)).toEqual([
      { code: 'CONFLICT', reason: 'VICTIM_NOT_IDENTIFIED_OR_PLACED' },
    ]);

    await ok('recordVictimIdentification', 'RecordVictimIdentificationInput', {
      caseId,
      beneficiaryId: woman,
      outcome: 'OFFICIALLY_IDENTIFIED',
      date: '2026-01-18',
      authority: 'Rayong provincial social development office',
    });
    const badPlacement = await mutate('recordShelterPlacement', 'RecordShelterPlacementInput', {
      caseId,
      beneficiaryId: girl,
      shelterName: 'Kredtrakarn shelter',
      from: '2026-01-18',
      to: '2026-01-10',
    });
    expect(codes(badPlacement.errors)).toEqual([
      { code: 'CONFLICT', reason: 'PLACEMENT_ENDS_BEFORE_START' },
    ]);
    await ok('recordShelterPlacement', 'RecordShelterPlacementInput', {
      caseId,
      beneficiaryId: girl,
      shelterName: 'Kredtrakarn shelter',
      from: '2026-01-18',
    });
    for (const step of ['FAMILY_TRACING', 'DOCUMENTS', 'ESCORTED_JOURNEY', 'RECEPTION']) {
      await ok('recordRepatriationStep', 'RecordRepatriationStepInput', {
        caseId,
        beneficiaryId: woman,
        step,
        date: '2026-01-20',
      });
    }
    // A minor needs a guardian or shelter contact on the case before her journey.
    const minorJourney = await mutate('recordRepatriationStep', 'RecordRepatriationStepInput', {
      caseId,
      beneficiaryId: girl,
      step: 'ESCORTED_JOURNEY',
      date: '2026-01-21',
    });
    expect(codes(minorJourney.errors)).toEqual([
      { code: 'CONFLICT', reason: 'GUARDIAN_CONTACT_REQUIRED' },
    ]);
    await ok('recordGuardianContact', 'RecordGuardianContactInput', {
      caseId,
      kind: 'GUARDIAN',
      details: guardian,
    });
    const payload = await ok('recordRepatriationStep', 'RecordRepatriationStepInput', {
      caseId,
      beneficiaryId: girl,
      step: 'ESCORTED_JOURNEY',
      date: '2026-01-21',
    });
    const protectionCase = payload.protectionCase!;
    const steps = ['FAMILY_TRACING', 'DOCUMENTS', 'ESCORTED_JOURNEY', 'RECEPTION'];
    expect(protectionCase.victims[0]).toMatchObject({
      beneficiaryId: girl,
      shelterPlacement: { shelterName: 'Kredtrakarn shelter', from: '2026-01-18', to: null },
      repatriationStepsDone: ['ESCORTED_JOURNEY'],
    });
    expect(protectionCase.victims[1]).toMatchObject({
      beneficiaryId: woman,
      identification: { outcome: 'OFFICIALLY_IDENTIFIED', date: '2026-01-18' },
      shelterPlacement: null,
      repatriationStepsDone: steps,
    });
    expect(protectionCase.shelterPlacements).toEqual([
      { beneficiaryId: girl, shelterName: 'Kredtrakarn shelter', from: '2026-01-18', to: null },
    ]);
    expect(protectionCase.repatriationSteps).toEqual([
      { beneficiaryId: girl, step: 'ESCORTED_JOURNEY', date: '2026-01-21' },
      ...steps.map((step) => ({ beneficiaryId: woman, step, date: '2026-01-20' })),
    ]);
    expect(payload.protectionCase!.guardianOrShelterContact).toEqual({ kind: 'GUARDIAN' });
  });

  it('seals investigation notes and the guardian contact: no clear text anywhere in the database', async () => {
    await ok('addInvestigationNote', 'AddInvestigationNoteInput', { caseId, text: note });
    const { rows } = await sql.query(
      "SELECT data->>'text' AS text FROM event_store.events WHERE stream_id = $1 AND type = 'InvestigationNoteAdded'",
      [protectionCaseStreamId(caseId)],
    );
    expect(rows[0].text).toMatch(/^pii:v1:[A-Za-z0-9_-]+$/);
    expect(await findClearText(sql, [note, guardian])).toEqual([]);
  });

  it('gives case workers the notes and contact in clear, logging each read first; auditors see the notes exist, never their text', async () => {
    const READ = `
      query ($id: ID!) {
        protectionCase(id: $id) {
          investigationNotes(purpose: "rescue planning") { id addedBy role text }
          guardianOrShelterContact { kind details(purpose: "return planning") }
        }
      }`;
    const read = await service.graphql<{ protectionCase: Record<string, unknown> }>(
      READ,
      { id: caseId },
      {},
      { as: thOfficer },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.protectionCase).toEqual({
      investigationNotes: [
        { id: expect.any(String), addedBy: 'officer-th', role: 'protection_officer', text: note },
      ],
      guardianOrShelterContact: { kind: 'GUARDIAN', details: guardian },
    });
    const { rows: logged } = await sql.query(
      `SELECT actor_id, record_type, fields, purpose FROM privacy.access_log
        WHERE record_id = $1 ORDER BY id`,
      [caseId],
    );
    expect(logged).toEqual(
      expect.arrayContaining([
        {
          actor_id: 'officer-th',
          record_type: 'ProtectionCase',
          fields: ['investigationNotes.text'],
          purpose: 'rescue planning',
        },
        {
          actor_id: 'officer-th',
          record_type: 'ProtectionCase',
          fields: ['guardianOrShelterContact.details'],
          purpose: 'return planning',
        },
      ]),
    );

    const audited = await service.graphql<{ protectionCase: Record<string, unknown> }>(
      `query ($id: ID!) { protectionCase(id: $id) { id investigationNotes { id addedBy text } } }`,
      { id: caseId },
      {},
      { as: auditor },
    );
    expect(audited.body.data!.protectionCase).toEqual({
      id: caseId,
      investigationNotes: [{ id: expect.any(String), addedBy: 'officer-th', text: null }],
    });
    expect(codes(audited.body.errors as Errors)).toEqual([
      { code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' },
    ]);
    const { rows: byAuditor } = await sql.query(
      `SELECT count(*)::int AS n FROM privacy.access_log WHERE actor_id = $1`,
      [auditor.subject],
    );
    expect(byAuditor[0].n).toBe(0);
  });

  it('closes the case (a minor victim has a guardian contact), then refuses a rescue with CONFLICT and writes nothing, until reopened', async () => {
    const closed = await ok('closeProtectionCase', 'CloseProtectionCaseInput', {
      caseId,
      reason: 'VICTIMS_RETURNED',
    });
    expect(closed.protectionCase).toMatchObject({
      status: 'CLOSED',
      closureReason: 'VICTIMS_RETURNED',
      closedAt: expect.any(String),
    });

    const before = await eventsOf(caseId);
    const refused = await mutate('recordRescueOperation', 'RecordRescueOperationInput', {
      caseId,
      date: '2026-01-25',
      place: 'Another bar',
      rescuedBeneficiaryIds: [girl],
    });
    expect(refused.payload).toBeNull();
    expect(refused.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('closed'),
        extensions: expect.objectContaining({ code: 'CONFLICT', reason: 'CASE_CLOSED' }),
      }),
    ]);
    expect(await eventsOf(caseId)).toBe(before);

    const reopened = await ok('reopenProtectionCase', 'ReopenProtectionCaseInput', {
      caseId,
      reason: 'NEW_INFORMATION',
    });
    expect(reopened.protectionCase).toMatchObject({ status: 'OPEN', closedAt: null });
    expect(reopened.streamVersion).toBe(before + 1);
  });

  it('shows the case’s timeline in order, with who did what and when, and no personal data', async () => {
    const response = await service.graphql<{
      protectionCase: { timeline: { edges: Array<{ node: Record<string, unknown> }> } };
    }>(
      `query ($id: ID!) {
         protectionCase(id: $id) {
           timeline(first: 100) { edges { node { position type actorId role occurredAt summary { ${SUMMARY} } } } }
         }
       }`,
      { id: caseId },
      {},
      { as: legalOfficer },
    );
    expect(response.body.errors).toBeUndefined();
    const entries = response.body.data!.protectionCase.timeline.edges.map((edge) => edge.node);
    expect(entries.map((entry) => entry.type)).toEqual([
      'ProtectionCaseOpened',
      'VictimAddedToCase',
      'VictimAddedToCase',
      'RescueOperationRecorded',
      'VictimIdentificationRecorded',
      'ShelterPlacementRecorded',
      'RepatriationStepRecorded',
      'RepatriationStepRecorded',
      'RepatriationStepRecorded',
      'RepatriationStepRecorded',
      'GuardianContactRecorded',
      'RepatriationStepRecorded',
      'InvestigationNoteAdded',
      'ProtectionCaseClosed',
      'ProtectionCaseReopened',
    ]);
    const positions = entries.map((entry) => entry.position as number);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(entries.every((entry) => entry.actorId === 'officer-th')).toBe(true);
    // Taken in on the day of the command (no addedOn given): the day it was recorded.
    expect(entries[1].summary).toEqual(
      summary({
        beneficiaryId: girl,
        formOfExploitation: 'SEX_TRAFFICKING',
        minor: true,
        date: (entries[1].occurredAt as string).slice(0, 10),
      }),
    );
    expect(entries.find((entry) => entry.type === 'RescueOperationRecorded')!.summary).toEqual(
      summary({ operationId: expect.any(String), date: '2026-01-17', victimsRescued: 2 }),
    );
    const text = JSON.stringify(entries);
    for (const secret of [note, guardian, 'Karaoke', 'Kredtrakarn']) {
      expect(text).not.toContain(secret);
    }
  });

  it('pages a timeline with cursors', async () => {
    const PAGE = `
      query ($id: ID!, $after: String) {
        protectionCase(id: $id) {
          timeline(first: 10, after: $after) { edges { node { type } } pageInfo { hasNextPage endCursor } }
        }
      }`;
    type Page = {
      protectionCase: {
        timeline: { edges: Array<{ node: { type: string } }>; pageInfo: Record<string, unknown> };
      };
    };
    const first = await service.graphql<Page>(PAGE, { id: caseId }, {}, { as: thOfficer });
    const { pageInfo } = first.body.data!.protectionCase.timeline;
    expect(pageInfo.hasNextPage).toBe(true);
    const second = await service.graphql<Page>(
      PAGE,
      { id: caseId, after: pageInfo.endCursor },
      {},
      { as: thOfficer },
    );
    expect(second.body.data!.protectionCase.timeline.edges).toHaveLength(5);
    expect(second.body.data!.protectionCase.timeline.pageInfo.hasNextPage).toBe(false);
  });

  it('shows a beneficiary’s timeline: her registration, then what the cases in your countries did about her', async () => {
    // She is also a victim of a case in Laos, which a Thai officer does not see (added by an
    // officer of both countries: a beneficiary out of one's scope cannot be named).
    const laCase = await openCase({ country: 'LA' }, laOfficer);
    const bothCountries = officer(['TH', 'LA'], 'officer-th-la');
    await addVictim({ caseId: laCase.caseId, beneficiaryId: girl }, bothCountries);

    const TIMELINE = `
      query ($id: ID!) {
        beneficiary(id: $id) { timeline { edges { node { type caseId } } } }
      }`;
    type Timeline = {
      beneficiary: {
        timeline: { edges: Array<{ node: { type: string; caseId: string | null } }> };
      };
    };
    const asThai = await service.graphql<Timeline>(TIMELINE, { id: girl }, {}, { as: thOfficer });
    expect(asThai.body.errors).toBeUndefined();
    expect(asThai.body.data!.beneficiary.timeline.edges.map((edge) => edge.node)).toEqual([
      { type: 'BeneficiaryRegistered', caseId: null },
      { type: 'VictimAddedToCase', caseId },
      { type: 'RescueOperationRecorded', caseId },
      { type: 'ShelterPlacementRecorded', caseId },
      { type: 'RepatriationStepRecorded', caseId },
    ]);
    const asAdmin = await service.graphql<Timeline>(TIMELINE, { id: girl }, {}, { as: admin('a') });
    expect(asAdmin.body.data!.beneficiary.timeline.edges.map((edge) => edge.node)).toContainEqual({
      type: 'VictimAddedToCase',
      caseId: laCase.caseId,
    });
  });
});

describe('who may do what with cases', () => {
  let thCase: string;
  let laCase: string;

  beforeAll(async () => {
    thCase = (await openCase({ country: 'TH', formOfExploitation: 'ONLINE_SEXUAL_EXPLOITATION' }))
      .caseId;
    laCase = (await openCase({ country: 'LA' }, laOfficer)).caseId;
  });

  it.each([
    ['a partner', partner('ngo-1')],
    ['a watchdog', watchdog],
    ['a network coordinator', networkCoordinator],
  ])(
    'refuses %s every case query and mutation (ROLE_NOT_ALLOWED), and writes nothing',
    async (_, as) => {
      const queries = [
        ['protectionCases', '{ protectionCases { edges { node { id } } } }', {}],
        ['protectionCase', 'query ($id: ID!) { protectionCase(id: $id) { id } }', { id: thCase }],
        [
          'protectionCaseForNotification',
          'query ($id: ID!) { protectionCaseForNotification(notificationId: $id) { id } }',
          { id: randomUUID() },
        ],
      ] as const;
      for (const [field, query, variables] of queries) {
        const response = await service.graphql<Record<string, unknown>>(
          query,
          variables,
          {},
          {
            as,
          },
        );
        expect(response.body.data?.[field] ?? null).toBeNull();
        expect(codes(response.body.errors as Errors)).toEqual([
          { code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' },
        ]);
      }
      const before = await eventsOf(thCase);
      const opened = await mutate(
        'openProtectionCase',
        'OpenProtectionCaseInput',
        {
          country: 'TH',
          formOfExploitation: 'SEX_TRAFFICKING',
        },
        as,
      );
      const closed = await mutate(
        'closeProtectionCase',
        'CloseProtectionCaseInput',
        {
          caseId: thCase,
          reason: 'OTHER',
        },
        as,
      );
      for (const { errors } of [opened, closed]) {
        expect(codes(errors)).toEqual([{ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' }]);
      }
      expect(await eventsOf(thCase)).toBe(before);
    },
  );

  it('lets a Thai officer neither read nor touch a Lao case (NOT_FOUND, as for no case; opening one in LA: OUT_OF_SCOPE), writing nothing', async () => {
    const read = await service.graphql(
      'query ($id: ID!) { protectionCase(id: $id) { id } }',
      { id: laCase },
      {},
      { as: thOfficer },
    );
    expect(codes(read.body.errors as Errors)).toEqual([
      { code: 'NOT_FOUND', reason: 'CASE_NOT_FOUND' },
    ]);
    const before = await eventsOf(laCase);
    const note = await mutate('addInvestigationNote', 'AddInvestigationNoteInput', {
      caseId: laCase,
      text: 'Seen at the border',
    });
    const rescue = await mutate('recordRescueOperation', 'RecordRescueOperationInput', {
      caseId: laCase,
      date: '2026-01-17',
      place: 'Vientiane',
      rescuedBeneficiaryIds: [],
    });
    const open = await mutate('openProtectionCase', 'OpenProtectionCaseInput', {
      country: 'LA',
      formOfExploitation: 'SEX_TRAFFICKING',
    });
    for (const { errors } of [note, rescue]) {
      expect(codes(errors)).toEqual([{ code: 'NOT_FOUND', reason: 'CASE_NOT_FOUND' }]);
    }
    expect(codes(open.errors)).toEqual([{ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' }]);
    expect(await eventsOf(laCase)).toBe(before);
    // Nothing was sealed for a case out of scope: no key was made for it.
    const { rows } = await sql.query('SELECT 1 FROM privacy.person_keys WHERE subject_id = $1', [
      laCase,
    ]);
    expect(rows).toEqual([]);
  });

  it('lists only the cases in the caller’s countries; auditors and admins see all', async () => {
    const LIST = `{ protectionCases(first: 100) { edges { node { id country } } } }`;
    type List = { protectionCases: { edges: Array<{ node: { id: string; country: string } }> } };
    const asThai = await service.graphql<List>(LIST, {}, {}, { as: thOfficer });
    const countries = asThai.body.data!.protectionCases.edges.map((edge) => edge.node.country);
    expect(new Set(countries)).toEqual(new Set(['TH']));
    const asAuditor = await service.graphql<List>(LIST, {}, {}, { as: auditor });
    const ids = asAuditor.body.data!.protectionCases.edges.map((edge) => edge.node.id);
    expect(ids).toEqual(expect.arrayContaining([thCase, laCase]));
  });

  it('lets a legal officer read the cases of her countries, never change them', async () => {
    const read = await service.graphql<{ protectionCase: { id: string } }>(
      'query ($id: ID!) { protectionCase(id: $id) { id } }',
      { id: thCase },
      {},
      { as: legalOfficer },
    );
    expect(read.body.data!.protectionCase.id).toBe(thCase);
    const refused = await mutate(
      'reopenProtectionCase',
      'ReopenProtectionCaseInput',
      {
        caseId: thCase,
        reason: 'OTHER',
      },
      legalOfficer,
    );
    expect(codes(refused.errors)).toEqual([{ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' }]);
  });

  it('answers NOT_FOUND for a case that does not exist', async () => {
    const missing = await mutate('closeProtectionCase', 'CloseProtectionCaseInput', {
      caseId: randomUUID(),
      reason: 'OTHER',
    });
    expect(codes(missing.errors)).toEqual([{ code: 'NOT_FOUND', reason: 'CASE_NOT_FOUND' }]);
  });

  it('refuses a case or victim id that is not a UUID with BAD_USER_INPUT, naming the field', async () => {
    for (const [input, field] of [
      [{ caseId: 'not-a-uuid', reason: 'OTHER' }, 'caseId'],
      [
        { caseId: randomUUID(), beneficiaryId: 'x', step: 'DOCUMENTS', date: '2026-11-01' },
        'beneficiaryId',
      ],
    ] as const) {
      const [mutation, type] =
        field === 'caseId'
          ? ['closeProtectionCase', 'CloseProtectionCaseInput']
          : ['recordRepatriationStep', 'RecordRepatriationStepInput'];
      const refused = await mutate(mutation, type, input);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field, messages: [`${field} must be a UUID`] }],
      });
    }
  });
});

describe('listing cases', () => {
  it('filters by country, status, form of exploitation, minors and opening time, and pages with cursors', async () => {
    const since = new Date();
    const girl = await registerBeneficiary(service, { country: 'MM', sex: 'FEMALE', minor: true });
    const mmOfficer = officer(['MM'], 'officer-mm');
    const opened: string[] = [];
    for (const form of ['FORCED_MARRIAGE', 'FORCED_MARRIAGE', 'SEXUAL_ABUSE']) {
      opened.push((await openCase({ country: 'MM', formOfExploitation: form }, mmOfficer)).caseId);
    }
    await addVictim({ caseId: opened[1], beneficiaryId: girl }, mmOfficer);
    await ok(
      'closeProtectionCase',
      'CloseProtectionCaseInput',
      {
        caseId: opened[0],
        reason: 'NO_VICTIM_FOUND',
      },
      mmOfficer,
    );

    const LIST = `
      query ($filter: Boolean, $status: ProtectionCaseStatus, $form: FormOfExploitation, $from: DateTime, $first: Int!, $after: String) {
        protectionCases(country: MM, hasMinors: $filter, status: $status, formOfExploitation: $form, openedFrom: $from, first: $first, after: $after) {
          edges { node { id } } pageInfo { hasNextPage endCursor }
        }
      }`;
    type List = {
      protectionCases: {
        edges: Array<{ node: { id: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const list = async (variables: Record<string, unknown>) => {
      const response = await service.graphql<List>(
        LIST,
        { first: 20, from: since, ...variables },
        {},
        {
          as: mmOfficer,
        },
      );
      expect(response.body.errors).toBeUndefined();
      return response.body.data!.protectionCases;
    };
    const ids = async (variables: Record<string, unknown>) =>
      (await list(variables)).edges.map((edge) => edge.node.id);

    expect(await ids({})).toEqual(opened);
    expect(await ids({ filter: true })).toEqual([opened[1]]);
    expect(await ids({ status: 'CLOSED' })).toEqual([opened[0]]);
    expect(await ids({ form: 'FORCED_MARRIAGE', status: 'OPEN' })).toEqual([opened[1]]);
    expect(await ids({ from: new Date(Date.now() + 60_000) })).toEqual([]);

    const page1 = await list({ first: 2 });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await list({ first: 2, after: page1.pageInfo.endCursor });
    expect([...page1.edges, ...page2.edges].map((edge) => edge.node.id)).toEqual(opened);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });
});
