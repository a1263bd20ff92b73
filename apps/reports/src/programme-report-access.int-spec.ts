// The report service on its own, over a year of the programmes' events (see
// testing/programme-year-events.ts): who may read the report (roles, a country manager's
// countries), small cells suppressed for an aggregate-only role, and every run written to the
// access log.
import type { Principal } from '@haven/platform/security';
import { figure, value, useProgrammeReportService } from './testing/programme-report-spec-harness';

const reports = useProgrammeReportService();
const { report } = reports;

it('refuses roles that may not see reports, and a country manager outside her countries', async () => {
  const officer: Principal = {
    subject: 'officer-1',
    role: 'protection_officer',
    countries: ['TH'],
    organisationId: null,
  };
  expect((await report({ year: 2020 }, officer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const watchdog: Principal = {
    subject: 'w-1',
    role: 'watchdog',
    countries: [],
    organisationId: null,
  };
  expect((await report({ year: 2020 }, watchdog)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const manager: Principal = {
    subject: 'manager-la',
    role: 'country_manager',
    countries: ['LA'],
    organisationId: null,
  };
  const own = await report({ year: 2020 }, manager);
  expect(own.errors).toBeUndefined();
  expect(own.data?.suppressed).toBe(false);
  expect(value(figure(own.data!, 'protection', 'personsProtected'))).toBe(1);
  const other = await report({ year: 2020, countries: ['TH'] }, manager);
  expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

it('suppresses small cells for an analyst, and writes every run to the access log', async () => {
  const analyst: Principal = {
    subject: 'analyst-7',
    role: 'analyst',
    countries: 'all',
    organisationId: null,
  };
  const { data, errors } = await report({ year: 2020 }, analyst);
  expect(errors).toBeUndefined();
  expect(data?.suppressed).toBe(true);
  expect(data?.k).toBe(11);
  const persons = figure(data!, 'protection', 'personsProtected');
  expect(persons.lines[0].total).toBeNull();
  expect(persons.lines[0].values).toEqual(
    [null, null, null, null, null].map((_, i) => (i === 1 ? null : 0)),
  );
  // Ages are withheld from aggregate-only roles: an average of few may single someone out.
  expect(figure(data!, 'empowerment', 'averageAge').lines[0].total).toBeNull();
  for (const ages of ['averageAge', 'youngestAge', 'oldestAge']) {
    const { lines } = figure(data!, 'protection', ages);
    expect(lines[0].total).toBeNull();
    expect(lines[0].values.every((value) => value === null)).toBe(true);
  }
  // Hundreds of participants are no small cell.
  expect(value(figure(data!, 'networks', 'trainingParticipants'), 'FEMALE', 'TH')).toBe(268);
  const { rows: logged } = await reports.database.dataSource.manager.connection
    .query(
      `SELECT actor_id, role, record_type, fields FROM privacy.access_log
      WHERE record_type = 'ProgrammeReport' AND actor_id = 'analyst-7'`,
    )
    .then((result: unknown) => ({ rows: result as Array<Record<string, unknown>> }));
  expect(logged).toEqual([
    {
      actor_id: 'analyst-7',
      role: 'analyst',
      record_type: 'ProgrammeReport',
      fields: ['programmeReport'],
    },
  ]);
});
