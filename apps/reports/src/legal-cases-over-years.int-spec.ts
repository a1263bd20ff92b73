// A legal case runs for years: it counts as active in every year it is open, new in the year it
// opened and ongoing after, whether or not anything was recorded on it that year, and no longer
// once closed; a reopened case counts again.
import { randomUUID } from 'node:crypto';
import { startReportService, type ReportService } from './testing/report-service';

let report: ReportService;

function legal(caseId: string, type: string, data: Record<string, unknown>) {
  return report.append(`legalcase-${caseId}`, type, { caseId, country: 'LA', ...data });
}

function opened(caseId: string, openedOn: string) {
  return legal(caseId, 'LegalCaseOpened', {
    kind: 'SEX_TRAFFICKING',
    province: null,
    court: null,
    sourceProtectionCaseId: null,
    stage: 'INVESTIGATION',
    openedOn,
    beneficiaryIds: [],
  });
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
});
