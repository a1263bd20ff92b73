// A legal case runs for years: it counts as active in every year it is open, new in the year it
// opened and ongoing after, whether or not anything was recorded on it that year, and no longer
// once closed; a reopened case counts again.
import { ServiceDatabase } from '@haven/platform/nest';
import { startTestService, type TestService } from '@haven/platform/nest/testing';
import { REPORTS_MIGRATIONS } from '@haven/reports/read-models';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';

let service: TestService;
let database: ServiceDatabase;

const metadata = {
  actorId: 'legal-officer-1',
  role: 'legal_officer',
  organisationId: null,
  correlationId: 'legal-cases-over-years-spec',
  causationId: null,
  occurredAt: '2024-01-10T09:00:00.000Z',
};

async function legal(caseId: string, type: string, data: Record<string, unknown>) {
  const result = await database.eventStore.append(
    `legalcase-${caseId}`,
    [{ type, data: { caseId, country: 'LA', ...data }, schemaVersion: 1, metadata } as never],
    'any',
  );
  return result.globalPositions[0];
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

type Line = { programme: string; figure: string; key: string | null; total: number | null };

async function casesActive(year: number): Promise<Record<string, number | null | undefined>> {
  const response = await service.graphql<{ programmeReport: { lines: Line[] } }>(
    `query ($year: Int!, $countries: [Country!]) {
      programmeReport(year: $year, countries: $countries) { lines { programme figure key total } }
    }`,
    { year, countries: ['LA'] },
  );
  expect(response.body.errors).toBeUndefined();
  const lines = response.body.data!.programmeReport.lines.filter(
    (line) => line.programme === 'legal' && line.figure === 'casesActive',
  );
  const total = (key: string | null) => lines.find((line) => line.key === key)?.total;
  return { all: total(null), NEW: total('NEW'), ONGOING: total('ONGOING') };
}

beforeAll(async () => {
  service = await startTestService(AppModule, { migrations: [REPORTS_MIGRATIONS] });
  database = service.app.get(ServiceDatabase);
});

afterAll(async () => {
  await service?.close();
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
    await database.waitForProjections(last, 20_000);

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
