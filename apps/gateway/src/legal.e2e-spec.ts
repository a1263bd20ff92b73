// The annual report's Good Practice story, through the gateway, with the token of each role: a
// legal officer for TH opens a case for five Lao minors rescued in Thailand who all consented,
// records their falsified passports and the family documents the Lao court and the embassy
// verified, follows the offender to a sentence reduced for a guilty plea, claims compensation from
// the fund, the ministry and the offender, records nine service occasions; a beneficiary who
// declined legal action is refused; the timeline shows it all in order; a protection officer for
// MM and a partner are refused.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase, eventCount, type TestDatabase } from '@haven/platform/testing';
import { Client } from 'pg';
import { migrate, startSystem, SUBGRAPHS, type System } from './testing/system';

interface Response<Data> {
  data?: Data | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

const OFFENDER_MARKER = 'Offender-Name-Marker-K4';
const thb = (baht: number) => ({ amountMinor: baht * 100, currency: 'THB' });

describe('legal assistance: the Good Practice story, through the gateway', () => {
  let database: TestDatabase;
  let system: System;
  let sql: Client;
  const tokens: Record<string, string> = {};

  async function as<Data>(
    who: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Response<Data>> {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Response<Data>;
  }
  async function ok<Data>(
    who: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Data> {
    const response = await as<Data>(who, query, variables);
    expect(response.errors).toBeUndefined();
    return response.data as Data;
  }
  type CasePayload = {
    node: {
      id: string;
      offenders: Array<{ id: string }>;
      evidenceDocuments: Array<{ id: string }>;
      compensationClaims: Array<{ id: string; source: string }>;
    };
  };
  const run = (mutation: string, inputType: string, input: Record<string, unknown>) =>
    ok<Record<string, CasePayload>>(
      'legal',
      `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { id node { id offenders { id } evidenceDocuments { id } compensationClaims { id source } } } }`,
      { input },
    ).then((data) => data[mutation].node);

  beforeAll(async () => {
    database = await createTestDatabase('legal_e2e');
    await migrate(database.url);
    // The two services this story crosses (fewer processes to start on a busy machine).
    const crossed = ['protection', 'legal'];
    system = await startSystem({
      databaseUrl: database.url,
      subgraphs: SUBGRAPHS.filter((entry) => crossed.includes(entry.name)),
    });
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    tokens.protection = await system.token({
      role: 'protection_officer',
      countries: ['TH'],
      subject: 'protection-th-1',
    });
    tokens.legal = await system.token({
      role: 'legal_officer',
      countries: ['TH'],
      subject: 'legal-th-1',
    });
    tokens.protectionMM = await system.token({
      role: 'protection_officer',
      countries: ['MM'],
      subject: 'protection-mm-1',
    });
    tokens.partner = await system.token({ role: 'partner', organisationId: 'lao-lawyers-network' });
    tokens.admin = await system.token({ role: 'admin', subject: 'admin-1' });
  }, 300_000);

  afterAll(async () => {
    await sql?.end();
    await system?.stop();
    await database?.drop();
  }, 60_000);

  it('follows the case from opening to compensation, and shows it on the timeline', async () => {
    // Protection registers the five Lao minors rescued in Rayong, and a sixth girl; the five
    // consent to legal action, the sixth declines.
    const register = async (legalAction: boolean) => {
      const { registerBeneficiary } = await ok<{ registerBeneficiary: { beneficiaryId: string } }>(
        'protection',
        `mutation ($input: RegisterBeneficiaryInput!) { registerBeneficiary(input: $input) { beneficiaryId } }`,
        { input: { country: 'TH', sex: 'FEMALE', minor: true, nationalityCode: 'LA' } },
      );
      const id = registerBeneficiary.beneficiaryId;
      await ok(
        'protection',
        `mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { beneficiaryId } }`,
        {
          input: {
            beneficiaryId: id,
            kind: 'LEGAL_ACTION',
            given: legalAction,
            recordedOn: '2019-11-02',
          },
        },
      );
      return id;
    };
    const girls: string[] = [];
    for (let i = 0; i < 5; i++) girls.push(await register(true));
    const declined = await register(false);

    // 1. The legal officer opens the case for the five, and records their documents.
    const { openLegalCase } = await ok<{ openLegalCase: { id: string } }>(
      'legal',
      `mutation ($input: OpenLegalCaseInput!) { openLegalCase(input: $input) { id } }`,
      {
        input: {
          kind: 'SEX_TRAFFICKING',
          country: 'TH',
          province: 'Rayong',
          court: 'Rayong Provincial Court',
          stage: 'INVESTIGATION',
          openedOn: '2019-11-05',
          parties: girls.map((beneficiaryId) => ({ beneficiaryId, role: 'VICTIM' })),
        },
      },
    );
    const caseId = openLegalCase.id;
    for (const beneficiaryId of girls) {
      const passport = await run('recordEvidenceDocument', 'RecordEvidenceDocumentInput', {
        caseId,
        beneficiaryId,
        kind: 'PASSPORT',
        issuingCountry: 'LA',
        content: 'age raised to 19',
        on: '2019-11-10',
      });
      const passportId = passport!.evidenceDocuments.at(-1)!.id;
      await run('verifyEvidenceDocument', 'VerifyEvidenceDocumentInput', {
        caseId,
        documentId: passportId,
        verifiedBy: 'COURT',
        finding: 'FALSIFIED',
        on: '2020-06-01',
      });
      const family = await run('recordEvidenceDocument', 'RecordEvidenceDocumentInput', {
        caseId,
        beneficiaryId,
        kind: 'FAMILY_REGISTER',
        issuingCountry: 'LA',
        on: '2020-03-01',
      });
      const familyId = family!.evidenceDocuments.at(-1)!.id;
      for (const verifiedBy of ['FAMILY', 'COURT', 'EMBASSY']) {
        await run('verifyEvidenceDocument', 'VerifyEvidenceDocumentInput', {
          caseId,
          documentId: familyId,
          verifiedBy,
          finding: 'CONFIRMED',
          on: '2020-05-15',
        });
      }
    }

    // 2. The offender: under investigation, in custody, sentenced; the sentence halved on a guilty plea.
    const withOffender = await run('addOffender', 'AddOffenderInput', {
      caseId,
      kind: 'ADULT_MALE',
      nationality: 'TH',
      identity: { names: OFFENDER_MARKER },
      on: '2019-11-06',
    });
    const offenderId = withOffender!.offenders[0].id;
    await run('changeOffenderStatus', 'ChangeOffenderStatusInput', {
      caseId,
      offenderId,
      status: 'IN_CUSTODY',
      on: '2019-11-20',
    });
    await run('recordVerdict', 'RecordVerdictInput', {
      caseId,
      offenderId,
      outcome: 'CONVICTED',
      pronounced: { termYears: 25, termMonths: 6, fine: thb(77_000) },
      final: { termYears: 12, termMonths: 9, fine: thb(38_500) },
      on: '2020-10-15',
    });

    // 3. Compensation from the fund, the ministry and the offender; approved; one payment.
    for (const [source, claimed, approved] of [
      ['STATE_FUND', 50_000, 30_000],
      ['MINISTRY', 20_000, 20_000],
      ['OFFENDER', 100_000, 60_000],
    ] as const) {
      const claim = await run('claimCompensation', 'ClaimCompensationInput', {
        caseId,
        beneficiaryId: girls[0],
        source,
        claimed: thb(claimed),
        on: '2020-10-16',
      });
      const claimId = claim!.compensationClaims.find((c) => c.source === source)!.id;
      await run('approveCompensation', 'ApproveCompensationInput', {
        caseId,
        claimId,
        approved: thb(approved),
        on: '2020-11-01',
      });
      if (source === 'STATE_FUND') {
        await run('receiveCompensationPayment', 'ReceiveCompensationPaymentInput', {
          caseId,
          claimId,
          amount: thb(10_000),
          on: '2020-12-01',
        });
        const over = await as(
          'legal',
          `mutation ($input: ReceiveCompensationPaymentInput!) { receiveCompensationPayment(input: $input) { id } }`,
          {
            input: { caseId, claimId, amount: thb(20_001), on: '2020-12-02' },
          },
        );
        expect(over.errors?.[0].extensions).toMatchObject({
          code: 'CONFLICT',
          reason: 'PAYMENT_EXCEEDS_APPROVED',
        });
      }
    }

    // 4. Nine service occasions, one of each kind.
    const kinds = [
      'REPORTING_TO_POLICE',
      'MEETING_PROSECUTOR',
      'PREPARING_VICTIM_FOR_TRIAL',
      'ATTENDING_HEARING',
      'INTERVIEWING_BENEFICIARY_OR_FAMILY',
      'ACTING_AS_JOINT_PLAINTIFF',
      'COORDINATING_WITH_INQUIRY_OFFICIAL',
      'DRAFTING_DOCUMENTS',
      'LEGAL_CONSULTATION',
    ];
    for (const kind of kinds) {
      await run('recordLegalServiceOccasion', 'RecordServiceOccasionInput', {
        caseId,
        kind,
        on: '2020-08-01',
        beneficiaryIds: girls,
      });
    }

    // 5. The girl who declined legal action is refused on the case, and nothing is written.
    const before = await eventCount(sql);
    const refused = await as(
      'legal',
      `mutation ($input: AddBeneficiaryToLegalCaseInput!) { addBeneficiaryToLegalCase(input: $input) { id } }`,
      {
        input: {
          caseId,
          party: { beneficiaryId: declined, role: 'WITNESS' },
          joinedOn: '2020-01-01',
        },
      },
    );
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NO_LEGAL_ACTION_CONSENT',
    });
    expect(await eventCount(sql)).toBe(before);

    // The case as the legal officer reads it.
    const { legalCase } = await ok<{
      legalCase: Record<string, unknown> & {
        offenders: Array<Record<string, unknown>>;
        serviceOccasions: { totalCount: number; edges: unknown[] };
        compensationClaims: Array<Record<string, unknown>>;
      };
    }>(
      'legal',
      `query ($id: ID!) { legalCase(id: $id) {
        parties { beneficiaryId }
        offenders { status statusSince verdict { outcome pronounced { termYears termMonths fine { amountMinor currency } } final { termYears termMonths fine { amountMinor currency } } } }
        serviceOccasions(first: 20) { totalCount edges { node { kind } } }
        compensationClaims { source approved { amountMinor } paid { amountMinor } }
        evidenceDocuments { kind issuingCountry }
      } }`,
      { id: caseId },
    );
    expect(legalCase.offenders).toEqual([
      {
        status: 'SENTENCED',
        statusSince: '2020-10-15',
        verdict: {
          outcome: 'CONVICTED',
          pronounced: {
            termYears: 25,
            termMonths: 6,
            fine: { amountMinor: 7_700_000, currency: 'THB' },
          },
          final: {
            termYears: 12,
            termMonths: 9,
            fine: { amountMinor: 3_850_000, currency: 'THB' },
          },
        },
      },
    ]);
    expect(legalCase.serviceOccasions.totalCount).toBe(9);
    expect(legalCase.serviceOccasions.edges).toHaveLength(9);
    expect(legalCase.compensationClaims).toEqual([
      {
        source: 'STATE_FUND',
        approved: { amountMinor: 3_000_000 },
        paid: { amountMinor: 1_000_000 },
      },
      { source: 'MINISTRY', approved: { amountMinor: 2_000_000 }, paid: { amountMinor: 0 } },
      { source: 'OFFENDER', approved: { amountMinor: 6_000_000 }, paid: { amountMinor: 0 } },
    ]);
    expect(legalCase.evidenceDocuments).toHaveLength(10);
    const { legalCases } = await ok<{ legalCases: { totalCount: number } }>(
      'legal',
      '{ legalCases(country: TH, offenderStatus: SENTENCED, yearOpened: 2019) { totalCount } }',
    );
    expect(legalCases.totalCount).toBe(1);

    // 6. Her timeline lists all of it, in order, and no personal data.
    let types: string[] = [];
    for (let attempt = 0; attempt < 50; attempt++) {
      const { beneficiary } = await ok<{
        beneficiary: { timeline: { edges: Array<{ node: { type: string; position: number } }> } };
      }>(
        'legal',
        `query ($id: ID!) { beneficiary(id: $id) { timeline(first: 100) { edges { node { type position } } } } }`,
        { id: girls[0] },
      );
      types = beneficiary.timeline.edges.map((edge) => edge.node.type);
      if (types.filter((type) => type === 'LegalServiceOccasionRecorded').length === 9) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const legal = types.filter(
      (type) => !['BeneficiaryRegistered', 'ConsentRecorded'].includes(type),
    );
    expect(legal).toEqual([
      'LegalCaseOpened',
      'LegalCaseBeneficiaryJoined',
      // Her passport found falsified by the court; her family register confirmed by her family,
      // the court and the embassy (recording a document is internal: its content is sealed).
      ...Array(4).fill('EvidenceVerified'),
      'OffenderStatusChanged',
      'OffenderStatusChanged',
      'VerdictRecorded',
      'OffenderStatusChanged',
      'CompensationClaimed',
      'CompensationApproved',
      'CompensationPaymentReceived',
      'CompensationClaimed',
      'CompensationApproved',
      'CompensationClaimed',
      'CompensationApproved',
      ...Array(9).fill('LegalServiceOccasionRecorded'),
    ]);
    const stored = (
      await sql.query(
        `SELECT data::text AS d FROM event_store.events WHERE stream_id LIKE 'legalcase-%'`,
      )
    ).rows
      .map((row) => row.d)
      .join('');
    expect(stored).not.toContain(OFFENDER_MARKER);
    expect(stored).not.toContain('age raised');

    // 7. A protection officer for MM and a partner are refused: the officer by legal's policy,
    // the partner already by the gateway (partners send only trusted documents, and none of
    // them reads legal cases).
    for (const [who, code] of [
      ['protectionMM', 'FORBIDDEN'],
      ['partner', 'PERSISTED_QUERY_REQUIRED'],
    ]) {
      const answer = await as<{ legalCase: unknown }>(
        who,
        `query ($id: ID!) { legalCase(id: $id) { id offenders { id } } }`,
        { id: caseId },
      );
      expect(answer.errors?.[0].extensions?.code).toBe(code);
      expect(answer.data?.legalCase ?? null).toBeNull();
    }
  }, 240_000);

  it('loads legal’s demo cases in TH and LA once, however often the seed runs', async () => {
    // The demo beneficiaries the seed works with: registered (by an admin) in TH and LA.
    const registered = async (country: string, minor: boolean) => {
      const { registerBeneficiary } = await ok<{ registerBeneficiary: { beneficiaryId: string } }>(
        'admin',
        `mutation ($input: RegisterBeneficiaryInput!) { registerBeneficiary(input: $input) { beneficiaryId } }`,
        { input: { country, sex: 'FEMALE', minor } },
      );
      return { id: registerBeneficiary.beneficiaryId, country, minor };
    };
    const people: Array<{ id: string; country: string; minor: boolean }> = [];
    for (const [country, minor, count] of [
      ['TH', true, 6],
      ['TH', false, 1],
      ['LA', true, 2],
      ['LA', false, 1],
    ] as const) {
      for (let i = 0; i < count; i++) people.push(await registered(country, minor));
    }
    // Legal's part of `npm run seed:demo`, in a process of its own as the seed runs.
    const seed = () =>
      new Promise<string>((resolve, reject) => {
        const script = `require('./tools/seed/legal-demo').seedLegalDemo(process.env.HAVEN_GATEWAY_URL, JSON.parse(process.env.PEOPLE)).then((said) => console.log(said), (error) => { console.error(error.message); process.exit(1); })`;
        const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', script], {
          cwd: path.resolve(__dirname, '../../..'),
          env: {
            ...process.env,
            HAVEN_GATEWAY_URL: system.gatewayUrl,
            HAVEN_KEYS_DIR: system.keysDir,
            PEOPLE: JSON.stringify(people),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        child.stderr.on('data', (chunk) => (out += chunk));
        child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(out))));
      });
    const legalCaseStreams = async () =>
      Number(
        (
          await sql.query(
            `SELECT count(DISTINCT stream_id) AS n FROM event_store.events WHERE stream_id LIKE 'legalcase-%'`,
          )
        ).rows[0].n,
      );
    const before = await legalCaseStreams();

    expect(await seed()).toBe('5 legal cases opened in TH and LA, 2 advocacy actions');
    expect(await legalCaseStreams()).toBe(before + 5);
    const { legalCases } = await ok<{ legalCases: { totalCount: number } }>(
      'admin',
      '{ legalCases(country: LA) { totalCount } }',
    );
    expect(legalCases.totalCount).toBe(2);
    // The Good Practice case: sentenced, with compensation approved from three sources.
    const { sentenced } = await ok<{ sentenced: { totalCount: number } }>(
      'admin',
      '{ sentenced: legalCases(country: TH, offenderStatus: SENTENCED, yearOpened: 2019) { totalCount } }',
    );
    expect(sentenced.totalCount).toBe(2); // the story's case above, and the seed's

    expect(await seed()).toBe('0 legal cases opened in TH and LA, 0 advocacy actions');
    expect(await legalCaseStreams()).toBe(before + 5);
  }, 240_000);
});
