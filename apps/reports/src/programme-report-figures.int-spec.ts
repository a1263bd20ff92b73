// The report service on its own, over a year of the programmes' events (see
// testing/programme-year-events.ts): its status, and each programme's figures counted in the year
// each fact occurred, per country and in total, exactly for an admin; protection's events stored
// in version 1 read through the upcasters.
import { figure, value, useProgrammeReportService } from './testing/programme-report-spec-harness';

const reports = useProgrammeReportService();
const { report } = reports;

it('answers reportsStatus once its database is connected', async () => {
  const response = await reports.service.graphql<{ reportsStatus: { ready: boolean } }>(
    '{ reportsStatus { ready } }',
  );
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data?.reportsStatus.ready).toBe(true);
});

it('counts each fact in the year it occurred, per country and in total, with exact figures for an admin', async () => {
  const { data, errors } = await report({ year: 2020 });
  expect(errors).toBeUndefined();
  const r = data!;
  expect(r.suppressed).toBe(false);
  // Notified 31 December 2020 counts; 1 January 2021 does not.
  expect(value(figure(r, 'networks', 'caseNotifications'))).toBe(2);
  expect(value(figure(r, 'networks', 'caseNotifications'), 'WATCHDOG', 'TH')).toBe(1);
  expect(value(figure(r, 'networks', 'caseNotifications'), 'TRAINEE', 'TH')).toBe(1);
  expect(value(figure(r, 'networks', 'caseNotifications'), null, 'LA')).toBe(0);
  expect(value(figure(r, 'networks', 'caseNotificationOutcomes'), 'VALIDATED')).toBe(1);
  expect(value(figure(r, 'networks', 'caseNotificationOutcomes'), 'REJECTED')).toBe(1);
  expect(value(figure(r, 'networks', 'caseNotificationOutcomes'), 'SUBMITTED')).toBe(0);
  expect(value(figure(r, 'networks', 'watchdogsActive'))).toBe(2);
  expect(value(figure(r, 'networks', 'watchdogsNew'))).toBe(1);
  expect(value(figure(r, 'networks', 'watchdogsNew'), 'CSO')).toBe(1);
  expect(value(figure(r, 'networks', 'trainingSessions'))).toBe(1);
  expect(value(figure(r, 'networks', 'trainingPlaces'))).toBe(1);
  expect(value(figure(r, 'networks', 'trainingParticipants'))).toBe(454);
  expect(value(figure(r, 'networks', 'trainingParticipants'), 'FEMALE', 'TH')).toBe(268);
  expect(value(figure(r, 'networks', 'campaignReach'), null, 'MM')).toBe(5000);
  // The case opened in 2019 is not opened in 2020, but its rescue on 1 January and closing are.
  expect(value(figure(r, 'protection', 'casesOpened'))).toBe(1);
  expect(value(figure(r, 'protection', 'casesOpened'), null, 'LA')).toBe(1);
  expect(value(figure(r, 'protection', 'rescues'), null, 'TH')).toBe(1);
  expect(value(figure(r, 'protection', 'personsRescued'))).toBe(1);
  expect(value(figure(r, 'protection', 'casesClosed'), null, 'TH')).toBe(1);
  // Protected on 31 December, in Laos's programme, abroad in China; nationality LA, a minor.
  const protectedRows = figure(r, 'protection', 'personsProtected');
  expect(value(protectedRows)).toBe(1);
  expect(value(protectedRows, 'LA', 'LA')).toBe(1);
  expect(protectedRows.lines.find((line) => line.breakdown === 'destination')?.key).toBe('CN');
  expect(value(protectedRows, 'MINOR')).toBe(1);
  expect(value(protectedRows, 'ABROAD')).toBe(1);
  expect(value(figure(r, 'protection', 'identifications'))).toBe(0);
  // The woman (rescued) and the girl (protected): two people.
  expect(value(figure(r, 'all', 'uniqueBeneficiaries'))).toBe(2);
  expect(value(figure(r, 'all', 'uniqueBeneficiaries'), 'protection')).toBe(2);
});

it('counts empowerment: persons served by setting and service, follow-ups, grants, ages, agents of change', async () => {
  const r = (await report({ year: 2020 })).data!;
  const served = figure(r, 'empowerment', 'beneficiariesServed');
  expect(value(served, null, 'TH')).toBe(1);
  expect(value(served, 'SHELTER')).toBe(1);
  expect(value(served, 'COUNSELLING')).toBe(1);
  expect(value(served, 'FOLLOW_UP')).toBe(1);
  expect(value(served, 'TUITION_FEES')).toBe(0);
  // Her nationality and age group, as the events of her services and follow-ups carry them.
  expect(value(served, 'MM')).toBe(1);
  expect(value(served, 'MINOR')).toBe(1);
  expect(value(served, 'UNKNOWN')).toBe(0);
  expect(value(figure(r, 'empowerment', 'followUps'))).toBe(2);
  expect(value(figure(r, 'empowerment', 'followUps'), 'REACHED')).toBe(1);
  expect(value(figure(r, 'empowerment', 'followUps'), 'PHONE')).toBe(1);
  expect(value(figure(r, 'empowerment', 'grants'), 'SMALL_BUSINESS')).toBe(1);
  expect(value(figure(r, 'empowerment', 'grantAmounts'), 'THB', 'TH')).toBe(500000);
  expect(value(figure(r, 'empowerment', 'averageAge'))).toBe(16);
  expect(value(figure(r, 'empowerment', 'youngestAge'))).toBe(16);
  expect(value(figure(r, 'empowerment', 'agentsOfChangeTrained'))).toBe(1);
  // The girl is protected and served: once in each programme, once in the total.
  expect(value(figure(r, 'all', 'uniqueBeneficiaries'), 'empowerment')).toBe(1);
  expect(value(figure(r, 'all', 'uniqueBeneficiaries'), 'protection')).toBe(2);
  expect(value(figure(r, 'all', 'uniqueBeneficiaries'))).toBe(2);
  expect(
    value(figure((await report({ year: 2021 })).data!, 'empowerment', 'tuitionSupported')),
  ).toBe(1);
});

it('counts legal: active cases new or ongoing, beneficiaries, occasions, compensation, offenders at year end', async () => {
  const r = (await report({ year: 2020 })).data!;
  expect(value(figure(r, 'legal', 'casesActive'), 'ONGOING', 'TH')).toBe(1);
  expect(value(figure(r, 'legal', 'casesActive'), 'NEW')).toBe(0);
  expect(value(figure(r, 'legal', 'beneficiaries'), 'ADULT')).toBe(1);
  expect(value(figure(r, 'legal', 'serviceOccasions'), 'COURT_HEARING')).toBe(1);
  expect(value(figure(r, 'legal', 'compensationApproved'), 'OFFENDER')).toBe(29000000);
  expect(value(figure(r, 'legal', 'compensationApprovedCases'))).toBe(1);
  expect(value(figure(r, 'legal', 'compensationApprovedBeneficiaries'))).toBe(1);
  // On bail at the end of 2020, in jail at the end of 2021.
  expect(value(figure(r, 'legal', 'offenders'), 'ON_BAIL')).toBe(1);
  expect(value(figure(r, 'legal', 'offenders'), 'IN_JAIL')).toBe(0);
  const next = (await report({ year: 2021 })).data!;
  expect(value(figure(next, 'legal', 'offenders'), 'IN_JAIL')).toBe(1);
  expect(value(figure(next, 'legal', 'offenders'), 'ON_BAIL')).toBe(0);
  // The woman: rescued by protection and assisted by legal, once in the total.
  expect(value(figure(r, 'all', 'uniqueBeneficiaries'), 'legal')).toBe(1);
  expect(value(figure(r, 'all', 'uniqueBeneficiaries'))).toBe(2);
});

it('counts relief: recipients by distribution, potential victims notified, field workers', async () => {
  const r = (await report({ year: 2020 })).data!;
  expect(value(figure(r, 'relief', 'recipients'), null, 'LA')).toBe(2);
  expect(value(figure(r, 'relief', 'recipients'), 'NECESSITY_BAG')).toBe(1);
  expect(value(figure(r, 'relief', 'potentialVictimsNotified'), 'MINOR')).toBe(1);
  expect(value(figure(r, 'relief', 'fieldWorkers'), 'AGENT_OF_CHANGE')).toBe(2);
  // The girl counts for relief too, and still once in the total; the relief recipient is no
  // registered beneficiary.
  expect(value(figure(r, 'all', 'uniqueBeneficiaries'), 'relief')).toBe(1);
  expect(value(figure(r, 'all', 'uniqueBeneficiaries'))).toBe(2);
});

it('reads protection events stored in version 1 through the upcasters (2019: the case and its victim)', async () => {
  const r = (await report({ year: 2019 })).data!;
  expect(value(figure(r, 'protection', 'casesOpened'), null, 'TH')).toBe(1);
  const protectedRows = figure(r, 'protection', 'personsProtected');
  expect(value(protectedRows, 'UNKNOWN')).toBe(1);
  expect(value(protectedRows, 'ADULT')).toBe(1);
  expect(value(protectedRows, 'IN_COUNTRY')).toBe(1);
});
