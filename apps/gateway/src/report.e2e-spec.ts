// The annual report end to end, through the gateway: a small fictional year recorded through the
// API (networks and protection, the programmes that have landed), with facts dated 31 December
// and 1 January and a case opened the year before. The test works out every expected figure from
// what it recorded and compares each line of programmeReport; a partner sees small cells
// suppressed and cannot difference them back; the CSV and XLSX, parsed back, match the query; the
// page renders in Chromium in English, Thai, Lao and Burmese.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createTestDatabase, type TestDatabase } from '@haven/platform/testing';
import { chromiumAvailable, launchChromium } from './testing/chromium';
import {
  expectedLines,
  FIGURES,
  lineId,
  recoverByDifferencing,
  type ExpectedFact,
  type Line,
} from './testing/report-expectations';
import { migrate, SUBGRAPHS, startSystem, type System } from './testing/system';
import { PROGRAMME_REPORT_DOCUMENT } from './reports/report-client';

const YEAR = 2025;
const THIS_YEAR = new Date().getUTCFullYear();
const COUNTRIES = ['TH', 'LA', 'MM', 'VN', 'OTHER'];
const browser = chromiumAvailable();
if (!browser.ok) console.warn(`report page in Chromium: ${browser.reason}`);

describe('the annual programme report through the gateway', () => {
  let database: TestDatabase;
  let system: System;
  const tokens: Record<string, string> = {};
  const facts: ExpectedFact[] = [];

  async function gql<Data>(who: string, query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: Data;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
    return body;
  }
  async function ok<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
    const body = await gql<Data>('admin', query, variables);
    expect(body.errors).toBeUndefined();
    return body.data as Data;
  }
  const mutate = (name: string, input: Record<string, unknown>, select = 'streamVersion') =>
    ok<Record<string, Record<string, string>>>(
      `mutation ($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${select} } }`,
      { input },
    );

  async function report(who: string, year: number) {
    const body = await gql<{
      programmeReport: { countries: string[]; suppressed: boolean; lines: Line[] };
    }>(who, PROGRAMME_REPORT_DOCUMENT, { year });
    expect(body.errors).toBeUndefined();
    return body.data!.programmeReport;
  }

  /** The report once its projections have caught up with everything recorded. */
  async function settledReport(year: number) {
    const expected = expectedLines(facts, FIGURES, year, COUNTRIES);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const got = await report('admin', year);
      const same = JSON.stringify(sorted(got.lines)) === JSON.stringify(sorted(expected));
      if (same || Date.now() > deadline) return { got, expected };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const sorted = (lines: Line[]) =>
    [...lines]
      .map(({ programme, figure, breakdown, key, values, total }) => ({
        programme,
        figure,
        breakdown,
        key,
        values,
        total,
      }))
      .sort((a, b) => lineId(a).localeCompare(lineId(b)));

  beforeAll(async () => {
    database = await createTestDatabase('report_e2e');
    await migrate(database.url);
    system = await startSystem({
      databaseUrl: database.url,
      subgraphs: SUBGRAPHS.filter((s) => ['networks', 'protection', 'reports'].includes(s.name)),
    });
    tokens.admin = await system.token({ role: 'admin', subject: 'admin-1' });
    tokens.partner = await system.token({
      role: 'partner',
      organisationId: 'ngo-a',
      subject: 'partner-1',
    });
    tokens.officer = await system.token({
      role: 'protection_officer',
      countries: ['TH'],
      subject: 'officer-1',
    });
    await recordTheYear();
  }, 240_000);

  afterAll(async () => {
    await system?.stop();
    await database?.drop();
  }, 60_000);

  async function recordTheYear() {
    // Networks: watchdogs joined the year before, on 31 December, and on 1 January after.
    for (const [kind, province, joinedOn] of [
      ['INDIVIDUAL', 'Udon Thani', '2024-06-01'],
      ['CSO', 'Khon Kaen', '2025-12-31'],
      ['INDIVIDUAL', 'Udon Thani', '2026-01-01'],
    ]) {
      const { registerWatchdog } = await mutate(
        'registerWatchdog',
        { kind, country: 'TH', province, joinedOn, trained: true },
        'watchdogId',
      );
      facts.push({
        programme: 'networks',
        kind: 'watchdog',
        country: 'TH',
        on: joinedOn,
        subject: String(registerWatchdog.watchdogId),
        attributes: { kind, region: province },
      });
    }
    const training = async (
      date: string,
      province: string,
      participants: Array<[string, string, number]>,
    ) => {
      await mutate(
        'recordPreventionActivity',
        {
          kind: 'TRAINING',
          topic: 'ONLINE_SEXUAL_EXPLOITATION',
          date,
          country: 'TH',
          province,
          online: false,
          participants: participants.map(([sex, role, count]) => ({ sex, role, count })),
        },
        'activityId',
      );
      const subject = `${date}/${province}`;
      facts.push({
        programme: 'networks',
        kind: 'trainingSession',
        country: 'TH',
        on: date,
        subject,
      });
      facts.push({
        programme: 'networks',
        kind: 'trainingPlace',
        country: 'TH',
        on: date,
        subject: `TH/${province}/UNKNOWN`,
      });
      for (const [sex, role, count] of participants) {
        facts.push({
          programme: 'networks',
          kind: 'trainingParticipants',
          country: 'TH',
          on: date,
          subject,
          quantity: count,
          attributes: { sex, role },
        });
      }
    };
    await training('2025-12-31', 'Nong Khai', [
      ['FEMALE', 'STUDENTS', 268],
      ['MALE', 'STUDENTS', 186],
      ['FEMALE', 'TEACHERS', 63],
      ['MALE', 'TEACHERS', 49],
    ]);
    await training('2026-01-01', 'Nong Khai', [['FEMALE', 'VILLAGERS', 20]]);
    await mutate(
      'recordPreventionActivity',
      {
        kind: 'CAMPAIGN',
        topic: 'FORCED_MARRIAGE',
        date: '2025-03-01',
        country: 'MM',
        online: true,
        reach: 1200,
      },
      'activityId',
    );
    facts.push({
      programme: 'networks',
      kind: 'campaignReach',
      country: 'MM',
      on: '2025-03-01',
      subject: 'campaign',
      quantity: 1200,
    });

    // Protection. A beneficiary registered with her nationality (a code, in clear) and birth date.
    const register = async (
      nationalityCode: string,
      minor: boolean,
      dateOfBirth: string,
      country = 'TH',
    ) => {
      const { registerBeneficiary } = await mutate(
        'registerBeneficiary',
        {
          country,
          sex: 'FEMALE',
          minor,
          nationalityCode,
          personal: { givenName: 'Fictional', dateOfBirth },
        },
        'beneficiaryId',
      );
      return String(registerBeneficiary.beneficiaryId);
    };
    const openCase = async (input: Record<string, unknown>) => {
      const { openProtectionCase } = await mutate('openProtectionCase', input, 'caseId');
      const caseId = String(openProtectionCase.caseId);
      facts.push({
        programme: 'protection',
        kind: 'caseOpened',
        country: String(input.country),
        on: String(input.openedOn),
        subject: caseId,
        attributes: {
          form: String(input.formOfExploitation),
          place: input.abroad ? 'ABROAD' : 'IN_COUNTRY',
        },
      });
      return caseId;
    };
    const addVictim = async (
      theCase: { id: string; country: string; abroad: boolean; destination?: string; form: string },
      beneficiaryId: string,
      nationality: string,
      minor: boolean,
      addedOn: string,
    ) => {
      await mutate('addVictimToCase', { caseId: theCase.id, beneficiaryId, minor, addedOn });
      facts.push({
        programme: 'protection',
        kind: 'personProtected',
        country: theCase.country,
        on: addedOn,
        subject: beneficiaryId,
        person: true,
        attributes: {
          nationality,
          ageGroup: minor ? 'MINOR' : 'ADULT',
          sex: 'FEMALE',
          form: theCase.form,
          place: theCase.abroad ? 'ABROAD' : 'IN_COUNTRY',
          destination: theCase.abroad ? (theCase.destination ?? 'UNKNOWN') : 'IN_COUNTRY',
        },
      });
    };
    const rescue = async (
      theCase: { id: string; country: string },
      date: string,
      ids: string[],
    ) => {
      await mutate('recordRescueOperation', {
        caseId: theCase.id,
        date,
        place: 'A place',
        partnerAgencies: [],
        rescuedBeneficiaryIds: ids,
      });
      facts.push({
        programme: 'protection',
        kind: 'rescue',
        country: theCase.country,
        on: date,
        subject: `${theCase.id}/${date}`,
        quantity: ids.length,
      });
      for (const id of ids)
        facts.push({
          programme: 'protection',
          kind: 'personRescued',
          country: theCase.country,
          on: date,
          subject: id,
          person: true,
        });
    };

    // Case A: opened the year before in Thailand; a Lao girl rescued and identified on 1 January,
    // received home on 10 January, the case closed on 1 February.
    const a = {
      id: await openCase({
        country: 'TH',
        province: 'Rayong',
        abroad: false,
        formOfExploitation: 'SEX_TRAFFICKING',
        openedOn: '2024-12-15',
      }),
      country: 'TH',
      abroad: false,
      form: 'SEX_TRAFFICKING',
    };
    const girl = await register('LA', true, '2008-05-01');
    await addVictim(a, girl, 'LA', true, '2024-12-16');
    await rescue(a, '2025-01-01', [girl]);
    await mutate('recordVictimIdentification', {
      caseId: a.id,
      beneficiaryId: girl,
      outcome: 'OFFICIALLY_IDENTIFIED',
      date: '2025-01-01',
    });
    facts.push({
      programme: 'protection',
      kind: 'identification',
      country: 'TH',
      on: '2025-01-01',
      subject: girl,
      person: true,
      attributes: { outcome: 'OFFICIALLY_IDENTIFIED' },
    });
    await mutate('recordGuardianContact', {
      caseId: a.id,
      kind: 'SHELTER',
      details: 'Shelter duty phone',
    });
    for (const step of ['FAMILY_TRACING', 'DOCUMENTS', 'ESCORTED_JOURNEY', 'RECEPTION']) {
      await mutate('recordRepatriationStep', {
        caseId: a.id,
        beneficiaryId: girl,
        step,
        date: '2025-01-10',
      });
    }
    facts.push({
      programme: 'protection',
      kind: 'returnCompleted',
      country: 'TH',
      on: '2025-01-10',
      subject: girl,
      person: true,
    });
    await mutate('closeProtectionCase', {
      caseId: a.id,
      reason: 'VICTIMS_RETURNED',
      closedOn: '2025-02-01',
    });
    facts.push({
      programme: 'protection',
      kind: 'caseClosed',
      country: 'TH',
      on: '2025-02-01',
      subject: a.id,
      attributes: { reason: 'VICTIMS_RETURNED' },
    });

    // Case B: Laos's programme, two Lao women forced into marriage in China, taken in on 31
    // December, rescued on 1 January.
    const b = {
      id: await openCase({
        country: 'LA',
        abroad: true,
        destination: 'CN',
        formOfExploitation: 'FORCED_MARRIAGE',
        openedOn: '2025-12-31',
      }),
      country: 'LA',
      abroad: true,
      destination: 'CN',
      form: 'FORCED_MARRIAGE',
    };
    const sisters = [
      await register('LA', true, '2009-02-02', 'LA'),
      await register('LA', false, '1999-02-02', 'LA'),
    ];
    await addVictim(b, sisters[0], 'LA', true, '2025-12-31');
    await addVictim(b, sisters[1], 'LA', false, '2025-12-31');
    await rescue(b, '2026-01-01', sisters);

    // Case C: twelve Thai women rescued in Thailand in June: enough for a cell a partner may see.
    const c = {
      id: await openCase({
        country: 'TH',
        province: 'Pattaya',
        abroad: false,
        formOfExploitation: 'SEX_TRAFFICKING',
        openedOn: '2025-06-01',
      }),
      country: 'TH',
      abroad: false,
      form: 'SEX_TRAFFICKING',
    };
    const women: string[] = [];
    for (let i = 0; i < 12; i++) women.push(await register('TH', false, '1995-03-03'));
    for (const woman of women) await addVictim(c, woman, 'TH', false, '2025-06-02');
    await rescue(c, '2025-06-02', women);

    // Notifications are dated the day they are submitted: this year. One referred (protection
    // opens its case from it, today), one rejected.
    const today = new Date().toISOString().slice(0, 10);
    const submit = async (reportedBy: string, form: string) => {
      const { submitCaseNotification } = await mutate(
        'submitCaseNotification',
        { reportedBy, formOfExploitation: form, country: 'TH', possibleVictims: 1, minors: 0 },
        'notificationId',
      );
      const id = String(submitCaseNotification.notificationId);
      facts.push({
        programme: 'networks',
        kind: 'notification',
        country: 'TH',
        on: today,
        subject: id,
        attributes: { source: reportedBy, form },
      });
      return id;
    };
    const referred = await submit('WATCHDOG', 'SEX_TRAFFICKING');
    const rejected = await submit('TRAINEE', 'ONLINE_SEXUAL_EXPLOITATION');
    const outcome = (id: string, value: string) =>
      facts.push({
        programme: 'networks',
        kind: 'notificationOutcome',
        country: 'TH',
        on: today,
        subject: id,
        stateKey: id,
        attributes: { outcome: value },
      });
    outcome(referred, 'SUBMITTED');
    outcome(rejected, 'SUBMITTED');
    await ok(
      'mutation ($id: ID!) { validateCaseNotification(input: { notificationId: $id }) { status } }',
      { id: referred },
    );
    outcome(referred, 'VALIDATED');
    await ok(
      'mutation ($id: ID!) { referCaseNotification(input: { notificationId: $id }) { status } }',
      { id: referred },
    );
    outcome(referred, 'REFERRED');
    await ok(
      'mutation ($id: ID!) { rejectCaseNotification(input: { notificationId: $id, reason: NOT_A_CASE }) { status } }',
      { id: rejected },
    );
    outcome(rejected, 'REJECTED');
    facts.push({
      programme: 'protection',
      kind: 'caseOpened',
      country: 'TH',
      on: today,
      subject: `referral-${referred}`,
      attributes: { form: 'SEX_TRAFFICKING', place: 'IN_COUNTRY' },
    });
  }

  it('gives every figure of the year as the test works it out, per country and in total', async () => {
    const { got, expected } = await settledReport(YEAR);
    expect(sorted(got.lines)).toEqual(sorted(expected));
    // A few of them, spelled out.
    const line = (figure: string, key: string | null = null) =>
      got.lines.find((l) => l.figure === figure && l.key === key)!;
    expect(line('personsProtected').total).toBe(14);
    expect(line('personsProtected', 'CN').values).toEqual([0, 2, 0, 0, 0]);
    expect(line('rescues').values).toEqual([2, 0, 0, 0, 0]);
    expect(line('casesOpened').total).toBe(2);
    expect(line('watchdogsActive').total).toBe(2);
    expect(line('trainingParticipants').total).toBe(566);
    expect(line('uniqueBeneficiaries').total).toBe(15);
  });

  it('gives the year after its own facts: 1 January, and the notifications of this year', async () => {
    for (const year of new Set([2026, THIS_YEAR])) {
      const { got, expected } = await settledReport(year);
      expect(sorted(got.lines)).toEqual(sorted(expected));
    }
  });

  it('shows a partner small cells suppressed, none recoverable by differencing', async () => {
    await settledReport(YEAR);
    const partner = await report('partner', YEAR);
    const exact = await report('admin', YEAR);
    expect(partner.suppressed).toBe(true);
    const persons = partner.lines.find((l) => l.figure === 'personsProtected' && l.key === null)!;
    expect(persons.values[1]).toBeNull(); // two in Laos
    expect(recoverByDifferencing(partner.lines)).toEqual([]);
    // Every visible value is exact, and every hidden one was below k or hides one that was.
    for (const line of partner.lines) {
      const same = exact.lines.find((l) => lineId(l) === lineId(line))!;
      line.values.forEach((value, i) => {
        if (value !== null) expect(value).toBe(same.values[i]);
        const exactValue = same.values[i] ?? 0;
        if (exactValue > 0 && exactValue < 11) expect(value).toBeNull();
      });
    }
  });

  it('exports the same figures as CSV and XLSX with the same token and suppression', async () => {
    await settledReport(YEAR);
    const partner = await report('partner', YEAR);
    const get = (format: string) =>
      fetch(`${system.gatewayOrigin}/reports/${YEAR}.${format}`, {
        headers: { authorization: `Bearer ${tokens.partner}` },
      });
    const csv = await (await get('csv')).text();
    const rows = csv
      .trimEnd()
      .split('\r\n')
      .map((row) => row.split(','));
    expect(rows[0]).toEqual([
      'programme',
      'figure',
      'measure',
      'breakdown',
      'key',
      ...COUNTRIES,
      'total',
    ]);
    const number = (cell: string | number | null | undefined) =>
      cell === '' || cell === null || cell === undefined ? null : Number(cell);
    const parsed = rows.slice(1).map((row) => ({
      id: `${row[0]}.${row[1]}.${row[3] || '-'}.${row[4] || '-'}`,
      values: row.slice(5, 10).map(number),
      total: number(row[10]),
    }));
    const fromQuery = partner.lines.map((l) => ({
      id: lineId(l),
      values: l.values,
      total: l.total,
    }));
    expect(parsed).toEqual(fromQuery);

    const response = await get('xlsx');
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('Report')!;
    const xlsx: typeof parsed = [];
    sheet.eachRow((row, index) => {
      if (index === 1) return;
      const cell = (i: number) => row.getCell(i).value as string | number | null;
      xlsx.push({
        id: `${cell(1)}.${cell(2)}.${cell(4) ?? '-'}.${cell(5) ?? '-'}`,
        values: [6, 7, 8, 9, 10].map((i) => number(cell(i))),
        total: number(cell(11)),
      });
    });
    expect(xlsx).toEqual(fromQuery);
  });

  it('writes the same XLSX from `npm run report` against the running gateway', async () => {
    await settledReport(YEAR);
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'haven-report-cli-')), 'report.xlsx');
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          '-r',
          '@swc-node/register',
          'tools/report/report.ts',
          '--year',
          String(YEAR),
          '--country',
          'TH',
          '--format',
          'xlsx',
          '--out',
          out,
          '--url',
          system.gatewayOrigin,
        ],
        {
          cwd: path.resolve(__dirname, '../../..'),
          env: { ...process.env, HAVEN_TOKEN: tokens.admin },
          stdio: 'ignore',
        },
      );
      child.on('exit', resolve);
    });
    expect(code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('Report')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'programme',
      'figure',
      'measure',
      'breakdown',
      'key',
      'TH',
      'total',
    ]);
    const thai = (
      await gql<{ programmeReport: { lines: Line[] } }>('admin', PROGRAMME_REPORT_DOCUMENT, {
        year: YEAR,
        countries: ['TH'],
      })
    ).data!.programmeReport.lines;
    const persons = thai.find((l) => l.figure === 'personsProtected' && l.key === null)!;
    let found: unknown[] = [];
    sheet.eachRow((row) => {
      if (row.getCell(2).value === 'personsProtected' && row.getCell(5).value === null)
        found = [row.getCell(6).value, row.getCell(7).value];
    });
    expect(found).toEqual([persons.values[0], persons.total]);
  }, 60_000);

  it('refuses an export and the page to a role that may not see reports, and bad input', async () => {
    const officer = await fetch(`${system.gatewayOrigin}/reports/${YEAR}.csv`, {
      headers: { authorization: `Bearer ${tokens.officer}` },
    });
    expect(officer.status).toBe(403);
    const early = await fetch(`${system.gatewayOrigin}/reports/1989`, {
      headers: { authorization: `Bearer ${tokens.admin}` },
    });
    expect(early.status).toBe(400);
    const anonymous = await fetch(`${system.gatewayOrigin}/reports/${YEAR}`);
    expect(anonymous.status).toBe(401);
  });

  (browser.ok ? it : it.skip)(
    'renders the page in Chromium in the four languages, with figures read back',
    async () => {
      const { got } = await settledReport(YEAR);
      const chromium = await launchChromium();
      const shots = mkdtempSync(path.join(os.tmpdir(), 'haven-report-'));
      try {
        const context = await chromium.newContext({
          extraHTTPHeaders: { authorization: `Bearer ${tokens.admin}` },
        });
        const page = await context.newPage();
        const titles: Record<string, string> = {};
        for (const lang of ['en', 'th', 'lo', 'my']) {
          const response = await page.goto(`${system.gatewayOrigin}/reports/${YEAR}?lang=${lang}`);
          expect(response?.status()).toBe(200);
          expect(await page.getAttribute('html', 'lang')).toBe(lang);
          titles[lang] = (await page.textContent('h1')) ?? '';
          const shot = await page.screenshot({
            path: path.join(shots, `report-${lang}.png`),
            fullPage: true,
          });
          expect(shot.length).toBeGreaterThan(10_000);
          for (const figure of [
            'protection.personsProtected',
            'networks.trainingParticipants',
            'all.uniqueBeneficiaries',
          ]) {
            const [programme, name] = figure.split('.');
            const expected = got.lines.find(
              (l) => l.programme === programme && l.figure === name && l.key === null,
            )!;
            const cells = await page.$$eval(
              `[data-figure="${figure}"] tr.total td[data-country]`,
              (tds) => tds.map((td) => td.textContent ?? ''),
            );
            expect(cells.map((text) => Number(text.replace(/,/g, '')))).toEqual([
              ...expected.values,
              expected.total,
            ]);
          }
          expect(
            await page.$$eval('[data-chart="country-programme"] .bar', (bars) => bars.length),
          ).toBeGreaterThan(0);
        }
        expect(titles.en).toContain('Annual programme report');
        expect(titles.th).toContain('รายงานประจำปี');
        expect(titles.lo).toContain('ລາຍງານປະຈຳປີ');
        expect(titles.my).toContain('အစီရင်ခံစာ');
        expect(new Set(Object.values(titles)).size).toBe(4);
      } finally {
        await chromium.close();
      }
    },
    180_000,
  );
});
