// The legal subgraph against its real app and PostgreSQL: consent from protection's events on the
// log, bad input refused with nothing written, sealed offender identities read only by legal
// officers and admins through the access log, scope by country, and Beneficiary's legal fields.
import { randomUUID } from 'node:crypto';
import type { Principal } from '@haven/platform/security';
import { legalTH, useLegalService } from './testing/legal-spec-harness';

const MARKER = 'Marker-Offender-Zq7';
const officer = (countries: string[], role: Principal['role'] = 'legal_officer'): Principal => ({
  subject: `${role}-${countries.join('')}`,
  role,
  countries,
  organisationId: role === 'partner' ? randomUUID() : null,
});

const legal = useLegalService();
const [ana, dao, unknown] = [randomUUID(), randomUUID(), randomUUID()];

const OPEN = `mutation ($input: OpenLegalCaseInput!) {
  openLegalCase(input: $input) { id streamVersion node { id country stage parties { beneficiaryId role } } }
}`;
const openInput = (beneficiaryId: string) => ({
  kind: 'SEX_TRAFFICKING',
  country: 'TH',
  province: 'Rayong',
  court: 'Rayong Provincial Court',
  stage: 'INVESTIGATION',
  openedOn: '2019-06-01',
  parties: [{ beneficiaryId, role: 'VICTIM' }],
});

beforeAll(async () => {
  await legal.registerBeneficiary(ana, true);
  await legal.registerBeneficiary(dao, false);
});

describe('legal subgraph', () => {
  let caseId: string;

  it('opens a case for a beneficiary who consented, and refuses one who declined or is unknown, writing nothing', async () => {
    const opened = await legal.as<{ openLegalCase: { id: string; node: unknown } }>(legalTH, OPEN, {
      input: openInput(ana),
    });
    expect(opened.errors).toBeUndefined();
    caseId = opened.data!.openLegalCase.id;
    expect(opened.data!.openLegalCase.node).toEqual({
      id: caseId,
      country: 'TH',
      stage: 'INVESTIGATION',
      parties: [{ beneficiaryId: ana, role: 'VICTIM' }],
    });

    const before = await legal.eventCount();
    const declined = await legal.as(legalTH, OPEN, { input: openInput(dao) });
    expect(declined.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NO_LEGAL_ACTION_CONSENT',
    });
    const stranger = await legal.as(legalTH, OPEN, { input: openInput(unknown) });
    expect(stranger.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'UNKNOWN_BENEFICIARY',
    });
    expect(await legal.eventCount()).toBe(before);
  });

  it('refuses bad input with a code, quoting no value, and writes nothing', async () => {
    const before = await legal.eventCount();
    const bad = async (query: string, input: Record<string, unknown>, quoted: string) => {
      const body = await legal.as(legalTH, query, { input });
      expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(body.errors)).not.toContain(quoted);
    };
    const CLAIM =
      'mutation ($input: ClaimCompensationInput!) { claimCompensation(input: $input) { id } }';
    const claim = { caseId, beneficiaryId: ana, source: 'STATE_FUND', on: '2020-01-01' };
    await bad(CLAIM, { ...claim, claimed: { amountMinor: -98765, currency: 'THB' } }, '98765');
    await bad(CLAIM, { ...claim, claimed: { amountMinor: 98765 } }, '98765');
    const STATUS =
      'mutation ($input: ChangeOffenderStatusInput!) { changeOffenderStatus(input: $input) { id } }';
    await bad(
      STATUS,
      { caseId, offenderId: randomUUID(), status: 'VANISHED_XQ', on: '2020-01-01' },
      'VANISHED_XQ',
    );
    const VERDICT =
      'mutation ($input: RecordVerdictInput!) { recordVerdict(input: $input) { id } }';
    await bad(
      VERDICT,
      {
        caseId,
        offenderId: randomUUID(),
        outcome: 'CONVICTED',
        pronounced: { termYears: 3, termMonths: -1 },
        on: '2020-01-01',
      },
      '-1',
    );
    const long = `${MARKER}${'x'.repeat(300)}`;
    await bad(OPEN, { ...openInput(ana), court: long }, MARKER);
    await bad(OPEN, { ...openInput(ana), openedOn: '2999-01-01' }, '2999');
    await bad(OPEN, { ...openInput(ana), exploitedIn: 'Soi_Six_bar' }, 'Soi_Six_bar');
    expect(await legal.eventCount()).toBe(before);
  });

  it('seals an offender’s identity with its own key: read by legal officers and admins only, each read logged', async () => {
    const ADD = `mutation ($input: AddOffenderInput!) { addOffender(input: $input) { node { id } } }`;
    const added = await legal.as(legalTH, ADD, {
      input: {
        caseId,
        kind: 'ADULT_MALE',
        nationality: 'TH',
        identity: { names: MARKER, aliases: 'Boss' },
        on: '2019-06-02',
      },
    });
    expect(added.errors).toBeUndefined();
    const { rows } = await legal.sql.query(
      `SELECT data::text AS data FROM event_store.events WHERE type = 'OffenderAdded'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].data).not.toContain(MARKER);
    const offenderId = JSON.parse(rows[0].data).offenderId as string;
    expect(
      (
        await legal.sql.query(
          'SELECT count(*) AS n FROM privacy.person_keys WHERE subject_id = $1',
          [offenderId],
        )
      ).rows[0].n,
    ).toBe('1');

    const IDENTITY = `query ($id: ID!) { offenderIdentity(offenderId: $id, purpose: "hearing") { names aliases erased } }`;
    const read = await legal.as<{ offenderIdentity: unknown }>(legalTH, IDENTITY, {
      id: offenderId,
    });
    expect(read.data?.offenderIdentity).toEqual({ names: MARKER, aliases: 'Boss', erased: false });
    const log = await legal.sql.query(
      'SELECT actor_id, record_type, fields FROM privacy.access_log WHERE record_id = $1',
      [offenderId],
    );
    expect(log.rows).toEqual([
      { actor_id: legalTH.subject, record_type: 'Offender', fields: ['names', 'aliases', 'notes'] },
    ]);

    for (const principal of [
      officer(['TH'], 'auditor'),
      officer(['TH'], 'protection_officer'),
      officer([], 'partner'),
      officer(['LA']),
    ]) {
      const refused = await legal.as(principal, IDENTITY, { id: offenderId });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(refused)).not.toContain(MARKER);
    }
    expect(
      (
        await legal.sql.query('SELECT count(*) AS n FROM privacy.access_log WHERE record_id = $1', [
          offenderId,
        ])
      ).rows[0].n,
    ).toBe('1');
    expect(legal.service.rawLogs()).not.toContain(MARKER);
  });

  it('stops new actions for a beneficiary once she withdraws consent; existing records stay', async () => {
    const OCCASION = `mutation ($input: RecordServiceOccasionInput!) { recordLegalServiceOccasion(input: $input) { id } }`;
    const input = { caseId, kind: 'MEETING_PROSECUTOR', on: '2019-07-01', beneficiaryIds: [ana] };
    expect((await legal.as(legalTH, OCCASION, { input })).errors).toBeUndefined();
    await legal.recordConsent(ana, false, '2019-08-01');
    const refused = await legal.as(legalTH, OCCASION, { input });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NO_LEGAL_ACTION_CONSENT',
    });
    const kept = await legal.as<{ legalCase: { serviceOccasions: unknown } }>(
      legalTH,
      `query ($id: ID!) { legalCase(id: $id) { serviceOccasions(first: 10) { totalCount edges { node { kind } } } } }`,
      { id: caseId },
    );
    expect(kept.data?.legalCase.serviceOccasions).toEqual({
      totalCount: 1,
      edges: [{ node: { kind: 'MEETING_PROSECUTOR' } }],
    });
  });

  it('lists cases by filters within the reader’s countries; partners, watchdogs, analysts and other countries see nothing', async () => {
    const LIST = `query ($stage: LegalCaseStage, $status: OffenderStatus, $year: Int, $ongoing: Int) {
      legalCases(stage: $stage, offenderStatus: $status, yearOpened: $year, ongoingIn: $ongoing) { totalCount edges { node { id } } }
    }`;
    const count = async (principal: Principal, variables: Record<string, unknown>) =>
      (await legal.as<{ legalCases: { totalCount: number } }>(principal, LIST, variables)).data
        ?.legalCases.totalCount;
    expect(await count(legalTH, {})).toBe(1);
    expect(
      await count(legalTH, { stage: 'INVESTIGATION', status: 'UNDER_INVESTIGATION', year: 2019 }),
    ).toBe(1);
    expect(await count(legalTH, { ongoing: 2020 })).toBe(1);
    expect(await count(legalTH, { status: 'SENTENCED' })).toBe(0);
    expect(await count(legalTH, { year: 2020 })).toBe(0);
    expect(await count(officer(['LA']), {})).toBe(0);
    for (const role of ['partner', 'watchdog', 'analyst', 'protection_officer'] as const) {
      const body = await legal.as(officer(['TH'], role), LIST);
      expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('adds legalCases and legalCaseCount to protection’s Beneficiary', async () => {
    const body = await legal.as<{ _entities: unknown[] }>(
      legalTH,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Beneficiary { id legalCaseCount legalCases { id } } } }`,
      { r: [{ __typename: 'Beneficiary', id: ana }] },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toEqual([
      { id: ana, legalCaseCount: 1, legalCases: [{ id: caseId }] },
    ]);
  });

  // Last: it opens another case, which the counts above do not expect.
  it('records where a case’s exploitation happened, apart from its country of operation', async () => {
    const consenting = randomUUID();
    await legal.registerBeneficiary(consenting, true);
    const opened = await legal.as<{ openLegalCase: { node: { exploitedIn: string | null } } }>(
      legalTH,
      `mutation ($input: OpenLegalCaseInput!) { openLegalCase(input: $input) { node { exploitedIn } } }`,
      { input: { ...openInput(consenting), exploitedIn: 'MY' } },
    );
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.openLegalCase.node.exploitedIn).toBe('MY');
  });
});
