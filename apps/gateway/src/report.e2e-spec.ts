// The annual report end to end, through the gateway: a small fictional year recorded through the
// API across the five programmes (testing/report-year*.ts), with facts dated 31 December and 1
// January and cases opened the year before. The test works out every expected figure from
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
  lineId,
  recoverByDifferencing,
  type ExpectedFact,
  type Line,
} from './testing/report-expectations';
import { FIGURES } from './testing/report-figure-definitions';
import {
  recordTheYear,
  type MutationOptions,
  type Payload,
  type ReportYearApi,
} from './testing/report-year';
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
  /** A mutation through the gateway, as `who`: its answer, errors included. */
  const mutation = (
    name: string,
    input: Record<string, unknown>,
    select: string,
    options: MutationOptions,
  ) =>
    gql<Payload>(
      options.as ?? 'admin',
      `mutation ($input: ${options.inputType ?? `${name[0].toUpperCase()}${name.slice(1)}Input`}!) { ${name}(input: $input) { ${select} } }`,
      { input },
    );
  const api: ReportYearApi = {
    facts,
    today: new Date().toISOString().slice(0, 10),
    async mutate(name, input, select = 'streamVersion', options = {}) {
      const body = await mutation(name, input, select, options);
      expect(body.errors).toBeUndefined();
      return body.data as Payload;
    },
    async eventually(name, input, select = 'streamVersion', options = {}) {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const body = await mutation(name, input, select, options);
        if (!body.errors) return body.data as Payload;
        if (Date.now() > deadline) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async query<Data>(document: string, variables: Record<string, unknown> = {}, as = 'admin') {
      const body = await gql<Data>(as, document, variables);
      expect(body.errors).toBeUndefined();
      return body.data as Data;
    },
  };

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
    // Well within a test's time, so that a disagreement fails with its difference.
    const deadline = Date.now() + 30_000;
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
      // All five programmes and the report: the whole system.
      subgraphs: SUBGRAPHS,
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
    for (const [name, role, subject, countries] of [
      ['empowerment', 'empowerment_officer', 'empowerment-1', ['TH', 'LA']],
      ['legal', 'legal_officer', 'legal-1', ['TH', 'LA']],
      ['relief', 'relief_coordinator', 'relief-la-1', ['LA']],
      ['volunteer', 'field_worker', 'volunteer-la-1', ['LA']],
    ] as const) {
      tokens[name] = await system.token({ role, subject, countries: [...countries] });
    }
    await recordTheYear(api);
  }, 480_000);

  afterAll(async () => {
    await system?.stop();
    await database?.drop();
  }, 60_000);

  it('gives every figure of the year as the test works it out, per country and in total', async () => {
    const { got, expected } = await settledReport(YEAR);
    expect(sorted(got.lines)).toEqual(sorted(expected));
    // A few of them, spelled out.
    const line = (figure: string, key: string | null = null) =>
      got.lines.find((l) => l.figure === figure && l.key === key)!;
    expect(line('personsProtected').total).toBe(15);
    // Two Lao women in China, and a Lao girl intercepted on her way there.
    expect(line('personsProtected', 'CN').values).toEqual([0, 3, 0, 0, 0]);
    expect(line('personsProtected', 'IN_TRANSIT').values).toEqual([0, 1, 0, 0, 0]);
    expect(line('rescues').values).toEqual([2, 0, 0, 0, 0]);
    expect(line('casesOpened').total).toBe(3);
    // Relief: two girls detected at risk of a forced marriage, one of them bound for China.
    expect(line('potentialVictimsDetected', 'FORCED_MARRIAGE × CN').total).toBe(1);
    expect(line('potentialVictimsDetected').total).toBe(2);
    // Two at home by the year's end, a volunteer and an organisation in Belgium, a community in
    // Yunnan; the four new ones live in three countries (TH, BE, CN) and three communities.
    expect(line('watchdogsActive').total).toBe(5);
    const networks = (figure: string, breakdown: string, key: string) =>
      got.lines.find((l) => l.figure === figure && l.breakdown === breakdown && l.key === key)!;
    expect(networks('watchdogsNew', 'residence', 'BE').total).toBe(2);
    expect(networks('watchdogsNew', 'kind × residence', 'COMMUNITY_GROUP × CN').total).toBe(1);
    expect(line('watchdogCountriesNew').total).toBe(3);
    expect(line('watchdogCommunitiesNew').total).toBe(3);
    expect(line('trainingParticipants').total).toBe(566);
    expect(line('trainingInstitutions').total).toBe(6);
    // A meeting with watchdogs in Thailand and a focus group in Laos, apart from trainings.
    expect(line('networkActivities', 'MEETING').values).toEqual([1, 0, 0, 0, 0]);
    expect(line('networkActivities', 'FOCUS_GROUP').values).toEqual([0, 1, 0, 0, 0]);
    expect(line('trainingSessions').total).toBe(1);
    // Sixteen protected; a Myanmar girl and a Lao woman served by empowerment; a Thai boy
    // assisted by legal (the Lao girl and the Lao woman it assisted are already counted).
    expect(line('uniqueBeneficiaries').total).toBe(19);
    // Legal: a Thai case opened in 2024 with nothing recorded on it in 2025 is ongoing, as is a
    // Lao case of 2024 closed on 1 January; the case opened on 1 January is new.
    expect(line('casesActive', 'ONGOING').values).toEqual([1, 1, 0, 0, 0]);
    expect(line('casesActive', 'NEW').values).toEqual([1, 0, 0, 0, 0]);
    expect(line('offenders', 'UNDER_INVESTIGATION').total).toBe(1);
    expect(line('offenders', 'SENTENCED').total).toBe(1);
    expect(line('beneficiaries', 'MALE').total).toBe(1);
    // The Lao woman of Laos's case, exploited in China.
    expect(line('beneficiaries', 'LA × CN').values).toEqual([0, 1, 0, 0, 0]);
    expect(line('compensationApprovedCases', 'ONLINE_SEXUAL_EXPLOITATION').total).toBe(1);
    // Two occasions of two kinds on the one new case: one case each, however many occasions.
    expect(line('casesServed', 'DRAFTING_DOCUMENTS').total).toBe(1);
    expect(line('casesServed').total).toBe(1);
    // Ages, which protection and empowerment both give.
    const age = (programme: string, figure: string) =>
      got.lines.find((l) => l.programme === programme && l.figure === figure)!;
    // Protection: twelve Thai women aged 29 (as protection counts from their registration) taken
    // in on 2 June in Thailand; in Laos, a girl of 15 intercepted in September, and sisters of 16
    // and 26 on 31 December.
    expect(age('protection', 'averageAge').values).toEqual([29, 19, 0, 0, 0]);
    expect(age('protection', 'youngestAge').total).toBe(15);
    expect(age('protection', 'oldestAge').total).toBe(29);
    // Empowerment: one girl in Thailand, 15 at her first service of the year and 16 at the next
    // two, counts once, at 15 (averaged by fact she would read 15.7); a woman of 25 in Laos.
    expect(age('empowerment', 'averageAge').values).toEqual([15, 25, 0, 0, 0]);
    expect(age('empowerment', 'youngestAge').total).toBe(15);
    // By setting: 15 in the shelter (her first service there), 16 once home in her community.
    const bySetting = (figure: string, key: string) =>
      got.lines.find((l) => l.programme === 'empowerment' && l.figure === figure && l.key === key)!
        .values;
    expect(bySetting('averageAge', 'SHELTER')).toEqual([15, 0, 0, 0, 0]);
    expect(bySetting('averageAge', 'COMMUNITY')).toEqual([16, 25, 0, 0, 0]);
    expect(line('followUps', 'NOT_REACHED').total).toBe(1);
    expect(line('agentsOfChangeTrained').values).toEqual([0, 1, 0, 0, 0]);
    // The girl's government shelter served her in the year (until she went home).
    expect(line('sheltersServed', 'GOVERNMENT').values).toEqual([1, 0, 0, 0, 0]);
    // Her tuition in June and her grant on 31 December: one girl, a line for each support.
    expect(line('careerAlternativesSupported').values).toEqual([1, 0, 0, 0, 0]);
    expect(line('careerAlternativesSupported', 'SMALL_GRANT').total).toBe(1);
    expect(line('careerAlternativesSupported', 'TUITION_FEES').total).toBe(1);
    // Relief: four recipients by three field workers (staff, a volunteer, an agent of change).
    expect(line('recipients').total).toBe(4);
    expect(line('fieldWorkers').total).toBe(3);
    expect(line('migratedFamilies').total).toBe(7);
  });

  it('gives the year after its own facts: 1 January, and the notifications of this year', async () => {
    for (const year of new Set([2026, THIS_YEAR])) {
      const { got, expected } = await settledReport(year);
      expect(sorted(got.lines)).toEqual(sorted(expected));
    }
    // In 2026 both Thai cases are ongoing, and the Lao case closed in 2025 is no longer active.
    const { got } = await settledReport(2026);
    const active = got.lines.filter((l) => l.figure === 'casesActive');
    expect(active.find((l) => l.key === null)!.values).toEqual([2, 0, 0, 0, 0]);
    expect(active.find((l) => l.key === 'ONGOING')!.total).toBe(2);
    expect(active.find((l) => l.key === 'NEW')).toBeUndefined();
    // This year's notification of Thai women in Belgium counts abroad (OTHER), by both.
    const { got: now } = await settledReport(THIS_YEAR);
    const notified = (breakdown: string, key: string) =>
      now.lines.find(
        (l) => l.figure === 'caseNotifications' && l.breakdown === breakdown && l.key === key,
      )!.values;
    expect(notified('nationality', 'TH')).toEqual([0, 0, 0, 0, 1]);
    expect(notified('destination', 'BE')).toEqual([0, 0, 0, 0, 1]);
  });

  it('shows a partner small cells suppressed, none recoverable by differencing', async () => {
    await settledReport(YEAR);
    const partner = await report('partner', YEAR);
    const exact = await report('admin', YEAR);
    expect(partner.suppressed).toBe(true);
    const persons = partner.lines.find((l) => l.figure === 'personsProtected' && l.key === null)!;
    expect(persons.values[1]).toBeNull(); // two in Laos
    // Compensation approved in the year: one case's 50,000 THB, far above k, is one person's.
    const approved = partner.lines.find((l) => l.figure === 'compensationApproved' && !l.key)!;
    expect(approved.total).toBeNull();
    expect(exact.lines.find((l) => lineId(l) === lineId(approved))!.total).toBe(5_000_000);
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
