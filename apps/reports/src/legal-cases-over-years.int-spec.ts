// A legal case runs for years: it counts as active in every year it is open, new in the year it
// opened and ongoing after, whether or not anything was recorded on it that year, and no longer
// once closed; a reopened case counts again. Its offenders count in the same years, by their
// status at each year's end.
import { randomUUID } from 'node:crypto';
import { startReportService, type ReportService } from './testing/report-service';

let report: ReportService;

function legal(caseId: string, type: string, data: Record<string, unknown>) {
  return report.append(`legalcase-${caseId}`, type, { caseId, country: 'LA', ...data });
}

function opened(caseId: string, openedOn: string, country = 'LA') {
  return legal(caseId, 'LegalCaseOpened', {
    country,
    kind: 'SEX_TRAFFICKING',
    province: null,
    court: null,
    sourceProtectionCaseId: null,
    stage: 'INVESTIGATION',
    openedOn,
    beneficiaryIds: [],
  });
}

/** Offenders in Myanmar's programme: the cases of the test above are Laos's. */
async function offenders(year: number): Promise<Record<string, number | null | undefined>> {
  const lines = (await report.lines(year, ['MM'])).filter(
    (line) => line.programme === 'legal' && line.figure === 'offenders',
  );
  const total = (key: string | null) => lines.find((line) => line.key === key)?.total;
  return { all: total(null), ON_BAIL: total('ON_BAIL'), IN_JAIL: total('IN_JAIL') };
}

async function casesActive(year: number): Promise<Record<string, number | null | undefined>> {
  const lines = (await report.lines(year, ['LA'])).filter(
    (line) => line.programme === 'legal' && line.figure === 'casesActive',
  );
  const total = (key: string | null) => lines.find((line) => line.key === key)?.total;
  return { all: total(null), NEW: total('NEW'), ONGOING: total('ONGOING') };
}

beforeAll(async () => {
  report = await startReportService({
    actorId: 'legal-officer-1',
    role: 'legal_officer',
    correlationId: 'legal-cases-over-years-spec',
    occurredAt: '2024-01-10T09:00:00.000Z',
  });
});

afterAll(async () => {
  await report?.close();
});

describe('legal cases active over the years', () => {
  it('given a case opened in 2019 with nothing recorded in 2020, closed in 2021 and reopened in 2023, and one opened in 2021, then each year counts the cases open in it', async () => {
    const [longCase, laterCase] = [randomUUID(), randomUUID()];
    await opened(longCase, '2019-03-01');
    await legal(longCase, 'LegalCaseClosed', { beneficiaryIds: [], on: '2021-06-30' });
    await opened(laterCase, '2021-02-01');
    const last = await legal(longCase, 'LegalCaseReopened', {
      beneficiaryIds: [],
      stage: 'APPEAL',
      on: '2023-05-01',
    });
    await report.caughtUp(last);

    expect(await casesActive(2018)).toEqual({ all: 0, NEW: undefined, ONGOING: undefined });
    expect(await casesActive(2019)).toEqual({ all: 1, NEW: 1, ONGOING: undefined });
    // Nothing recorded on it in 2020, yet it was open all year.
    expect(await casesActive(2020)).toEqual({ all: 1, NEW: undefined, ONGOING: 1 });
    // Closed in June 2021: active that year, beside the case opened in February.
    expect(await casesActive(2021)).toEqual({ all: 2, NEW: 1, ONGOING: 1 });
    // 2022: only the later case; the closed one is not.
    expect(await casesActive(2022)).toEqual({ all: 1, NEW: undefined, ONGOING: 1 });
    // Reopened in 2023: active again, still ongoing (opened in 2019).
    expect(await casesActive(2023)).toEqual({ all: 2, NEW: undefined, ONGOING: 2 });
  });

  it('given an offender on bail in 2019, his case closed in 2021 and reopened in 2023, jailed in 2024, then he counts in the years his case is active, by his status at their end', async () => {
    const caseId = randomUUID();
    const offenderId = randomUUID();
    const status = (from: string | null, to: string, on: string) =>
      legal(caseId, 'OffenderStatusChanged', {
        country: 'MM',
        offenderId,
        beneficiaryIds: [],
        offenderKind: 'ADULT_MALE',
        nationality: null,
        from,
        to,
        on,
      });
    await opened(caseId, '2019-03-01', 'MM');
    await status(null, 'ON_BAIL', '2019-04-01');
    await legal(caseId, 'LegalCaseClosed', { country: 'MM', beneficiaryIds: [], on: '2021-06-30' });
    await legal(caseId, 'LegalCaseReopened', {
      country: 'MM',
      beneficiaryIds: [],
      stage: 'APPEAL',
      on: '2023-05-01',
    });
    await report.caughtUp(await status('ON_BAIL', 'IN_JAIL', '2024-02-01'));

    const onBail = { all: 1, ON_BAIL: 1, IN_JAIL: undefined };
    expect(await offenders(2018)).toEqual({ all: 0, ON_BAIL: undefined, IN_JAIL: undefined });
    expect(await offenders(2019)).toEqual(onBail);
    expect(await offenders(2020)).toEqual(onBail);
    // His case closed in June 2021: he counts that year, and in no year it stays closed.
    expect(await offenders(2021)).toEqual(onBail);
    expect(await offenders(2022)).toEqual({ all: 0, ON_BAIL: undefined, IN_JAIL: undefined });
    expect(await offenders(2023)).toEqual(onBail);
    expect(await offenders(2024)).toEqual({ all: 1, ON_BAIL: undefined, IN_JAIL: 1 });
  });
});
