// The protection process end to end, through the gateway, each step with the token of the role
// that takes it: a watchdog notifies, a network coordinator validates and refers, protection
// opens the case from the referral it reads on the log, an officer registers two victims (one a
// minor) and records the rescue, the identification, the shelter placement and the return, then
// closes the case; the timeline shows all of it in order; partners and watchdogs are refused.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, eventCount, type TestDatabase } from '@haven/platform/testing';
import { Client } from 'pg';
import { migrate, startSystem, type System } from './testing/system';

interface GraphQLResponse<Data> {
  status: number;
  data?: Data | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

/** The id of a trusted document (apps/gateway/trusted-documents) whose text is `query`. */
function trustedDocumentId(query: string): string {
  return `sha256:${createHash('sha256').update(query.trim(), 'utf8').digest('hex')}`;
}

const PROTECTION_CASE_DOCUMENT = readFileSync(
  path.resolve(__dirname, '../trusted-documents/protection-case.graphql'),
  'utf8',
);

describe('from a watchdog’s notification to a safely returned victim, through the gateway', () => {
  let database: TestDatabase;
  let system: System;
  let sql: Client;
  const tokens: Record<string, string> = {};
  const WATCHDOG_ID = randomUUID();

  async function as<Data>(
    who: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<Data>> {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` },
      // A partner may send only trusted documents: those by id, anything else as text (refused).
      body: JSON.stringify(
        who === 'partner' && query === PROTECTION_CASE_DOCUMENT
          ? { documentId: trustedDocumentId(query), variables }
          : { query, variables },
      ),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }

  /** The data of a response that must have succeeded. */
  async function ok<Data>(
    who: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Data> {
    const response = await as<Data>(who, query, variables);
    expect(response.errors).toBeUndefined();
    return response.data as Data;
  }

  beforeAll(async () => {
    database = await createTestDatabase('flow_e2e');
    await migrate(database.url);
    system = await startSystem({ databaseUrl: database.url });
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    tokens.coordinator = await system.token({
      role: 'network_coordinator',
      countries: ['TH'],
      subject: 'coordinator-th-1',
    });
    // A watchdog's token is bound to its record: its subject is the watchdog's id.
    await ok(
      'coordinator',
      `mutation ($input: RegisterWatchdogInput!) { registerWatchdog(input: $input) { watchdogId } }`,
      {
        input: {
          id: WATCHDOG_ID,
          kind: 'INDIVIDUAL',
          country: 'TH',
          province: 'Chiang Rai',
          joinedOn: '2020-01-15',
          trained: true,
        },
      },
    );
    tokens.watchdog = await system.token({ role: 'watchdog', subject: WATCHDOG_ID });
    tokens.officer = await system.token({
      role: 'protection_officer',
      countries: ['TH'],
      subject: 'officer-th-3',
    });
    tokens.partner = await system.token({ role: 'partner', organisationId: 'ngo-a' });
  }, 180_000);

  afterAll(async () => {
    await sql?.end();
    await system?.stop();
    await database?.drop();
  }, 60_000);

  it('follows one case from notification to return, and shows it all on the timeline', async () => {
    // 1. A watchdog submits a notification: two possible victims, one a minor.
    const submitted = await ok<{ submitCaseNotification: { notificationId: string } }>(
      'watchdog',
      `mutation ($input: SubmitCaseNotificationInput!) {
        submitCaseNotification(input: $input) { notificationId status }
      }`,
      {
        input: {
          formOfExploitation: 'SEX_TRAFFICKING',
          country: 'TH',
          province: 'Chiang Rai',
          possibleVictims: 2,
          minors: 1,
        },
      },
    );
    const notificationId = submitted.submitCaseNotification.notificationId;
    const mine = await ok<{ myCaseNotifications: { edges: Array<{ node: unknown }> } }>(
      'watchdog',
      '{ myCaseNotifications { edges { node { id status } } } }',
    );
    expect(mine.myCaseNotifications.edges.map((edge) => edge.node)).toEqual([
      { id: notificationId, status: 'SUBMITTED' },
    ]);

    // 2. A network coordinator validates it and refers it to protection.
    for (const mutation of ['validateCaseNotification', 'referCaseNotification']) {
      await ok(
        'coordinator',
        `mutation ($id: ID!) { ${mutation}(input: { notificationId: $id }) { status } }`,
        {
          id: notificationId,
        },
      );
    }

    // 3. Protection reads the referral on the log and opens the case; the officer finds it.
    let caseId: string | undefined;
    const deadline = Date.now() + 15_000;
    while (!caseId && Date.now() < deadline) {
      const found = await ok<{ protectionCaseForNotification: { id: string } | null }>(
        'officer',
        'query ($id: ID!) { protectionCaseForNotification(notificationId: $id) { id } }',
        { id: notificationId },
      );
      caseId = found.protectionCaseForNotification?.id;
      if (!caseId) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(caseId).toBeDefined();

    // The officer registers the two victims, one a minor, and adds them to the case.
    const victims: string[] = [];
    for (const minor of [false, true]) {
      const registered = await ok<{ registerBeneficiary: { beneficiaryId: string } }>(
        'officer',
        `mutation ($input: RegisterBeneficiaryInput!) {
          registerBeneficiary(input: $input) { beneficiaryId }
        }`,
        {
          input: {
            country: 'TH',
            sex: 'FEMALE',
            minor,
            personal: { givenName: minor ? 'Fictional Minor' : 'Fictional Adult' },
          },
        },
      );
      victims.push(registered.registerBeneficiary.beneficiaryId);
      await ok(
        'officer',
        `mutation ($input: AddVictimToCaseInput!) { addVictimToCase(input: $input) { streamVersion } }`,
        { input: { caseId, beneficiaryId: registered.registerBeneficiary.beneficiaryId, minor } },
      );
    }

    // 4. The rescue, the identification, the shelter placement, the return, and the closure.
    const record = (mutation: string, input: Record<string, unknown>) =>
      ok(
        'officer',
        `mutation ($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { streamVersion } }`,
        {
          input: { caseId, ...input },
        },
      );
    await record('recordRescueOperation', {
      date: '2026-11-01',
      place: 'Mae Sai',
      partnerAgencies: ['Provincial police'],
      rescuedBeneficiaryIds: victims,
    });
    await record('recordGuardianContact', { kind: 'SHELTER', details: 'Shelter duty phone' });
    for (const beneficiaryId of victims) {
      await record('recordVictimIdentification', {
        beneficiaryId,
        outcome: 'OFFICIALLY_IDENTIFIED',
        date: '2026-11-02',
      });
      await record('recordShelterPlacement', {
        beneficiaryId,
        shelterName: 'Chiang Rai shelter',
        from: '2026-11-02',
        to: '2026-11-20',
      });
      for (const step of [
        'FAMILY_TRACING',
        'DOCUMENTS',
        'ESCORTED_JOURNEY',
        'RECEPTION',
        'FOLLOW_UP',
      ]) {
        await record('recordRepatriationStep', { beneficiaryId, step, date: '2026-11-21' });
      }
    }
    await record('closeProtectionCase', { reason: 'VICTIMS_RETURNED' });

    // 5. The timeline returns all of it, in order, with who did it.
    const { protectionCase } = await ok<{
      protectionCase: {
        status: string;
        timeline: {
          edges: Array<{ node: { position: number; type: string; actorId: string; role: string } }>;
        };
      };
    }>(
      'officer',
      `query ($id: ID!) {
        protectionCase(id: $id) {
          status
          timeline(first: 50) { edges { node { position type actorId role occurredAt } } }
        }
      }`,
      { id: caseId },
    );
    expect(protectionCase.status).toBe('CLOSED');
    const entries = protectionCase.timeline.edges.map((edge) => edge.node);
    const positions = entries.map((entry) => entry.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const types = entries.map((entry) => entry.type);
    const firstOf = (type: string) => types.indexOf(type);
    for (const type of [
      'CaseNotificationSubmitted',
      'CaseNotificationValidated',
      'CaseNotificationReferred',
      'ProtectionCaseOpened',
      'VictimAddedToCase',
      'RescueOperationRecorded',
      'VictimIdentificationRecorded',
      'ShelterPlacementRecorded',
      'RepatriationStepRecorded',
      'ProtectionCaseClosed',
    ]) {
      expect(types).toContain(type);
    }
    expect(firstOf('CaseNotificationSubmitted')).toBeLessThan(firstOf('CaseNotificationReferred'));
    expect(firstOf('CaseNotificationReferred')).toBeLessThan(firstOf('ProtectionCaseOpened'));
    expect(firstOf('RescueOperationRecorded')).toBeLessThan(firstOf('ShelterPlacementRecorded'));
    expect(types[types.length - 1]).toBe('ProtectionCaseClosed');
    expect(types.filter((type) => type === 'RepatriationStepRecorded')).toHaveLength(10);
    const who = Object.fromEntries(entries.map((entry) => [entry.type, entry.actorId]));
    expect(who).toMatchObject({
      CaseNotificationSubmitted: WATCHDOG_ID,
      CaseNotificationValidated: 'coordinator-th-1',
      RescueOperationRecorded: 'officer-th-3',
      ProtectionCaseClosed: 'officer-th-3',
    });

    // 6. The same queries with a partner's or a watchdog's token are refused, and write nothing.
    const before = await eventCount(sql);
    for (const who of ['partner', 'watchdog']) {
      // The trusted document, so that the partner's refusal is the policy's, not the gateway's.
      const read = await as<{ protectionCase: unknown }>(who, PROTECTION_CASE_DOCUMENT, {
        id: caseId,
      });
      expect(read.data?.protectionCase ?? null).toBeNull();
      expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(read)).not.toContain('CLOSED');
      const write = await as(
        who,
        'mutation ($input: CloseProtectionCaseInput!) { closeProtectionCase(input: $input) { streamVersion } }',
        { input: { caseId, reason: 'OTHER' } },
      );
      expect(write.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|PERSISTED_QUERY_REQUIRED)$/);
      const validate = await as(
        who,
        'mutation ($id: ID!) { validateCaseNotification(input: { notificationId: $id }) { status } }',
        { id: notificationId },
      );
      expect(validate.errors?.[0]?.extensions?.code).toMatch(
        /^(FORBIDDEN|PERSISTED_QUERY_REQUIRED)$/,
      );
    }
    expect(await eventCount(sql)).toBe(before);
  }, 120_000);
});
