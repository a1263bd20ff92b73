// The report service on its own, over a year of the programmes' events (see
// testing/programme-year-events.ts): the report's arguments. asOf reproduces the report as
// recorded then, countries narrows it to countries of operation, and a year, country or asOf out
// of range is refused.
import { figure, value, useProgrammeReportService } from './testing/programme-report-spec-harness';

const reports = useProgrammeReportService();
const { append, ids, report } = reports;

it('reproduces the report as recorded by asOf: a later record does not change it', async () => {
  const before = new Date();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const position = await append(`protectioncase-${ids.c1}`, 'VictimIdentificationRecorded', {
    caseId: ids.c1,
    beneficiaryId: ids.girl,
    outcome: 'OFFICIALLY_IDENTIFIED',
    date: '2020-12-31',
    authority: null,
    recordedAt: new Date().toISOString(),
  });
  await reports.database.waitForProjections(position, 20_000);
  const then = (await report({ year: 2020, asOf: before.toISOString() })).data!;
  const now = (await report({ year: 2020 })).data!;
  expect(value(figure(then, 'protection', 'identifications'))).toBe(0);
  expect(value(figure(now, 'protection', 'identifications'))).toBe(1);
});

it('filters by countries of operation', async () => {
  const r = (await report({ year: 2020, countries: ['LA'] })).data!;
  expect(value(figure(r, 'networks', 'caseNotifications'))).toBe(0);
  expect(value(figure(r, 'protection', 'personsProtected'))).toBe(1);
  expect(r.countries).toEqual(['LA']);
  expect(figure(r, 'protection', 'personsProtected').lines[0].values).toEqual([1]);
});

it('refuses a year outside 1990 to next year, an unknown country and an asOf in the future', async () => {
  const nextYear = new Date().getUTCFullYear() + 1;
  for (const variables of [
    { year: 1989 },
    { year: nextYear + 1 },
    { year: 2020, asOf: new Date(Date.now() + 3_600_000).toISOString() },
  ]) {
    const { errors, data } = await report(variables);
    expect(data).toBeUndefined();
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  }
  const unknown = await report({ year: 2020, countries: ['XX'] });
  expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect((await report({ year: nextYear })).errors).toBeUndefined();
});
